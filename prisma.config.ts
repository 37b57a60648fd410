import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseAdapter } from "./lib/db/adapter";
import { databaseAuthToken, databaseUrl } from "./lib/env";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => databaseAdapter(databaseUrl(), databaseAuthToken()),
});
