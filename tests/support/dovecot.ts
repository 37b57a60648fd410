/**
 * A real IMAP server for tests: Debian's Dovecot (`dovecot-imapd`, installed by .ci/run), started on
 * 127.0.0.1 with a configuration of its own, a Maildir the test delivers into, and one password for
 * any user name. Messages are delivered as a mail server's local delivery does: written whole into
 * Maildir's tmp/, then renamed into new/, where Dovecot gives each a UID when it next looks.
 *
 * Run on its own (the browser tests start it so): `tsx tests/support/dovecot.ts --port PORT --dir DIR`;
 * it stays in the foreground until stopped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { freePort } from "./free-port";

export const DOVECOT_BINARY = "/usr/sbin/dovecot";
export const TEST_MAILBOX_USER = "gallery";
export const TEST_MAILBOX_PASSWORD = "mailbox-test-password";

export type TestMailbox = {
  /** INBOUND_IMAP_URL for the gallery. */
  url: string;
  port: number;
  maildir: string;
  /** Delivers one raw message; returns its file name in new/. */
  deliver(raw: Buffer | string): string;
  close(): Promise<void>;
};

export function dovecotInstalled(): boolean {
  return existsSync(DOVECOT_BINARY);
}

async function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A system account's uid and gid, from /etc/passwd. */
function systemAccount(name: string): { uid: number; gid: number } | null {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) return null;
  const fields = line.split(":");
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/**
 * Who Dovecot's processes run as. As root (CI), the accounts Debian's package made: login processes
 * may not run as root, nor may mail be read as uid 0. As anyone else, that user for everything.
 */
function accounts(): { internal: string; login: string; mail: { uid: number; gid: number } } {
  const user = os.userInfo();
  if (user.uid !== 0) return { internal: user.username, login: user.username, mail: { uid: user.uid, gid: user.gid } };
  const dovecot = systemAccount("dovecot");
  if (!dovecot || !systemAccount("dovenull"))
    throw new Error("Dovecot's system accounts (dovecot, dovenull) are missing: reinstall dovecot-core");
  return { internal: "dovecot", login: "dovenull", mail: dovecot };
}

function configuration(root: string, port: number): string {
  const who = accounts();
  return `
protocols = imap
listen = 127.0.0.1
base_dir = ${root}/run
state_dir = ${root}/state
log_path = ${root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${who.internal}
default_login_user = ${who.login}
first_valid_uid = 1
mail_location = maildir:${root}/Maildir
passdb {
  driver = static
  args = password=${TEST_MAILBOX_PASSWORD}
}
userdb {
  driver = static
  args = uid=${who.mail.uid} gid=${who.mail.gid} home=${root}/home
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service pop3-login {
  chroot =
}
service anvil {
  chroot =
}
service auth {
  user = $default_internal_user
}
service auth-worker {
  user = $default_internal_user
}
`;
}

/** Delivers one raw message into a Maildir as local delivery does: written whole into tmp/, then renamed into new/. */
export function deliverToMaildir(maildir: string, raw: Buffer | string, sequence = Math.floor(Math.random() * 1e9)): string {
  const name = `${Date.now()}.M${sequence}P${process.pid}.gallery-test,S=${Buffer.byteLength(raw)}`;
  writeFileSync(path.join(maildir, "tmp", name), raw, { mode: 0o666 });
  renameSync(path.join(maildir, "tmp", name), path.join(maildir, "new", name));
  return name;
}

/** Starts Dovecot in a folder of its own (a fresh one unless `dir` is given) on a free port (or `port`). */
export async function startDovecot(options: { port?: number; dir?: string } = {}): Promise<TestMailbox> {
  if (!dovecotInstalled()) throw new Error(`Dovecot is not installed (${DOVECOT_BINARY}): apt-get install -y dovecot-imapd`);
  // Dovecot's sockets live under base_dir, and a socket's path may not be long: a short folder.
  const root = options.dir ?? mkdtempSync(path.join("/tmp", "dovecot-"));
  for (const folder of ["run", "state", "home", "Maildir/new", "Maildir/cur", "Maildir/tmp"])
    mkdirSync(path.join(root, folder), { recursive: true });
  // Read and written by Dovecot's mail user as well as by the test that delivers (which may be root).
  for (const folder of ["", "home", "Maildir", "Maildir/new", "Maildir/cur", "Maildir/tmp"]) chmodSync(path.join(root, folder), 0o777);
  const port = options.port ?? (await freePort());
  const configFile = path.join(root, "dovecot.conf");
  writeFileSync(configFile, configuration(root, port));
  const child: ChildProcess = spawn(DOVECOT_BINARY, ["-F", "-c", configFile], { stdio: ["ignore", "inherit", "inherit"] });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + 15_000;
  while (!(await accepting(port))) {
    if (exited) throw new Error(`Dovecot stopped at start: see ${path.join(root, "dovecot.log")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Dovecot did not listen on ${port} within 15 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let delivered = 0;
  const maildir = path.join(root, "Maildir");
  return {
    url: `imap://${TEST_MAILBOX_USER}:${TEST_MAILBOX_PASSWORD}@127.0.0.1:${port}/`,
    port,
    maildir,
    deliver(raw) {
      delivered += 1;
      return deliverToMaildir(maildir, raw, delivered);
    },
    async close() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (!exited) child.kill("SIGKILL");
      }
      if (!options.dir) rmSync(root, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argument = (name: string) => {
    const index = process.argv.indexOf(name);
    return index === -1 ? undefined : process.argv[index + 1];
  };
  const port = Number(argument("--port"));
  const dir = argument("--dir");
  if (!port || !dir) {
    console.error("usage: tsx tests/support/dovecot.ts --port PORT --dir DIR");
    process.exit(2);
  }
  rmSync(dir, { recursive: true, force: true });
  const mailbox = await startDovecot({ port, dir });
  console.log(`Dovecot listening on 127.0.0.1:${mailbox.port}, Maildir ${mailbox.maildir}`);
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void mailbox.close().then(() => process.exit(0)));
}
