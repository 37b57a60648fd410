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
  const body = await readBodyWithin(request, maxBytes);
  if (!body) throw new UnreadableBody(413, `A form of more than ${Math.round(maxBytes / 1024)} KB is not accepted here.`);
  try {
    return await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new UnreadableBody(415, "The form could not be read.");
  }
}

/** A body's text, read to at most maxBytes whatever the request claims; null past the limit. */
export async function readTextWithin(request: Request, maxBytes: number): Promise<string | null> {
  const body = await readBodyWithin(request, maxBytes);
  return body ? new TextDecoder().decode(body) : null;
}

/**
 * The body's bytes, or null when it is larger than maxBytes: Content-Length is checked first, and a
 * chunked body is counted as it arrives and abandoned past the limit.
 */
async function readBodyWithin(request: Request, maxBytes: number): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
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
        return null;
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** An uploaded file past its own limit: which one. */
export class FileTooLarge extends UnreadableBody {
  constructor(
    readonly field: string,
    limit: number,
  ) {
    super(413, `The ${field} file is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
  }
}

export type UploadedFile = { fileName: string; bytes: Uint8Array };
export type Upload = { fields: Record<string, string>; files: Record<string, UploadedFile> };

/**
 * A multipart upload read as it streams (busboy), each file held to its own limit: a file past its
 * limit stops the reading there, whatever Content-Length claims and however large the rest of the
 * body is. Text fields are small (64 KB in all); files under names not in `fileLimits` are skipped.
 */
export async function readUploadWithin(request: Request, fileLimits: Record<string, number>): Promise<Upload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) throw new UnreadableBody(415, "Expected a multipart/form-data upload.");
  const { default: busboy } = await import("busboy");
  const { Readable } = await import("node:stream");
  const largest = Math.max(0, ...Object.values(fileLimits));
  let parser: ReturnType<typeof busboy>;
  try {
    parser = busboy({ headers: { "content-type": type }, limits: { fileSize: largest + 1, fieldSize: 64 * 1024, fields: 50, files: 10 } });
  } catch {
    throw new UnreadableBody(415, "The upload could not be read.");
  }
  const body = request.body ? Readable.fromWeb(request.body as import("node:stream/web").ReadableStream) : Readable.from([]);
  const upload: Upload = { fields: {}, files: {} };
  return new Promise<Upload>((resolve, reject) => {
    let settled = false;
    const fail = (error: UnreadableBody) => {
      if (settled) return;
      settled = true;
      body.unpipe(parser);
      body.destroy();
      reject(error);
    };
    parser.on("field", (name, value) => {
      upload.fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      const limit = fileLimits[name];
      if (limit === undefined) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      stream.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) {
          fail(new FileTooLarge(name, limit));
          stream.resume();
          return;
        }
        chunks.push(chunk);
      });
      stream.on("end", () => {
        if (received <= limit) upload.files[name] = { fileName: info.filename ?? "", bytes: new Uint8Array(Buffer.concat(chunks)) };
      });
    });
    parser.on("error", () => fail(new UnreadableBody(415, "The upload could not be read.")));
    parser.on("close", () => {
      if (settled) return;
      settled = true;
      resolve(upload);
    });
    body.on("error", () => fail(new UnreadableBody(415, "The upload could not be read.")));
    body.pipe(parser);
  });
}
