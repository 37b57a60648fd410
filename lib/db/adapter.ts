/**
 * The one place that turns DATABASE_URL into a Prisma driver adapter, shared by the app
 * (lib/db/client.ts), the Prisma CLI (prisma.config.ts) and the scripts.
 *
 * - `file:` opens a local SQLite file through better-sqlite3: the default, nothing to install.
 * - `libsql:`, `https:` or `http:` speaks libSQL's HTTP protocol to a hosted database (Turso),
 *   for hosts such as Vercel whose disk is neither writable nor shared between instances.
 *
 * Not marked server-only: the Prisma CLI config imports it, so its own imports are relative (the CLI knows no `@/` alias).
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { checkSqliteSettings, SQLITE_BUSY_TIMEOUT_MS, SQLITE_SETTING_NAMES, SQLITE_SETTINGS_SCRIPT } from "./sqlite-settings";
import { inWriteTurn, takeWriteTurn } from "./write-turns";

/** Prisma's better-sqlite3 adapter, each connection it opens set as lib/db/sqlite-settings.ts says, and checked. */
class SettledBetterSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_SETTINGS_SCRIPT);
    const values = new Map<string, unknown>();
    for (const name of SQLITE_SETTING_NAMES) {
      values.set(name, (await adapter.queryRaw({ sql: `PRAGMA ${name}`, args: [], argTypes: [] })).rows[0]?.[0]);
    }
    checkSqliteSettings((name) => values.get(name));
    return withTransactionsThatRecover(adapter);
  }
}

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;

/** Prisma's statements that write (everything else it sends only reads). */
const WRITES = /^\s*(INSERT|UPDATE|DELETE|REPLACE|WITH)\b/i;

/**
 * Prisma's connection, made safe beside the process's other connection and against a full disk.
 * - Its writes take their turn with the other connection's (lib/db/write-turns.ts): a transaction holds
 *   the turn from its start to its end, a single write for itself.
 * - Its transactions cannot be wedged by a full disk. When the disk refuses a transaction's COMMIT,
 *   Prisma neither rolls it back nor ends it: SQLite's transaction stayed open and the adapter's lock
 *   taken, so every later transaction of the process waited for ever (found with the database on a full
 *   filesystem: the import after space was freed never began). Here a refused COMMIT ends its
 *   transaction at once (rolled back, the lock and the turn given back), each transaction starts only
 *   after the last has ended and ends anything it left open, and a transaction is ended once only,
 *   however Prisma goes on.
 */
function withTransactionsThatRecover(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const connection = (adapter as unknown as { client: { inTransaction: boolean; prepare(sql: string): { run(): unknown } } }).client;
  const rollBackWhatIsOpen = () => {
    try {
      if (connection.inTransaction) connection.prepare("ROLLBACK").run();
    } catch {
      // Nothing open after all, or SQLite ended it itself.
    }
  };
  // Every transaction takes the write lock when it begins (BEGIN IMMEDIATE, as the group commit does),
  // not at its first write: a transaction that read first and then wrote, after another process had
  // written meanwhile, failed at once with "database is locked" (its snapshot was stale, so SQLite would
  // not wait): under the soak's traffic a 5,000-row import stopped at its seventh row. The adapter's own
  // BEGIN is the only statement that is exactly "BEGIN".
  const prepare = connection.prepare.bind(connection);
  connection.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const run = adapter[method].bind(adapter) as (query: { sql: string }) => Promise<never>;
    (adapter as unknown as Record<string, unknown>)[method] = (query: { sql: string }) =>
      WRITES.test(query.sql) ? inWriteTurn("prisma", () => run(query)) : run(query);
  }
  const startTransaction = adapter.startTransaction.bind(adapter);
  let transactions: Promise<void> = Promise.resolve();
  adapter.startTransaction = async (isolationLevel) => {
    let endTransaction!: () => void;
    const previous = transactions;
    transactions = new Promise<void>((resolve) => (endTransaction = resolve));
    await previous;
    let endTurn: (() => void) | undefined;
    const endBoth = () => {
      endTurn?.();
      endTransaction();
    };
    try {
      endTurn = await takeWriteTurn("prisma");
      rollBackWhatIsOpen();
      const transaction: Transaction = await startTransaction(isolationLevel);
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      const executeRaw = transaction.executeRaw.bind(transaction);
      let ended = false;
      const end = async (finish: () => Promise<void>) => {
        if (ended) return;
        ended = true;
        try {
          await finish();
        } finally {
          endBoth();
        }
      };
      transaction.commit = () => end(commit);
      transaction.rollback = () => end(rollback);
      transaction.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (/^\s*COMMIT\b/i.test(query.sql)) {
            rollBackWhatIsOpen();
            await end(rollback);
          }
          throw error;
        }
      };
      return transaction;
    } catch (error) {
      endBoth();
      throw error;
    }
  };
  return adapter;
}

export type DatabaseKind = "sqlite-file" | "libsql";

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite-file";
  if (/^(libsql|https?):\/\//.test(url)) return "libsql";
  throw new Error(`DATABASE_URL must start with file:, libsql://, https:// or http:// (got "${url.split(":")[0]}:")`);
}

export function databaseAdapter(url: string, authToken?: string) {
  if (databaseKind(url) === "sqlite-file") {
    // timeout is SQLite's busy timeout: a writer from a second process waits instead of failing.
    return new SettledBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }
  return new PrismaLibSQL({ url, authToken });
}
