/**
 * Whose turn it is to write, between this process's two SQLite connections: Prisma's, and the enquiry's
 * and the outbox's own handle (lib/db/client.ts). Both drivers are synchronous. When one connection held
 * a write transaction across an await (a Prisma transaction does, between its statements) and the other
 * then wrote, SQLite's busy handler waited for a lock that only this same thread could release: the
 * whole process stood still for the busy timeout (10 s) for each statement queued behind, and a web
 * process was found frozen for minutes, deaf even to SIGTERM. So each connection writes only while the
 * other has no write under way in this process; waiting is asynchronous, and other processes' locks are
 * still waited for by SQLite itself. Writes of the same connection never wait for each other here (their
 * driver orders them), so a transaction that writes through the same connection cannot wait on itself.
 *
 * Not marked server-only: the Prisma CLI's config imports lib/db/adapter.ts, which uses it.
 */
export type WritingConnection = "prisma" | "own";

type Turns = {
  holder: { connection: WritingConnection; count: number } | null;
  waiting: Array<{ connection: WritingConnection; grant: () => void }>;
};
// On globalThis: Next.js bundles the server's start-up apart from each route, each with its own copy of
// this module, while the two connections are made once per process (lib/db/client.ts keeps them on
// globalThis too), perhaps by two different bundles. Kept per module, the turns were not shared, and the
// process froze as before.
const globalForTurns = globalThis as unknown as { galleryWriteTurns?: Turns };
const turns = (globalForTurns.galleryWriteTurns ??= { holder: null, waiting: [] });

function grantWaiting() {
  const first = turns.waiting[0];
  if (turns.holder || !first) return;
  // Every waiter of the same connection at the head goes together.
  while (turns.waiting[0]?.connection === first.connection) turns.waiting.shift()!.grant();
}

/** Resolves, with the function that ends it, once `connection` may write. */
export function takeWriteTurn(connection: WritingConnection): Promise<() => void> {
  return new Promise((resolve) => {
    const grant = () => {
      const holder = (turns.holder ??= { connection, count: 0 });
      holder.count += 1;
      let ended = false;
      resolve(() => {
        if (ended) return;
        ended = true;
        holder.count -= 1;
        if (holder.count === 0) {
          turns.holder = null;
          grantWaiting();
        }
      });
    };
    const holder = turns.holder;
    if (holder === null ? turns.waiting.length === 0 : holder.connection === connection) grant();
    else turns.waiting.push({ connection, grant });
  });
}

/** Runs `write` in a turn of `connection`'s. */
export async function inWriteTurn<T>(connection: WritingConnection, write: () => Promise<T> | T): Promise<T> {
  const endTurn = await takeWriteTurn(connection);
  try {
    return await write();
  } finally {
    endTurn();
  }
}
