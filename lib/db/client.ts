import "server-only";
import Database from "better-sqlite3";
import { databaseAdapter, databaseKind } from "@/lib/db/adapter";
import { applySqliteSettings, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite-settings";
import { inWriteTurn } from "@/lib/db/write-turns";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseAuthToken, databaseFilePath, databaseUrl } from "@/lib/env";

/** The one Prisma client. Cached on globalThis so dev-server reloads don't open a new file handle each time. */
const globalForPrisma = globalThis as unknown as { galleryPrisma?: PrismaClient; gallerySql?: SqlDatabase };

function createClient(): PrismaClient {
  return new PrismaClient({
    adapter: databaseAdapter(databaseUrl(), databaseAuthToken()),
    // Longer than SQLite's busy timeout: a transaction that waited its turn for the write lock
    // must not then be cut off by Prisma's own clock (default 5 s) halfway through.
    transactionOptions: { maxWait: SQLITE_BUSY_TIMEOUT_MS + 2_000, timeout: SQLITE_BUSY_TIMEOUT_MS + 5_000 },
  });
}

export const db: PrismaClient = globalForPrisma.galleryPrisma ?? createClient();
globalForPrisma.galleryPrisma = db;

/*
 * Plain SQL, for the few hot writes where Prisma's query planning costs more than the write
 * itself (the enquiry: about half a millisecond of CPU per statement here, against tens of
 * microseconds for a prepared SQLite statement). Same database, same URL; everything else goes
 * through `db`.
 */

export type SqlValue = string | number | null;

export type SqlStatements = {
  /** Rows of a SELECT, or of an INSERT/UPDATE … RETURNING. */
  all<Row extends Record<string, SqlValue>>(sql: string, args?: SqlValue[]): Promise<Row[]>;
  /** Rows changed. */
  run(sql: string, args?: SqlValue[]): Promise<number>;
};

type SqlDatabase = {
  writeTransaction<T>(work: (sql: SqlStatements) => Promise<T>): Promise<T>;
  /** Rows of one read. */
  query<Row extends Record<string, SqlValue>>(sql: string, args?: SqlValue[]): Promise<Row[]>;
  /** One statement on its own (SQLite makes it atomic by itself). */
  execute(sql: string, args?: SqlValue[]): Promise<number>;
};

/**
 * A local SQLite file through its own better-sqlite3 handle, with each statement prepared once.
 * better-sqlite3 is synchronous, so transactions on the handle are queued one after another:
 * two requests must never interleave statements inside one BEGIN … COMMIT.
 */
