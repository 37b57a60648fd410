import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Takes the database's write lock as an interactive transaction's first statement. Prisma begins its
 * transactions deferred: one that reads first and writes later asks SQLite to upgrade its lock, and if
 * another process began writing meanwhile SQLite refuses at once ("database is locked": waiting could
 * deadlock, so the busy timeout does not apply). A write statement first makes the transaction wait its
 * turn instead, as an IMMEDIATE one would. The statement changes nothing: SQLite takes the lock for any
 * UPDATE as it starts, whatever it matches.
 */
export async function takeWriteLock(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`UPDATE "InvoiceCounter" SET "last" = "last" WHERE 0`;
}
