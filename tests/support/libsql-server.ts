/**
 * A libSQL server for tests: the HTTP protocol Turso speaks (Hrana over HTTP, version 2 JSON
 * pipelines) on top of a local SQLite file through better-sqlite3. No libSQL server can be
 * installed on these machines, and @libsql/client must be tested against the wire protocol it uses
 * in production, not against a file URL.
 *
 * Like a real server, it serialises transactions: while one stream (one interactive transaction of
 * a client) has a transaction open, requests from other streams wait. A transaction left idle for
 * 15 s is rolled back, so a crashed client cannot hold the database.
 *
 * Run on its own: `tsx tests/support/libsql-server.ts --db FILE --port PORT [--token TOKEN]`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";

type HranaValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

type Statement = {
  sql?: string;
  sql_id?: number;
  args?: HranaValue[];
  named_args?: Array<{ name: string; value: HranaValue }>;
  want_rows?: boolean;
};
type BatchCondition =
  | { type: "ok" | "error"; step: number }
  | { type: "not"; cond: BatchCondition }
  | { type: "and" | "or"; conds: BatchCondition[] }
  | { type: "is_autocommit" };
type StreamRequest =
  | { type: "close" }
  | { type: "execute"; stmt: Statement }
  | { type: "batch"; batch: { steps: Array<{ condition?: BatchCondition; stmt: Statement }> } }
  | { type: "sequence"; sql?: string; sql_id?: number }
  | { type: "store_sql"; sql_id: number; sql: string }
  | { type: "close_sql"; sql_id: number }
  | { type: "get_autocommit" };

type SqlValue = null | bigint | number | string | Buffer;
type Stream = { id: string; storedSql: Map<number, string>; idleTimer?: NodeJS.Timeout };

class HranaError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

function decodeValue(value: HranaValue): SqlValue {
  switch (value.type) {
    case "null":
      return null;
    case "integer":
      return BigInt(value.value);
    case "float":
      return value.value;
    case "text":
      return value.value;
    case "blob":
      return Buffer.from(value.base64, "base64");
  }
}

function encodeValue(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  if (typeof value === "number") return Number.isInteger(value) ? { type: "integer", value: String(value) } : { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (Buffer.isBuffer(value)) return { type: "blob", base64: value.toString("base64") };
  throw new HranaError(`Cannot encode a value of type ${typeof value}`);
}

export type LibsqlTestServer = { url: string; port: number; close: () => Promise<void> };

export async function startLibsqlTestServer(options: {
  databasePath: string;
  port?: number;
  authToken?: string;
}): Promise<LibsqlTestServer> {
  const sqlite = new Database(options.databasePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.defaultSafeIntegers(true);

  const streams = new Map<string, Stream>();
  let transactionOwner: Stream | null = null;
  let waiting: Array<() => void> = [];

  function release() {
    transactionOwner = null;
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  }

  function closeStream(stream: Stream) {
    clearTimeout(stream.idleTimer);
    if (transactionOwner === stream) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      release();
    }
    streams.delete(stream.id);
  }

  function sqlOf(stream: Stream, statement: { sql?: string; sql_id?: number }): string {
    if (statement.sql !== undefined) return statement.sql;
    const stored = statement.sql_id === undefined ? undefined : stream.storedSql.get(statement.sql_id);
    if (stored === undefined) throw new HranaError("No SQL was given, or the sql_id is unknown", "SQL_NOT_FOUND");
    return stored;
  }

  function execute(stream: Stream, statement: Statement) {
    const sql = sqlOf(stream, statement);
    let prepared: Database.Statement;
    try {
      prepared = sqlite.prepare(sql);
    } catch (error) {
      throw asHranaError(error);
    }
    const positional = (statement.args ?? []).map(decodeValue);
    const named = Object.fromEntries((statement.named_args ?? []).map((arg) => [arg.name.replace(/^[:@$]/, ""), decodeValue(arg.value)]));
    const parameters: unknown[] = Object.keys(named).length > 0 ? [...positional, named] : positional;
    try {
      if (prepared.reader) {
        const columns = prepared.columns();
        const rows = (prepared.raw(true).all(...parameters) as unknown[][]).map((row) => row.map(encodeValue));
        return {
          cols: columns.map((column) => ({ name: column.name, decltype: column.type })),
          rows,
          affected_row_count: 0,
          last_insert_rowid: null,
        };
      }
      const outcome = prepared.run(...parameters);
      return { cols: [], rows: [], affected_row_count: Number(outcome.changes), last_insert_rowid: String(outcome.lastInsertRowid) };
    } catch (error) {
      throw asHranaError(error);
    }
  }

  function conditionHolds(condition: BatchCondition | undefined, outcomes: Array<"ok" | "error" | "skipped">): boolean {
    if (!condition) return true;
    switch (condition.type) {
      case "ok":
        return outcomes[condition.step] === "ok";
      case "error":
        return outcomes[condition.step] === "error";
      case "not":
        return !conditionHolds(condition.cond, outcomes);
      case "and":
        return condition.conds.every((inner) => conditionHolds(inner, outcomes));
      case "or":
        return condition.conds.some((inner) => conditionHolds(inner, outcomes));
      case "is_autocommit":
        return !sqlite.inTransaction;
    }
  }

  function handle(stream: Stream, request: StreamRequest): unknown {
    switch (request.type) {
      case "close":
        closeStream(stream);
        return { type: "close" };
      case "execute":
        return { type: "execute", result: execute(stream, request.stmt) };
      case "batch": {
        const outcomes: Array<"ok" | "error" | "skipped"> = [];
        const stepResults: unknown[] = [];
        const stepErrors: unknown[] = [];
        for (const step of request.batch.steps) {
          if (!conditionHolds(step.condition, outcomes)) {
            outcomes.push("skipped");
            stepResults.push(null);
            stepErrors.push(null);
            continue;
          }
          try {
            stepResults.push(execute(stream, step.stmt));
            stepErrors.push(null);
            outcomes.push("ok");
          } catch (error) {
            const failure = asHranaError(error);
            stepResults.push(null);
            stepErrors.push({ message: failure.message, code: failure.code });
            outcomes.push("error");
          }
        }
        return { type: "batch", result: { step_results: stepResults, step_errors: stepErrors } };
      }
      case "sequence":
        try {
          sqlite.exec(sqlOf(stream, request));
        } catch (error) {
          throw asHranaError(error);
        }
        return { type: "sequence" };
      case "store_sql":
        stream.storedSql.set(request.sql_id, request.sql);
        return { type: "store_sql" };
      case "close_sql":
        stream.storedSql.delete(request.sql_id);
        return { type: "close_sql" };
      case "get_autocommit":
        return { type: "get_autocommit", is_autocommit: !sqlite.inTransaction };
      default:
        throw new HranaError(`Unknown request type ${(request as { type: string }).type}`, "UNKNOWN_REQUEST");
    }
  }

  async function pipeline(body: { baton?: string | null; requests: StreamRequest[] }) {
    let stream = body.baton ? streams.get(body.baton) : undefined;
    if (body.baton && !stream) throw new HranaError("The stream has expired or was closed", "STREAM_EXPIRED");
    if (!stream) {
      stream = { id: randomBytes(12).toString("hex"), storedSql: new Map() };
      streams.set(stream.id, stream);
    }
    while (transactionOwner && transactionOwner !== stream) {
      await new Promise<void>((wake) => waiting.push(wake));
    }
    clearTimeout(stream.idleTimer);
    const results = body.requests.map((request) => {
      try {
        return { type: "ok", response: handle(stream, request) };
      } catch (error) {
        const failure = asHranaError(error);
        return { type: "error", error: { message: failure.message, code: failure.code } };
      }
    });
    const open = streams.has(stream.id);
    if (open && sqlite.inTransaction) {
      transactionOwner = stream;
      const idle = stream;
      stream.idleTimer = setTimeout(() => closeStream(idle), 15_000);
    } else if (transactionOwner === stream) {
      release();
    }
    return { baton: open ? stream.id : null, base_url: null, results };
  }

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (options.authToken && request.headers.authorization !== `Bearer ${options.authToken}`) {
      reply(401, { error: "Unauthorized" });
      return;
    }
    const route = (request.url ?? "/").split("?")[0];
    if (request.method === "GET" && (route === "/v2" || route === "/")) {
      reply(200, {});
      return;
    }
    if (request.method !== "POST" || route !== "/v2/pipeline") {
      // The client asks for /v3-protobuf first and falls back to v2 JSON on a 404.
      reply(404, { error: "Not found" });
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      let body: { baton?: string | null; requests: StreamRequest[] };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        reply(400, { error: "The body is not JSON" });
        return;
      }
      pipeline(body).then(
        (result) => reply(200, result),
        (error: unknown) => reply(400, { error: asHranaError(error).message }),
      );
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `libsql://127.0.0.1:${port}?tls=0`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of [...streams.values()]) closeStream(stream);
        server.closeAllConnections();
        server.close(() => {
          sqlite.close();
          resolve();
        });
      }),
  };
}

function asHranaError(error: unknown): HranaError {
  if (error instanceof HranaError) return error;
  const code = (error as { code?: string }).code;
  return new HranaError(error instanceof Error ? error.message : String(error), typeof code === "string" ? code : undefined);
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const databasePath = argument("db");
  if (!databasePath) {
    console.error("usage: tsx tests/support/libsql-server.ts --db FILE [--port PORT] [--token TOKEN]");
    process.exit(2);
  }
  const server = await startLibsqlTestServer({ databasePath, port: Number(argument("port") ?? 0), authToken: argument("token") });
  console.log(`libSQL test server on ${server.url} serving ${databasePath}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
