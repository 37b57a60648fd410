/**
 * `npm run mailbox:read`: reads the gallery's mailbox (INBOUND_IMAP_URL) once, as the server's own
 * timer does every INBOUND_POLL_SECONDS, and says what it found. For a first check of the settings,
 * and for a scheduler on a host where nothing runs between requests.
 */
import { serverEnvOrExit } from "@/lib/env";
import { readGalleryMailbox } from "@/lib/jobs/read-mailbox";

const env = serverEnvOrExit();
if (!env.INBOUND_IMAP_URL) {
  console.error("INBOUND_IMAP_URL is not set: there is no mailbox to read (see .env.example).");
  process.exit(1);
}
try {
  const report = await readGalleryMailbox();
  console.log(
    `${report.read} new message${report.read === 1 ? "" : "s"}: ${report.conversation} into their enquiries, ${report.toCheck} to check, ${report.duplicates} read before, ${report.ignored} not answers to the gallery's emails (left alone)${report.more ? "; more wait for the next pass" : ""}.`,
  );
} catch (error) {
  console.error(`The mailbox could not be read: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
