import { beforeAll, describe, expect, it } from "vitest";
import { FLOOD_REASON_START } from "@/lib/enquiries/rate-limits";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { seedCatalogue } from "@/prisma/seed";
import { enquiryForm, storedInOrder } from "./support/enquiry-helpers";

beforeAll(async () => {
  // A ceiling of three a minute for this file (the configuration is read once, on first use).
  Object.assign(process.env, { GALLERY_EMAIL: "enquiries@gallery.test", MAIL_FROM: "website@gallery.test", ENQUIRY_FLOOD_PER_MINUTE: "3" });
  await seedCatalogue();
});

describe("the site-wide ceiling", () => {
  it("stores every enquiry of a flood from many addresses, holding those past the ceiling in spam with the reason, unacknowledged", async () => {
    const references: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const { state } = await submitEnquiry(
        enquiryForm({ name: `Flood ${index}`, email: `flood-${index}@example.test`, message: `Question ${index}` }),
        { clientIp: `203.0.113.${index + 1}` },
      );
      expect(state.status).toBe("sent");
      references.push(state.reference!);
    }
    const stored = await storedInOrder(references);
    expect(stored).toHaveLength(5);
    expect(stored.map((enquiry) => enquiry.status)).toEqual(["new", "new", "new", "spam", "spam"]);
    expect(stored[4]?.flagReasons).toBe(`${FLOOD_REASON_START} 3 enquiries a minute (number 5 this minute)`);
    expect(stored.map((enquiry) => enquiry.emails.some((email) => email.kind === "collector_acknowledgement"))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    // The gallery is still told of each, marked.
    expect(stored[3]?.emails.find((email) => email.kind === "gallery_notification")?.subject).toMatch(/^\[Possible spam\] /);
  });
});
