/** The work as the collector saw it when they asked: stored on the enquiry, so later edits don't rewrite history. */
import { z } from "zod";

export const artworkSnapshotSchema = z.object({
  slug: z.string(),
  catalogueNumber: z.string(),
  title: z.string(),
  medium: z.string(),
  sizes: z.array(z.string()),
  availability: z.string(),
  price: z.string(),
  section: z.string(),
  exhibition: z.string(),
  artist: z.string(),
});

export type ArtworkSnapshot = z.infer<typeof artworkSnapshotSchema>;

export function readArtworkSnapshot(value: unknown): ArtworkSnapshot | null {
  const parsed = artworkSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
