import type { Page } from "@playwright/test";

type ChunkedUpload = {
  /** The form field the file goes in, its name and type, and what it starts with. */
  field: string;
  fileName: string;
  contentType: string;
  fileStart?: string;
  /** One megabyte of the file, sent again and again up to 40 MB unless the server stops reading. */
  megabyte: Uint8Array;
};

/**
 * Posts a file as a signed-in staff member's browser would, but in chunks with no Content-Length:
 * the server has only the bytes as they arrive to judge its size by. Returns the answer and how many
 * megabytes went out before the server stopped reading.
 */
export async function postChunkedUpload(page: Page, path: string, upload: ChunkedUpload) {
  const origin = new URL(page.url()).origin;
  const cookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  const boundary = "----chunked-upload-test";
  const text = new TextEncoder();
  let megabytesSent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (megabytesSent === 0) {
        controller.enqueue(
          text.encode(
            `--${boundary}\r\nContent-Disposition: form-data; name="${upload.field}"; filename="${upload.fileName}"\r\nContent-Type: ${upload.contentType}\r\n\r\n${upload.fileStart ?? ""}`,
          ),
        );
      }
      if (megabytesSent >= 40) {
        controller.enqueue(text.encode(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      controller.enqueue(upload.megabyte);
      megabytesSent += 1;
    },
  });
  const response = await fetch(`${origin}${path}`, {
    method: "POST",
    body,
    duplex: "half",
    redirect: "manual",
    headers: { cookie: cookies, "content-type": `multipart/form-data; boundary=${boundary}`, origin },
  } as RequestInit);
  return { response, megabytesSent };
}
