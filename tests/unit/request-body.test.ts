import { describe, expect, it } from "vitest";
import { FileTooLarge, readUploadWithin } from "@/lib/http/request-body";

const boundary = "----upload-test";
const encoder = new TextEncoder();

/** A multipart body sent in pieces, counting how many pieces the reader asked for. */
function upload(parts: Array<{ name: string; fileName?: string; size?: number; value?: string }>) {
  let pulled = 0;
  const pieces: Uint8Array[] = [];
  for (const part of parts) {
    const disposition = part.fileName ? `; filename="${part.fileName}"` : "";
    pieces.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${disposition}\r\n\r\n`));
    if (part.value !== undefined) pieces.push(encoder.encode(part.value));
    for (let sent = 0; sent < (part.size ?? 0); sent += 1024) pieces.push(new Uint8Array(1024).fill(65));
    pieces.push(encoder.encode("\r\n"));
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.shift();
      if (next) {
        pulled += 1;
        controller.enqueue(next);
      } else controller.close();
    },
  });
  const request = new Request("http://gallery.test/staff/import/upload", {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  } as RequestInit);
  return { request, total: pieces.length, pulled: () => pulled };
}

describe("an upload read as it streams", () => {
  it("gives each file its own limit and reads the fields beside them", async () => {
    const { request } = upload([
      { name: "target", value: "new" },
      { name: "file", fileName: "catalogue.csv", size: 4 * 1024 },
      { name: "photographs", fileName: "photos.zip", size: 20 * 1024 },
      { name: "other", fileName: "ignored.bin", size: 8 * 1024 },
    ]);
    const read = await readUploadWithin(request, { file: 8 * 1024, photographs: 32 * 1024 });
    expect(read.fields).toEqual({ target: "new" });
    expect(Object.keys(read.files).sort()).toEqual(["file", "photographs"]);
    expect(read.files.file).toMatchObject({ fileName: "catalogue.csv" });
    expect(read.files.file!.bytes.length).toBe(4 * 1024);
    expect(read.files.photographs!.bytes.length).toBe(20 * 1024);
  });

  it("stops at the first file past its limit, without reading the rest of the body", async () => {
    const sent = upload([
      { name: "file", fileName: "catalogue.csv", size: 2 * 1024 },
      { name: "photographs", fileName: "photos.zip", size: 4 * 1024 * 1024 },
    ]);
    const refused = await readUploadWithin(sent.request, { file: 8 * 1024, photographs: 64 * 1024 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FileTooLarge);
    expect((refused as FileTooLarge).field).toBe("photographs");
    expect(sent.pulled()).toBeLessThan(sent.total / 4);
  });
});
