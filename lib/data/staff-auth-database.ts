import "server-only";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { db } from "@/lib/db/client";

/**
 * better-auth's way into the database (sessions, accounts), handed to the instance in lib/auth/auth.ts:
 * the data layer stays the only place that holds the Prisma client.
 */
export function staffAuthDatabase() {
  return prismaAdapter(db, { provider: "sqlite" });
}
