import { readPhotographCopy } from "@/lib/images/photograph-files";

type Context = { params: Promise<{ key: string; file: string }> };

/** Serves resized photographs from the object store. Keys are random and never reused, so files are immutable. */
export async function GET(_request: Request, { params }: Context) {
  const { key, file } = await params;
  const copy = await readPhotographCopy(key, file);
  if (!copy) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(copy.body), {
    headers: { "Content-Type": copy.contentType, "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
