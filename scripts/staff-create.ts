/**
 * Creates a gallery staff account. There is no default account and no sign-up page.
 *
 *   npm run staff:create -- --email anna@gallery.example --name "Anna Smith" [--role owner|staff|viewer]
 *       asks for the password (not echoed); the first account is the owner unless told otherwise,
 *       later ones staff (owners invite others from the staff area, /staff/team)
 *   printf '%s\n' "$PASSWORD" | npm run staff:create -- --email … --name … --password-stdin
 *       one line, or the same line twice (as a script answers both prompts)
 *   npm run staff:reset-password -- --email anna@gallery.example    (a forgotten password; signs out everywhere)
 */
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { ZodError } from "zod";
import { createStaffAccount, resetStaffPassword } from "@/lib/data/staff-accounts";

/**
 * The password from a pipe: one line, or the same line twice (as a script answers the two prompts).
 * Only the line endings are taken off; anything else in a line is the password, and the account rules
 * (lib/data/staff-accounts.ts) refuse control characters with a message.
 */
async function readPipedPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).toString("utf8").split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  if (lines.length === 2 && lines[0] === lines[1]) {
    console.log("Read the password twice from standard input; the two lines match.");
    return lines[0]!;
  }
  if (lines.length === 2) {
    console.error("Standard input held two different lines: give the password once, or the same line twice. Nothing was changed.");
    process.exit(1);
  }
  if (lines.length > 2) {
    console.error(
      `Standard input held ${lines.length} lines: give the password on one line (or the same line twice). Nothing was changed.`,
    );
    process.exit(1);
  }
  return lines[0] ?? "";
}

async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: true });
  process.stdout.write(question);
  muted = true;
  const answer = await new Promise<string>((resolve) => prompt.question("", resolve));
  prompt.close();
  process.stdout.write("\n");
  return answer;
}

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    "password-stdin": { type: "boolean", default: false },
    reset: { type: "boolean", default: false },
    role: { type: "string" },
  },
});
if (!values.email) {
  console.error('Usage: npm run staff:create -- --email someone@gallery.example [--name "Their Name"] [--password-stdin]');
  process.exit(2);
}
let password: string;
if (values["password-stdin"] || !process.stdin.isTTY) {
  password = await readPipedPassword();
} else {
  password = await askHidden("Password (at least 12 characters): ");
  if ((await askHidden("The same password again: ")) !== password) {
    console.error("The passwords differ; nothing was created.");
    process.exit(1);
  }
}
try {
  if (values.reset) {
    await resetStaffPassword({ email: values.email, password });
    console.log(`The password for ${values.email.toLowerCase()} has been changed and its sessions signed out.`);
  } else {
    const account = await createStaffAccount({
      email: values.email,
      name: values.name ?? values.email.split("@")[0] ?? "Staff",
      password,
      role: values.role as "owner" | "staff" | "viewer" | undefined,
    });
    console.log(`Created the staff account ${account.email} (${account.role}). Sign in at /staff/sign-in.`);
  }
} catch (error) {
  console.error(error instanceof ZodError ? error.issues.map((issue) => issue.message).join("\n") : (error as Error).message);
  process.exit(1);
}
