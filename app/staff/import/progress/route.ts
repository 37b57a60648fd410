import { stagedImportProgress } from "@/lib/data/catalogue-import";
import { applyImportSchema } from "@/lib/validations/catalogue-import";

/** Rows written so far by the import the staff page is waiting for (it asks twice a second). */
export async function GET(request: Request) {
  const parsed = applyImportSchema.safeParse({ upload: new URL(request.url).searchParams.get("upload") });
  const progress = parsed.success ? await stagedImportProgress(parsed.data.upload) : null;
  return Response.json(progress ?? { done: 0, total: 0 }, { headers: { "Cache-Control": "private, no-store" } });
}
