import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Catalogue spreadsheets go through a server action; photographs use a route handler of their own.
  experimental: { serverActions: { bodySizeLimit: "5mb" } },
  serverExternalPackages: ["better-sqlite3", "@libsql/client", "libsql", "pino"],
  // A database file in the project must never be bundled into a deployment.
  outputFileTracingExcludes: { "*": ["data/**", "**/*.db", "**/*.db-*"] },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Staff pages hold collectors' personal details: never stored by a browser or a proxy.
      { source: "/staff/:path*", headers: [{ key: "Cache-Control", value: "private, no-store, max-age=0" }, { key: "X-Robots-Tag", value: "noindex" }] },
    ];
  },
};

export default nextConfig;
