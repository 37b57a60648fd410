import { LARGEST_MESSAGE_BYTES } from "@/lib/mailbox/parse-email";

export type MailboxPosition = { uidValidity: string; lastUid: number };

export type MailboxMessage = {
  uid: number;
  /** The message's bytes, or its first LARGEST_MESSAGE_BYTES when it is larger (then `cutShort`). */
  raw: Buffer;
  cutShort: boolean;
  size: number;
};

/** The mailbox's connection settings, from INBOUND_IMAP_URL (imaps://user:password@host:993/). */
export function imapSettingsFrom(url: string): { host: string; port: number; secure: boolean; user: string; pass: string } {
  const parsed = new URL(url.replace(/^imap(s?):/, "http$1:"));
  const secure = url.startsWith("imaps:");
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    pass: decodeURIComponent(parsed.password),
  };
}

/**
 * Reads the folder's messages after `from` (by UID), oldest first, at most `limit` of them, handing
 * each to `handle` before the next is fetched: the caller stores it and moves its cursor, so that a
 * process killed between two messages starts again at the first it had not stored. Returns where the
 * folder now stands. A folder whose UIDVALIDITY changed (the server renumbered it) is read from the
 * start; the caller's store keeps each message once by its Message-ID.
 */
export async function readNewMessages(
  settings: { url: string; folder: string; timeoutMs?: number },
  from: MailboxPosition | null,
  limit: number,
  handle: (message: MailboxMessage, position: MailboxPosition) => Promise<void>,
): Promise<{ position: MailboxPosition; read: number; more: boolean }> {
  const { host, port, secure, user, pass } = imapSettingsFrom(settings.url);
  const timeoutMs = settings.timeoutMs ?? 20_000;
  // Loaded when the mailbox is first read, not with every web process (some 7 MB of heap).
  const { ImapFlow } = await import("imapflow");
  const client = new ImapFlow({
    host,
    port,
    secure,
    auth: { user, pass },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: Math.max(timeoutMs * 3, 60_000),
  });
  // A dropped connection is reported by the command that was waiting on it; the event must not crash the process.
  client.on("error", () => {});
  await client.connect();
  try {
    const lock = await client.getMailboxLock(settings.folder, { readOnly: true });
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new Error(`The mailbox has no folder ${settings.folder}`);
      const uidValidity = String(mailbox.uidValidity);
      const lastUid = from && from.uidValidity === uidValidity ? from.lastUid : 0;
      let position: MailboxPosition = { uidValidity, lastUid };
      if (mailbox.exists === 0 || mailbox.uidNext <= lastUid + 1) return { position, read: 0, more: false };
      // "n:*" also names the last message when every UID is below n: the filter keeps only new ones.
      const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
      const waiting = found.filter((uid) => uid > lastUid).sort((a, b) => a - b);
      for (const uid of waiting.slice(0, limit)) {
        const head = await client.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
        if (!head) continue;
        const size = head.size ?? 0;
        const cutShort = size > LARGEST_MESSAGE_BYTES;
        const message = await client.fetchOne(
          String(uid),
          { uid: true, source: cutShort ? { start: 0, maxLength: LARGEST_MESSAGE_BYTES } : true },
          { uid: true },
        );
        if (!message || !message.source) continue;
        position = { uidValidity, lastUid: uid };
        await handle({ uid, raw: message.source, cutShort, size }, position);
      }
      return { position, read: Math.min(waiting.length, limit), more: waiting.length > limit };
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
