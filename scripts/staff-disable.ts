/**
 * Disables a staff account at once: it can no longer sign in, and every session it has ends
 * (the next request from each is signed out). For someone who has left, or a lost laptop.
 *
 *   npm run staff:disable -- --email anna@gallery.example
 *   npm run staff:disable -- --email anna@gallery.example --enable     (lets the account sign in again)
 */
import { parseArgs } from "node:util";
import { setStaffAccountDisabled } from "@/lib/data/staff-accounts";

const { values } = parseArgs({ options: { email: { type: "string" }, enable: { type: "boolean", default: false } } });
if (!values.email) {
  console.error("Usage: npm run staff:disable -- --email someone@gallery.example [--enable]");
  process.exit(2);
}
try {
  const { sessionsEnded } = await setStaffAccountDisabled(values.email, !values.enable);
  const email = values.email.trim().toLowerCase();
  console.log(
    values.enable
      ? `The staff account ${email} can sign in again.`
      : `Disabled the staff account ${email}: ${sessionsEnded} session${sessionsEnded === 1 ? "" : "s"} ended, and it cannot sign in until enabled again.`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
