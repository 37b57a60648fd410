import "server-only";
import { stat, statfs } from "node:fs/promises";
import path from "node:path";
import { databaseFilePath } from "@/lib/env";

export type DatabaseDisk = {
  /** Bytes a new write can still use on the database file's filesystem (what an unprivileged process may take). */
  freeBytes: number;
  totalBytes: number;
  /** The database file and its write-ahead log, as they stand on disk. */
  databaseBytes: number;
  walBytes: number;
};

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

/**
 * The space left where the SQLite file lives; null for a hosted database (libSQL), whose disk is its
 * host's to watch. Enquiries, uploads and the import all write there, so this is the disk that matters.
 */
export async function databaseDisk(): Promise<DatabaseDisk | null> {
  const file = databaseFilePath();
  if (!file) return null;
  const space = await statfs(path.dirname(file));
  const [databaseBytes, walBytes] = await Promise.all([sizeOf(file), sizeOf(`${file}-wal`)]);
  return { freeBytes: space.bavail * space.bsize, totalBytes: space.blocks * space.bsize, databaseBytes, walBytes };
}
