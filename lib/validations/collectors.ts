import { z } from "zod";

const recordKey = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** The collector list's search (a GET form): a name, an address or a tag, and the page. */
export const collectorSearchSchema = z.object({
  q: z.string().trim().max(200).default(""),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const collectorNoteSchema = z.object({
  key: recordKey,
  body: z.string().trim().min(1, "Write the note first").max(5000, "A note can be at most 5,000 characters"),
});
export type CollectorNoteField = keyof z.infer<typeof collectorNoteSchema>;

export const collectorTagsSchema = z.object({
  key: recordKey,
  tags: z.string().max(500, "The tags can be at most 500 characters in all"),
});
export type CollectorTagsField = keyof z.infer<typeof collectorTagsSchema>;

export const mergeCollectorsSchema = z.object({
  key: recordKey,
  otherEmail: z.email("Type an address of the other record, such as anna@example.com").max(320),
});
export type MergeCollectorsField = keyof z.infer<typeof mergeCollectorsSchema>;

export const eraseCollectorSchema = z.object({
  key: recordKey,
  confirm: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value === "erase", 'Type "erase" to confirm: it cannot be undone'),
});
export type EraseCollectorField = keyof z.infer<typeof eraseCollectorSchema>;
