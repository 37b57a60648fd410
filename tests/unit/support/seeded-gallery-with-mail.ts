import { afterAll, beforeAll } from "vitest";
import { seedCatalogue } from "@/prisma/seed";
import { startMailCatcher, type CapturedMessage, type MailCatcher } from "@/scripts/support/mail-catcher";

/**
 * For a test file that sends enquiries and reads the emails: a real SMTP server on 127.0.0.1, the
 * gallery's mail settings pointed at it, and the seeded catalogue. Returns the messages received so far.
 */
export function seededGalleryWithMail(settings: Record<string, string> = {}): () => CapturedMessage[] {
  let catcher: MailCatcher | undefined;
  beforeAll(async () => {
    catcher = await startMailCatcher();
    Object.assign(process.env, {
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(catcher.port),
      SMTP_IGNORE_TLS: "true",
      GALLERY_EMAIL: "enquiries@gallery.test",
      MAIL_FROM: "website@gallery.test",
      SITE_URL: "https://gallery.test",
      ...settings,
    });
    await seedCatalogue();
  });
  afterAll(async () => {
    await catcher?.close();
  });
  return () => catcher?.messages ?? [];
}
