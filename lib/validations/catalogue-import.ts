/** The staff import's two forms: the upload (read the file, dry run) and the import of what was read. */
import { z } from "zod";

export const importUploadSchema = z
  .object({
    target: z.string().max(200, "Choose an exhibition from the list"),
    newExhibitionTitle: z.string().trim().max(200, "An exhibition's title can be at most 200 characters"),
    sheet: z.string().trim().max(100, "A sheet's name can be at most 100 characters"),
  })
  .refine((value) => value.target !== "new" || value.newExhibitionTitle !== "", {
    path: ["newExhibitionTitle"],
    message: "Give the new exhibition a title",
  });

export const applyImportSchema = z.object({
  upload: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, "That file is no longer kept"),
});
