import { describe, expect, it } from "vitest";
import { answersTheGallery, enquiryIdFromReplyAddresses, replyAddressFor } from "@/lib/enquiries/email-replies";

const SECRET = "reply-address-test-secret-0123456789";
const BASE = "replies@bracebridge.test";

describe("the reply address an enquiry's emails carry", () => {
  it("leads an answer back to its enquiry, whatever the case a mail program writes it in", () => {
    const address = replyAddressFor(BASE, 42, SECRET);
    expect(address).toMatch(/^replies\+e42\.[0-9a-f]{12}@bracebridge\.test$/);
    expect(enquiryIdFromReplyAddresses([address], BASE, SECRET)).toBe(42);
    expect(enquiryIdFromReplyAddresses(["anna@example.test", ` ${address.toUpperCase()} `], BASE, SECRET)).toBe(42);
  });

  it("gives no enquiry for a guessed tag, another enquiry's MAC, another domain, or the bare address", () => {
    const address = replyAddressFor(BASE, 42, SECRET);
    const mac = address.split(".")[1]!.split("@")[0];
    expect(enquiryIdFromReplyAddresses([`replies+e43.${mac}@bracebridge.test`], BASE, SECRET)).toBeNull();
    expect(enquiryIdFromReplyAddresses([address.replace("bracebridge.test", "elsewhere.test")], BASE, SECRET)).toBeNull();
    expect(enquiryIdFromReplyAddresses([BASE], BASE, SECRET)).toBeNull();
    expect(enquiryIdFromReplyAddresses(["replies+x+" + address.slice("replies+".length)], BASE, SECRET)).toBeNull();
  });

  it("works for a reply address that has a plus of its own", () => {
    const base = "gallery+replies@bracebridge.test";
    expect(enquiryIdFromReplyAddresses([replyAddressFor(base, 7, SECRET)], base, SECRET)).toBe(7);
  });

  it("counts as an answer to the gallery: to the reply address, tagged or not, or quoting an outbox email", () => {
    const answer = (recipients: string[], quotedMessageIds: string[] = []) => ({ recipients, quotedMessageIds });
    expect(answersTheGallery(answer([replyAddressFor(BASE, 42, SECRET)]), BASE)).toBe(true);
    expect(answersTheGallery(answer(["Replies@Bracebridge.test"]), BASE)).toBe(true);
    expect(answersTheGallery(answer(["replieswhatever@bracebridge.test", "news@bracebridge.test"]), BASE)).toBe(false);
    expect(answersTheGallery(answer(["enquiries@bracebridge.test"], ["<cmxcfdo1b0043bo7d7mjps45f@gallery.outbox>"]), undefined)).toBe(true);
    expect(answersTheGallery(answer([BASE]), undefined)).toBe(false);
  });
});
