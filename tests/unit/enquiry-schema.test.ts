import { describe, expect, it } from "vitest";
import { z } from "zod";
import { enquiryInputFromFormData, enquirySchema } from "@/lib/validations/enquiry";

const valid = { name: "Zoë O'Brien", email: "zoe@example.com", message: "Is it still available?", questions: [], consent: true };

function errorsOf(input: Record<string, unknown>) {
  const result = enquirySchema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

describe("the enquiry schema", () => {
  it.each(["Zoë O'Brien", "김민준", "Jean-Luc Picard", "Ngũgĩ wa Thiong'o", "X"])("accepts the name %j", (name) => {
    expect(enquirySchema.safeParse({ ...valid, name }).success).toBe(true);
  });

  it("trims what people type", () => {
    const parsed = enquirySchema.parse({ ...valid, name: "  Zoë  ", email: "  zoe@example.com ", message: "  hi  " });
    expect(parsed).toMatchObject({ name: "Zoë", email: "zoe@example.com", message: "hi" });
  });

  it.each(["Eve\r\nBcc: victim@example.com", "Eve\nX", "Eve\rX", "Eve\u2028X"])("refuses a line break in the name (%j)", (name) => {
    expect(errorsOf({ ...valid, name }).name).toEqual(["Your name must be on one line"]);
  });

  it.each([
    ["eve@example.com\r\nBcc: x@example.com", "An email address must be on one line"],
    ["a@example.com, b@example.com", "Please give one plain email address, such as name@example.com"],
    ['"eve,admin"@example.com', "Please give one plain email address, such as name@example.com"],
    ['"quoted local"@example.com', "Please give one plain email address, such as name@example.com"],
    ["Eve <eve@example.com>", "Please give one plain email address, such as name@example.com"],
    ["eve@example.com;x@example.com", "Please give one plain email address, such as name@example.com"],
    ["eve@", "Please check your email address: it should look like name@example.com"],
    ["not-an-email", "Please check your email address: it should look like name@example.com"],
    ["", "Please give your email address so we can reply"],
  ])("refuses the email %j", (email, message) => {
    expect(errorsOf({ ...valid, email }).email).toEqual([message]);
  });

  it("accepts plain mailboxes, including plus addressing and apostrophes", () => {
    for (const email of ["zoe+art@example.co.uk", "o'brien@example.ie", "a.b-c_d@sub.example.com"]) {
      expect(enquirySchema.safeParse({ ...valid, email }).success, email).toBe(true);
    }
  });

  it("takes a 5,000-character message and refuses 5,001", () => {
    expect(enquirySchema.safeParse({ ...valid, message: "x".repeat(5000) }).success).toBe(true);
    expect(errorsOf({ ...valid, message: "x".repeat(5001) }).message).toEqual(["Please keep your message under 5,000 characters"]);
  });

  it("keeps <script> in a message as text: escaping happens where it is shown", () => {
    expect(enquirySchema.parse({ ...valid, message: "<script>alert(1)</script>" }).message).toBe("<script>alert(1)</script>");
  });

  it("needs consent, a message or (about a work) a ticked question, and a country for shipping", () => {
    expect(errorsOf({ ...valid, consent: false }).consent).toEqual(["Please agree to the privacy notice so that we can answer you"]);
    expect(errorsOf({ ...valid, message: "" }).message).toEqual(["Please write your question"]);
    expect(enquirySchema.safeParse({ ...valid, message: "", artworkSlug: "42-x", questions: ["price_availability"] }).success).toBe(true);
    expect(errorsOf({ ...valid, questions: ["shipping"] }).shippingCountry).toEqual(["Please tell us which country to quote shipping to"]);
    expect(errorsOf({ ...valid, questions: ["free_money"] }).questions).toBeDefined();
  });

  it("refuses a phone number with letters and an unknown work slug", () => {
    expect(errorsOf({ ...valid, phone: "call me" }).phone).toBeDefined();
    expect(enquirySchema.safeParse({ ...valid, phone: "+44 (0)1527 123-456" }).success).toBe(true);
    expect(errorsOf({ ...valid, artworkSlug: "../../etc/passwd" }).artworkSlug).toEqual(["Unknown work"]);
  });

  it("reads a posted form: repeated checkboxes and the consent box", () => {
    const form = new FormData();
    form.append("name", "Zoë");
    form.append("questions", "viewing");
    form.append("questions", "shipping");
    form.append("consent", "on");
    expect(enquiryInputFromFormData(form)).toMatchObject({ name: "Zoë", questions: ["viewing", "shipping"], consent: true });
    expect(enquiryInputFromFormData(new FormData())).toMatchObject({ consent: false, questions: [] });
  });
});

describe("every mistake at once", () => {
  it("reports a missing question alongside a bad email and missing consent", () => {
    const result = enquirySchema.safeParse({ name: "Sam", email: "sam@", message: "", questions: [], consent: false });
    expect(result.success).toBe(false);
    const errors = result.success ? {} : z.flattenError(result.error).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(["consent", "email", "message"]);
  });
});
