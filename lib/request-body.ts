import "server-only";

/** Why a request's body was not read: too large (413), or not a form at all (415). */
export class UnreadableBody extends Error {
  constructor(
    readonly status: 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The posted form, read to at most maxBytes whatever the request claims: Content-Length is
 * checked first, and a chunked body is counted as it arrives and abandoned past the limit.
 */
export async function readFormWithin(request: Request, maxBytes: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
    throw new UnreadableBody(415, "Expected a form (multipart/form-data or application/x-www-form-urlencoded).");
  }
  const tooLarge = () => new UnreadableBody(413, `A form of more than ${Math.round(maxBytes / 1024)} KB is not accepted here.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    throw new UnreadableBody(415, "The form could not be read.");
  }
}

/**
 * Whether a browser sent this request from a page of this site. Browsers send Origin with every
 * POST; a request from another site's page carries that site (or "null"). As Next.js does for
 * server actions, the origin's host is compared with the host the request was addressed to.
 */
export function fromThisSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  try {
    return new URL(origin).host === requestHost(headers);
  } catch {
    return false;
  }
}

/** The host the request was addressed to (behind a proxy, the one the browser used). */
export function requestHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}
