/**
 * Where uploaded files live. One interface, two places: a folder on the local disk (a Node server,
 * the default) or S3-compatible object storage (Vercel, or any host whose disk is not shared).
 * Keys are "/"-separated paths made by the application, never by a user.
 */
export type StoredObject = { body: Buffer; contentType: string };

export interface ObjectStore {
  /** A short name for logs and the README: "local folder" or "S3 bucket …". */
  readonly description: string;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none under that key. */
  get(key: string): Promise<StoredObject | null>;
  /** Every object whose key starts with prefix. */
  deletePrefix(prefix: string): Promise<void>;
  /** Every key under prefix (for tests and housekeeping). */
  list(prefix: string): Promise<string[]>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*\/?$/i;

/** Keys never climb out of their folder or bucket prefix. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Unsafe storage key: ${key}`);
}

/** A store that does not answer in time: said plainly, rather than a visitor's page waiting on it forever. */
export class ObjectStoreUnavailable extends Error {
  constructor(description: string, cause: unknown) {
    super(`${description} did not answer in time (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}
