import Database from "better-sqlite3";
import { appEnv } from "./test-env";

/** Reads the running gallery's SQLite file directly, read-only, to check what was (not) stored. */
export function queryDatabase<T>(sql: string, ...params: unknown[]): T[] {
  const database = new Database(appEnv.DATABASE_URL!.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  try {
    return database.prepare(sql).all(...params) as T[];
  } finally {
    database.close();
  }
}

/** Writes to the running gallery's SQLite file, for setting up a state no page can produce on its own. */
export function writeDatabase(sql: string, ...params: unknown[]): void {
  const database = new Database(appEnv.DATABASE_URL!.replace(/^file:/, ""), { fileMustExist: true, timeout: 10_000 });
  try {
    database.prepare(sql).run(...params);
  } finally {
    database.close();
  }
}
