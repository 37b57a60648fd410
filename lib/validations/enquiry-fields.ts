/**
 * The enquiry form's fields, limits and state: what the browser needs, without the schema (zod
 * stays on the server; the form shows the server's verdict). lib/validations/enquiry.ts holds the
 * one schema and re-exports all of this.
 */

/** The hidden fields the bot checks read: named once, for the form and the server. */
export const HONEYPOT_FIELD = "website";
export const FORM_TOKEN_FIELD = "formToken";

export const ENQUIRY_LIMITS = { name: 120, email: 254, phone: 40, message: 5000, country: 80 } as const;

/** Every field the schema reads, in the order the form shows them. */
export const ENQUIRY_FIELDS = [
  "artworkSlug",
  "listedWorks",
  "name",
  "email",
  "phone",
  "questions",
  "shippingCountry",
  "viewingSlot",
  "offerAmount",
  "offerCurrency",
  "message",
  "consent",
] as const;
export type EnquiryField = (typeof ENQUIRY_FIELDS)[number];

/** What the form posts, as the schema expects it: repeated checkboxes as a list, the consent box as a boolean. */
export function enquiryInputFromFormData(formData: FormData): Record<string, unknown> {
  const text = (key: string) => {
    const value = formData.get(key);
    return typeof value === "string" ? value : undefined;
  };
  return {
    artworkSlug: text("artworkSlug"),
    listedWorks: formData.getAll("listedWorks").filter((value): value is string => typeof value === "string"),
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    message: text("message"),
    questions: formData.getAll("questions").filter((value): value is string => typeof value === "string"),
    shippingCountry: text("shippingCountry"),
    viewingSlot: text("viewingSlot"),
    offerAmount: text("offerAmount"),
    offerCurrency: text("offerCurrency"),
    consent: text("consent") === "on" || text("consent") === "true",
  };
}

/** The values to put back into the form after a refused submission (never the bot-check fields). */
export type EnquiryFormValues = {
  name: string;
  email: string;
  phone: string;
  message: string;
  questions: string[];
  shippingCountry: string;
  viewingSlot: string;
  offerAmount: string;
  consent: boolean;
};

export const EMPTY_ENQUIRY_VALUES: EnquiryFormValues = {
  name: "",
  email: "",
  phone: "",
  message: "",
  questions: [],
  shippingCountry: "",
  viewingSlot: "",
  offerAmount: "",
  consent: false,
};

export function enquiryFormValues(raw: Record<string, unknown>): EnquiryFormValues {
  const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");
  return {
    name: text(raw.name, 500),
    email: text(raw.email, 500),
    phone: text(raw.phone, 200),
    message: text(raw.message, ENQUIRY_LIMITS.message + 1000),
    questions: Array.isArray(raw.questions) ? raw.questions.filter((value): value is string => typeof value === "string").slice(0, 10) : [],
    shippingCountry: text(raw.shippingCountry, 200),
    viewingSlot: text(raw.viewingSlot, 64),
    offerAmount: text(raw.offerAmount, 40),
    consent: raw.consent === true,
  };
}

export type EnquiryFormState = {
  status: "idle" | "invalid" | "refused" | "sent";
  /** Shown in the live region: what happened, in a sentence. */
  message: string;
  fieldErrors: Partial<Record<EnquiryField, string[]>>;
  values: EnquiryFormValues;
  reference?: string;
  /** Whether an acknowledgement email is on its way, so the page promises only what happens. */
  acknowledged?: boolean;
};

export const INITIAL_ENQUIRY_STATE: EnquiryFormState = { status: "idle", message: "", fieldErrors: {}, values: EMPTY_ENQUIRY_VALUES };
