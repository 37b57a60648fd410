/**
 * The enquiry form's one schema, used by the form (field names, limits) and by the server action.
 * Values end up in email headers, so anything that could smuggle a header or a recipient
 * (line breaks, commas, quoted or display-name addresses) is refused with a plain message.
 */
import { z } from "zod";
import { ARTWORK_ID_PATTERN, ENQUIRY_LIST_MAX } from "@/lib/enquiries/enquiry-list-cookie";
import { ENQUIRY_QUESTIONS } from "@/lib/enquiries/vocabulary";
import { ENQUIRY_LIMITS, type EnquiryField } from "./enquiry-fields";

export * from "./enquiry-fields";

const LINE_BREAK = /[\r\n\u2028\u2029]/;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const optionalSingleLine = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((value) => !LINE_BREAK.test(value) && !CONTROL_CHARACTERS.test(value), { message: `${label} must be on one line`, abort: true })
    .optional()
    .transform((value) => (value ? value : undefined));

export const enquirySchema = z
  .object({
    artworkSlug: z
      .string()
      .trim()
      .max(200)
      .regex(/^[a-z0-9-]*$/, "Unknown work")
      .optional()
      .transform((value) => (value ? value : undefined)),
    // The works of the collector's enquiry list, as its page showed them (their ids).
    listedWorks: z
      .array(z.string().regex(ARTWORK_ID_PATTERN, "Unknown work"))
      .max(
        ENQUIRY_LIST_MAX,
        `One enquiry can name at most ${ENQUIRY_LIST_MAX} works: please take some off your list and ask about them in a second enquiry`,
      )
      .default([])
      .transform((ids) => [...new Set(ids)]),
    name: z
      .string({ error: "Please tell us your name" })
      .trim()
      .min(1, "Please tell us your name")
      .max(ENQUIRY_LIMITS.name, `Your name must be at most ${ENQUIRY_LIMITS.name} characters`)
      .refine((value) => !LINE_BREAK.test(value) && !CONTROL_CHARACTERS.test(value), {
        message: "Your name must be on one line",
        abort: true,
      }),
    email: z
      .string({ error: "Please give your email address so we can reply" })
      .trim()
      .min(1, "Please give your email address so we can reply")
      .max(ENQUIRY_LIMITS.email, "That email address is too long")
      .refine((value) => !LINE_BREAK.test(value) && !CONTROL_CHARACTERS.test(value), {
        message: "An email address must be on one line",
        abort: true,
      })
      .refine((value) => !/[,;<>"()\s]/.test(value), {
        message: "Please give one plain email address, such as name@example.com",
        abort: true,
      })
      .pipe(z.email("Please check your email address: it should look like name@example.com")),
    phone: optionalSingleLine(ENQUIRY_LIMITS.phone, "Your phone number").refine(
      (value) => value === undefined || /^[0-9+()\-.\s]{5,}$/.test(value),
      "Please give a phone number using digits, spaces and + ( ) - only",
    ),
    message: z
      .string()
      .trim()
      .max(ENQUIRY_LIMITS.message, `Please keep your message under ${ENQUIRY_LIMITS.message.toLocaleString("en-GB")} characters`)
      .refine((value) => !CONTROL_CHARACTERS.test(value), "Your message contains characters we can't send")
      .default(""),
    questions: z.array(z.enum(ENQUIRY_QUESTIONS, "Unknown question")).max(ENQUIRY_QUESTIONS.length).default([]),
    shippingCountry: optionalSingleLine(ENQUIRY_LIMITS.country, "The country"),
    // A viewing time offered by the gallery (its id); empty for none.
    viewingSlot: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{0,64}$/, "Please choose one of the viewing times offered")
      .optional()
      .transform((value) => (value ? value : undefined)),
    // An offer made with the enquiry: the amount as typed (read against the work's price on the server)
    // and the currency the form showed.
    offerAmount: z
      .string()
      .trim()
      .max(20, "Please give the amount as a number, such as 3200")
      .optional()
      .transform((value) => (value ? value : undefined)),
    offerCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/, "Unknown currency")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    consent: z.literal(true, "Please agree to the privacy notice so that we can answer you"),
  })
  // Cross-field rules run whenever the fields they read are valid, so every mistake shows at once.
  .refine(
    (enquiry) =>
      enquiry.message !== "" ||
      enquiry.offerAmount !== undefined ||
      ((enquiry.artworkSlug !== undefined || enquiry.listedWorks.length > 0) && enquiry.questions.length > 0),
    {
      path: ["message"],
      message: "Please write your question",
      when: ({ issues }) =>
        !issues.some((issue) => ["message", "questions", "artworkSlug", "listedWorks", "offerAmount"].includes(String(issue.path?.[0]))),
    },
  )
  .refine((enquiry) => !enquiry.questions.includes("shipping") || Boolean(enquiry.shippingCountry), {
    path: ["shippingCountry"],
    message: "Please tell us which country to quote shipping to",
    when: ({ issues }) => !issues.some((issue) => ["questions", "shippingCountry"].includes(String(issue.path?.[0]))),
  });

export type EnquiryInput = z.output<typeof enquirySchema>;

// The browser's list of fields and the schema's must be the same set: a compile error otherwise.
type SchemaField = keyof z.input<typeof enquirySchema>;
const sameFields: [SchemaField, EnquiryField] extends [EnquiryField, SchemaField] ? true : never = true;
void sameFields;
