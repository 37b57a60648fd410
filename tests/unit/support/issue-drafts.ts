/**
 * A second process that issues invoices: `tsx --conditions=react-server tests/unit/support/issue-drafts.ts ID…`,
 * with the test's DATABASE_URL and UPLOAD_DIR in its environment. Prints the numbers it gave, one a line.
 */
import { issueInvoice } from "@/lib/data/invoices";

const numbers = await Promise.all(process.argv.slice(2).map((id) => issueInvoice(id, { id: null, name: "A second process" })));
console.log(numbers.join("\n"));
