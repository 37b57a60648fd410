import path from "node:path";
import type { NextConfig } from "next";
import { buildingForVercel, developing, siteServedOverHttps } from "./lib/env";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Catalogue spreadsheets go through a server action; photographs use a route handler of their own.
  experimental: { serverActions: { bodySizeLimit: "5mb" } },
  serverExternalPackages: ["better-sqlite3", "@libsql/client", "libsql", "pino"],
  // A self-contained server in .next/standalone for the Node stack (deploy/); Vercel builds its own functions.
  output: "standalone",
  // Several Node processes share one cache: a staff edit through one shows on all (Vercel has its own).
  ...(buildingForVercel() ? {} : { cacheHandler: path.join(import.meta.dirname, "lib/cache/shared-tags-cache-handler.cjs") }),
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
      // Staff pages hold collectors' personal details: never stored by a browser or a proxy.
      {
        source: "/staff/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store, max-age=0" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ];
  },
};

export default nextConfig;
