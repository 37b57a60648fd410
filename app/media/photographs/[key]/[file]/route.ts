import { readPhotographCopy } from "@/lib/images/photograph-files";
import { ObjectStoreUnavailable } from "@/lib/storage/object-store";

type Context = { params: Promise<{ key: string; file: string }> };

/** Serves resized photographs from the object store. Keys are random and never reused, so files are immutable. */
export async function GET(_request: Request, { params }: Context) {
  const { key, file } = await params;
  let copy: Awaited<ReturnType<typeof readPhotographCopy>>;
  try {
    copy = await readPhotographCopy(key, file);
  } catch (error) {
    // The store did not answer in time: the page around the photograph is unaffected; the browser may try again soon.
    if (error instanceof ObjectStoreUnavailable) {
      return new Response("This photograph cannot be fetched just now.", {
        status: 503,
        headers: { "Retry-After": "30", "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    throw error;
  }
  if (!copy) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(copy.body), {
    headers: { "Content-Type": copy.contentType, "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
