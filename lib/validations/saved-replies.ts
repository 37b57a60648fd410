import { z } from "zod";
import { PLACEHOLDERS, unknownPlaceholders } from "@/lib/enquiries/reply-placeholders";

const KNOWN = Object.keys(PLACEHOLDERS)
  .map((name) => `{${name}}`)
  .join(", ");

/** A text whose placeholders are all ones the reply form can fill. */
function withKnownPlaceholders(schema: z.ZodString) {
  return schema.superRefine((text, ctx) => {
    const unknown = unknownPlaceholders(text);
    if (unknown.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `${unknown.join(", ")} ${unknown.length === 1 ? "is not a placeholder" : "are not placeholders"} the form can fill: use ${KNOWN}`,
      });
    }
  });
}

/** A saved reply, new (no id) or changed. */
export const replyTemplateSchema = z.object({
  id: z.string().max(64).optional(),
  name: z.string().trim().min(1, "Give the saved reply a name staff will recognise").max(80, "At most 80 characters"),
  subject: withKnownPlaceholders(
    z
      .string()
      .trim()
      .min(1, "Give it a subject")
      .max(200, "At most 200 characters")
      .refine((value) => !/[\r\n]/.test(value), "The subject must be on one line"),
  ),
  body: withKnownPlaceholders(z.string().trim().min(1, "Write the reply").max(20_000, "At most 20,000 characters")),
  forSold: z.boolean(),
});

export type ReplyTemplateInput = z.infer<typeof replyTemplateSchema>;
export type ReplyTemplateField = "name" | "subject" | "body" | "forSold";

export function replyTemplateFromForm(values: Record<string, string>) {
  return {
    id: values.id || undefined,
    name: values.name ?? "",
    subject: values.subject ?? "",
    body: values.body ?? "",
    forSold: values.forSold === "on",
  };
}

export const deleteReplyTemplateSchema = z.object({ id: z.string().min(1).max(64) });
