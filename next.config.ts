import path from "node:path";
import type { NextConfig } from "next";
import { buildingForVercel, developing, siteServedOverHttps, skippingBuildTypeCheck } from "./lib/env";
import { contentSecurityPolicy, PRE_RENDERED_PAGES_SOURCE, securityHeaders } from "./lib/http/security-headers";

const WORKBOOK_READER_FILES = [
  "./lib/archives/workbook-worker.cjs",
  "./node_modules/@e965/xlsx/xlsx.js",
  "./node_modules/@e965/xlsx/package.json",
  "./node_modules/@e965/xlsx/dist/cpexcel.js",
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The test builds (e2e, Vercel) skip the check `npm test` already makes once for the whole project.
  typescript: { ignoreBuildErrors: skippingBuildTypeCheck() },
  // Every server action's limit, the public pages' included (a chunked body, which the proxy cannot
  // size up front, stops here). The largest staff form (a work's description and notes at their limits
  // in four-byte characters) is under half of it; spreadsheets and photographs go to route handlers
  // that count their own bytes (app/staff/import/upload, app/staff/works/[id]/photographs).
  experimental: { serverActions: { bodySizeLimit: "256kb" } },
  serverExternalPackages: ["better-sqlite3", "@libsql/client", "libsql", "pino", "pdfkit", "@node-rs/argon2"],
  // A self-contained server in .next/standalone for the Node stack (deploy/); Vercel builds its own functions.
  output: "standalone",
  // What a web process keeps in memory of its cache (pages and cached reads; the files on disk stay whole
  // and are read again). Next's default, 50 MB counted in the pages' bytes, is a third of the 160 MB heap
  // a web process runs in: browsing a catalogue of thousands of works filled it with 519 work pages of
  // about 75 KB of HTML each (39 MB of strings in a heap snapshot taken at the limit, beside the chain of
  // requests scripts/build/page-turn.mjs describes, which was what took the processes past it).
  cacheMaxMemorySize: 16 * 1024 * 1024,
  // Several Node processes share one cache: a staff edit through one shows on all (Vercel has its own).
  ...(buildingForVercel() ? {} : { cacheHandler: path.join(import.meta.dirname, "lib/cache/shared-tags-cache-handler.cjs") }),
  // A workbook is read by SheetJS in a worker thread (lib/archives/read-workbook.ts), whose script the
  // tracer cannot see being loaded: the staff import's routes carry it and the package it requires.
  outputFileTracingIncludes: {
    "/staff/import": WORKBOOK_READER_FILES,
    "/staff/import/**/*": WORKBOOK_READER_FILES,
  },
  outputFileTracingExcludes: {
    "*": [
      // A database file, uploads or mail drops in the project must never be bundled into a deployment.
      // (Unused Prisma engines are pruned after the build: scripts/build/after-build.ts.)
      "data/**",
      "tmp/**",
      "**/*.db",
      "**/*.db-*",
    ],
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders({ https: siteServedOverHttps(), development: developing() }) },
      // The pages made per request get a policy with a nonce from proxy.ts instead.
      {
        source: PRE_RENDERED_PAGES_SOURCE,
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy({ https: siteServedOverHttps(), development: developing() }) },
        ],
      },
      // Staff pages hold collectors' personal details: never stored by a browser or a proxy.
      {
        source: "/staff/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store, max-age=0" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
      // A private viewing room opens only by its guest's link: never kept by a cache, never indexed.
      {
        source: "/rooms/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store, max-age=0" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