function fileDatabase(filePath: string): SqlDatabase {
  // The busy timeout lets a writer in another process (a second web process, the worker) finish first.
  const handle = new Database(filePath, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  applySqliteSettings(handle);
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let cached = prepared.get(sql);
    if (!cached) {
      cached = handle.prepare(sql);
      prepared.set(sql, cached);
    }
    return cached;
  };
  const statements: SqlStatements = {
    async all<Row>(sql: string, args: SqlValue[] = []) {
      return statement(sql).all(...args) as Row[];
    },
    async run(sql: string, args: SqlValue[] = []) {
      return statement(sql).run(...args).changes;
    },
  };
  let queue: Promise<unknown> = Promise.resolve();

  /*
   * The write lock, waited for without holding the thread. Another process's writer (the other web
   * process, the worker) holds it for a millisecond or two; SQLite's own busy handler waits by sleeping
   * (1, 2, 5, 10, 15, 20, 25 ms…), and better-sqlite3 calls it on this process's only thread: the
   * whole wait stopped every request this process had open (pages too), not only the writes queued
   * behind the lock. Here BEGIN IMMEDIATE is tried without SQLite's wait, and tried again a millisecond
   * later while the event loop goes on, for as long as SQLite would have waited.
   */
  async function beginImmediate(): Promise<void> {
    const deadline = performance.now() + SQLITE_BUSY_TIMEOUT_MS;
    for (;;) {
      handle.pragma("busy_timeout = 0");
      try {
        statement("BEGIN IMMEDIATE").run();
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || performance.now() > deadline) throw error;
      } finally {
        handle.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /*
   * Group commit. With synchronous=FULL every COMMIT waits for the disk (an fsync), and better-sqlite3
   * waits on this process's only thread. So the transactions asked for in the same turn of the event
   * loop — under load, every enquiry whose request arrived while the last commit was on its way to
   * disk — run one after another inside one BEGIN … COMMIT, each in a savepoint of its own: one that
   * fails is rolled back alone, and none is answered before the commit that holds it is on disk.
   */
  type Pending = { work: (sql: SqlStatements) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  let gathering: Pending[] | null = null;

  async function commitTogether(batch: Pending[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      // A transaction left open by a rollback that itself failed (a full disk can refuse even that) is
      // ended first: otherwise every BEGIN after it would fail until the process restarts.
      if (handle.inTransaction) statement("ROLLBACK").run();
      // IMMEDIATE takes the write lock at once, so the reads inside see what the writes will build on.
      await beginImmediate();
      for (const pending of batch) {
        statement("SAVEPOINT one_transaction").run();
        try {
          const value = await pending.work(statements);
          statement("RELEASE one_transaction").run();
          outcomes.push({ ok: true, value });
        } catch (error) {
          statement("ROLLBACK TO one_transaction").run();
          statement("RELEASE one_transaction").run();
          outcomes.push({ ok: false, error });
        }
      }
      statement("COMMIT").run();
    } catch (error) {
      // The batch could not begin or commit (the lock never came, the disk refused): nothing of it is kept.
      try {
        if (handle.inTransaction) statement("ROLLBACK").run();
      } catch {
        // Tried again before the next batch begins.
      }
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  /*
   * A statement on its own, queued behind any open transaction: on one handle it would otherwise join
   * it (a write would be kept or rolled back with a batch not its own; a read would see the batch's
   * writes before they are committed).
   */
  function outsideTransactions<T>(work: () => T | Promise<T>): Promise<T> {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    query<Row>(sql: string, args: SqlValue[] = []) {
      return outsideTransactions(() => statement(sql).all(...args) as Row[]);
    },
    execute(sql: string, args: SqlValue[] = []) {
      return outsideTransactions(() => inWriteTurn("own", () => statement(sql).run(...args).changes));
    },
    writeTransaction<T>(work: (sql: SqlStatements) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const pending: Pending = { work, resolve: resolve as (value: unknown) => void, reject };
        if (gathering) {
          gathering.push(pending);
          return;
        }
        const batch: Pending[] = [pending];
        gathering = batch;
        // After this turn's I/O callbacks, so requests that arrived together are stored together.
        setImmediate(() => {
          gathering = null;
          // Never a rejected queue: every later transaction of this process would be skipped, unanswered.
          queue = queue.then(() => inWriteTurn("own", () => commitTogether(batch))).catch(() => undefined);
        });
      });
    },
  };
}

/** A hosted libSQL database (Vercel): an interactive transaction over its HTTP protocol. */
function libsqlDatabase(url: string, authToken: string | undefined): SqlDatabase {
  let client: Promise<import("@libsql/client").Client> | undefined;
  const connect = () => (client ??= import("@libsql/client").then(({ createClient }) => createClient({ url, authToken })));
  const rowsOf = <Row>(result: import("@libsql/client").ResultSet) =>
    result.rows.map((row) => Object.fromEntries(result.columns.map((column, index) => [column, row[index] as SqlValue]))) as Row[];
  return {
    async query<Row>(sql: string, args: SqlValue[] = []) {
      return rowsOf<Row>(await (await connect()).execute({ sql, args }));
    },
    async execute(sql: string, args: SqlValue[] = []) {
      return (await (await connect()).execute({ sql, args })).rowsAffected;
    },
    async writeTransaction<T>(work: (sql: SqlStatements) => Promise<T>): Promise<T> {
      const transaction = await (await connect()).transaction("write");
      try {
        const value = await work({
          async all<Row>(sql: string, args: SqlValue[] = []) {
            return rowsOf<Row>(await transaction.execute({ sql, args }));
          },
          async run(sql: string, args: SqlValue[] = []) {
            return (await transaction.execute({ sql, args })).rowsAffected;
          },
        });
        await transaction.commit();
        return value;
      } catch (error) {
        await transaction.rollback().catch(() => undefined);
        throw error;
      } finally {
        transaction.close();
      }
    },
  };
}

function sqlDatabase(): SqlDatabase {
  if (!globalForPrisma.gallerySql) {
    const url = databaseUrl();
    globalForPrisma.gallerySql =
      databaseKind(url) === "sqlite-file" ? fileDatabase(databaseFilePath()!) : libsqlDatabase(url, databaseAuthToken());
  }
  return globalForPrisma.gallerySql;
}

/** Runs `work` in one write transaction: everything it wrote is kept, or (when it throws) nothing. */
export function writeTransaction<T>(work: (sql: SqlStatements) => Promise<T>): Promise<T> {
  return sqlDatabase().writeTransaction(work);
}

/**
 * One read in plain SQL, for the few that read thousands of rows at once (the staff dashboard's year of
 * enquiries): Prisma's mapping of them cost several times the query.
 */
export function querySql<Row extends Record<string, SqlValue>>(sql: string, args: SqlValue[] = []): Promise<Row[]> {
  return sqlDatabase().query<Row>(sql, args);
}

/** Runs one write statement by itself; returns the rows changed. */
export function executeSql(sql: string, args: SqlValue[] = []): Promise<number> {
  return sqlDatabase().execute(sql, args);
}

/** SQLite's DATETIME text as Prisma writes it, so rows written either way compare and sort alike. */
export function sqlTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
