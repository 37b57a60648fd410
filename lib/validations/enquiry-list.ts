/** The enquiry list's one form (add, remove, empty), posted by every "Add to my enquiry" button and the list page. */
import { z } from "zod";
import { ARTWORK_ID_PATTERN } from "@/lib/enquiries/enquiry-list-cookie";

const workId = z
  .string({ error: "Which work? The form did not say." })
  .trim()
  .regex(ARTWORK_ID_PATTERN, "That is not a work of this catalogue.");

export const enquiryListChangeSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("add"), workId }),
    z.object({ intent: z.literal("remove"), workId }),
    z.object({ intent: z.literal("clear") }),
  ],
  { error: "That request was not understood, so your list was not changed." },
);

export type EnquiryListChangeInput = z.output<typeof enquiryListChangeSchema>;

/** What the list's endpoint answers a script: the list as it now is, and a sentence for the live region. */
export type EnquiryListAnswer = { ids: string[]; count: number; message: string; outcome: string };
