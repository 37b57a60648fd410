/**
 * The end of a failed `npm test`: each failed lane's account again, where CI's excerpt of the run
 * (its last lines) shows it. Exits 1: it runs only when a lane failed.
 */
import { failureAccounts } from "./failure-accounts";

const accounts = failureAccounts();
if (accounts.length === 0) console.log("\nnpm test failed before either lane could say why (see above).");
for (const { what, text } of accounts) {
  console.log(`\n── ${what} failed; its account again ──`);
  process.stdout.write(text);
}
process.exit(1);
