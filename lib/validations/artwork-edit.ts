import { z } from "zod";
import { parsePrice, PriceParseError } from "@/lib/catalogue/prices";
import { AVAILABILITIES, CATEGORIES, DIMENSION_KINDS, UNITS } from "@/lib/catalogue/vocabulary";

const oneLine = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((value) => !/[\r\n]/.test(value), `${label} must be on one line`);

const optionalLine = (label: string, max: number) => oneLine(label, max).transform((value) => (value === "" ? null : value));

const measure = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const number = Number(value.replace(",", "."));
    if (!Number.isFinite(number) || number <= 0 || number > 100_000) {
      ctx.addIssue({ code: "custom", message: "Give a positive number" });
      return z.NEVER;
    }
    return number;
  });

const dimensionFields = Object.fromEntries(
  DIMENSION_KINDS.flatMap((kind) => [
    [`${kind}Height`, measure],
    [`${kind}Width`, measure],
    [`${kind}Depth`, measure],
    [`${kind}Unit`, z.enum(UNITS)],
  ]),
) as Record<string, z.ZodType>;

/** The staff artwork form: every catalogue field, with sizes as numbers and a price as the gallery writes it. */
export const artworkEditSchema = z
  .object({
    id: z.string().min(1).max(64),
    // Optional: many galleries number only some works, or none.
    catalogueNumber: oneLine("The catalogue number", 20),
    title: oneLine("The title", 200).pipe(z.string().min(1, "Give the title")),
    sectionId: z.string().min(1, "Choose a section").max(64),
    category: z.enum(CATEGORIES, "Choose a category"),
    technique: optionalLine("The medium", 200),
    signature: optionalLine("The signature line", 200),
    year: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (value === "") return null;
        const year = Number(value);
        if (!Number.isInteger(year) || year < 1000 || year > 2100) {
          ctx.addIssue({ code: "custom", message: "Give a year such as 1958, or leave it empty" });
          return z.NEVER;
        }
        return year;
      }),
    description: z.string().trim().max(20_000, "The description must be at most 20,000 characters"),
    curatorNote: z
      .string()
      .trim()
      .max(5_000, "The curator's note must be at most 5,000 characters")
      .transform((value) => (value === "" ? null : value)),
    availability: z.enum(AVAILABILITIES, "Choose the availability"),
    price: z
      .string()
      .trim()
      .max(60)
      .transform((value, ctx) => {
        try {
          return parsePrice(value);
        } catch (error) {
          if (!(error instanceof PriceParseError)) throw error;
          ctx.addIssue({
            code: "custom",
            message: "Write the price as an amount such as £875 or 875.00, or leave it empty for “price on application”",
          });
          return z.NEVER;
        }
      }),
    published: z.boolean(),
    featured: z.boolean(),
    ...dimensionFields,
  })
  .superRefine((value, ctx) => {
    const record = value as Record<string, unknown>;
    let any = false;
    for (const kind of DIMENSION_KINDS) {
      const height = record[`${kind}Height`];
      const width = record[`${kind}Width`];
      if ((height === null) !== (width === null)) {
        ctx.addIssue({
          code: "custom",
          path: [height === null ? `${kind}Height` : `${kind}Width`],
          message: "Give both height and width, or neither",
        });
      }
      if (height !== null && width !== null) any = true;
      if (record[`${kind}Depth`] !== null && height === null) {
        ctx.addIssue({ code: "custom", path: [`${kind}Depth`], message: "A depth needs a height and width too" });
      }
    }
    if (!any) ctx.addIssue({ code: "custom", path: ["imageHeight"], message: "Give at least one size (usually the image area)" });
  });

export type ArtworkEdit = z.output<typeof artworkEditSchema>;

export function artworkEditInput(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") input[key] = value;
  input.published = formData.get("published") === "on";
  input.featured = formData.get("featured") === "on";
  return input;
}

export function dimensionsOf(edit: ArtworkEdit) {
  const record = edit as unknown as Record<string, unknown>;
  return DIMENSION_KINDS.flatMap((kind) => {
    const height = record[`${kind}Height`] as number | null;
    const width = record[`${kind}Width`] as number | null;
    if (height === null || width === null) return [];
    return [
      {
        kind,
        height,
        width,
        depth: (record[`${kind}Depth`] as number | null) ?? null,
        unit: record[`${kind}Unit`] as (typeof UNITS)[number],
      },
    ];
  });
}

export const sectionEditSchema = z.object({
  id: z.string().min(1).max(64),
  title: oneLine("The title", 200).pipe(z.string().min(1, "Give the section a title")),
  introduction: z.string().trim().max(10_000, "The introduction must be at most 10,000 characters"),
});

export const exhibitionEditSchema = z.object({
  id: z.string().min(1).max(64),
  title: oneLine("The title", 200).pipe(z.string().min(1, "Give the exhibition a title")),
  summary: oneLine("The summary", 400),
  introduction: z.string().trim().max(20_000, "The introduction must be at most 20,000 characters"),
  published: z.boolean(),
});
