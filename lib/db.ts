import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";

/** The one Prisma client. Cached on globalThis so dev-server reloads don't open a new file handle each time. */
const globalForPrisma = globalThis as unknown as { galleryPrisma?: PrismaClient };

function createClient(): PrismaClient {
  // timeout is SQLite's busy timeout: writers from a second instance wait instead of failing.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 10_000 }) });
}

export const db: PrismaClient = globalForPrisma.galleryPrisma ?? createClient();
globalForPrisma.galleryPrisma = db;
