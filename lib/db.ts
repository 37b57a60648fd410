import "server-only";
import { databaseAdapter } from "@/lib/database-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseAuthToken, databaseUrl } from "@/lib/env";

/** The one Prisma client. Cached on globalThis so dev-server reloads don't open a new file handle each time. */
const globalForPrisma = globalThis as unknown as { galleryPrisma?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: databaseAdapter(databaseUrl(), databaseAuthToken()) });
}

export const db: PrismaClient = globalForPrisma.galleryPrisma ?? createClient();
globalForPrisma.galleryPrisma = db;
