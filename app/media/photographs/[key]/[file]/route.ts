import { readFile } from "node:fs/promises";
import { photographFilePath } from "@/lib/images/photographs";

type Context = { params: Promise<{ key: string; file: string }> };

/** Serves resized photographs from the upload folder. Keys are random and never reused, so files are immutable. */
export async function GET(_request: Request, { params }: Context) {
  const { key, file } = await params;
  const filePath = photographFilePath(key, file);
  if (!filePath) return new Response("Not found", { status: 404 });
  try {
    const body = await readFile(filePath);
    return new Response(body, { headers: { "Content-Type": "image/webp", "Cache-Control": "public, max-age=31536000, immutable" } });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
