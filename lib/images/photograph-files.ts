import "server-only";
import { randomUUID } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { objectStore, type ObjectStore } from "@/lib/storage";

import { PHOTOGRAPH_WIDTHS, PHOTOGRAPH_ZOOM_WIDTH } from "@/lib/images/photograph-urls";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
const MAX_PIXELS = 120_000_000;

const ACCEPTED: Record<string, { mimeType: string; extension: string }> = {
  jpeg: { mimeType: "image/jpeg", extension: "jpg" },
  png: { mimeType: "image/png", extension: "png" },
  webp: { mimeType: "image/webp", extension: "webp" },
};

export class PhotographError extends Error {}

/** The photograph was good but could not be stored (the object store did not answer): nothing was kept. */
export class PhotographNotStored extends PhotographError {}

export type StoredPhotograph = { storageKey: string; mimeType: string; width: number; height: number; hasAvif: boolean; zoomWidth: number };

/** Where a stored photograph's files live in the object store: never built from anything a user typed. */
function folderFor(storageKey: string): string {
  if (!/^[a-z0-9]{8,64}$/.test(storageKey)) throw new PhotographError("Unknown photograph");
  return `photographs/${storageKey}/`;
}

/**
 * Checks the file by its content (not its name or claimed type), keeps the original and writes a
 * WebP and an AVIF copy at each page width (browsers take the smaller AVIF where they can), and one
 * large WebP for the zoom view. Nothing is kept if any step fails.
 */
export async function storePhotograph(bytes: Buffer, store: ObjectStore = objectStore()): Promise<StoredPhotograph> {
  if (bytes.length === 0) throw new PhotographError("The file is empty.");
  if (bytes.length > MAX_UPLOAD_BYTES) throw new PhotographError(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new PhotographError("That file is not a JPEG, PNG or WebP image.");
  }
  const format = metadata.format ? ACCEPTED[metadata.format] : undefined;
  if (!format || !metadata.width || !metadata.height) throw new PhotographError("That file is not a JPEG, PNG or WebP image.");

  // EXIF orientations 5–8 turn the picture a quarter: as a person sees it, width and height swap.
  const quarterTurned = (metadata.orientation ?? 1) >= 5;
  const width = quarterTurned ? metadata.height : metadata.width;
  const height = quarterTurned ? metadata.width : metadata.height;

  const storageKey = randomUUID().replace(/-/g, "");
  const folder = folderFor(storageKey);
  // Resized first, stored after: a picture sharp cannot read leaves nothing behind in the store.
  let copies: Array<{ file: string; body: Buffer; mimeType: string }>;
  try {
    // Rotated as the camera held it.
    const upright = sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate();
    const resized = (width: number) => upright.clone().resize({ width, withoutEnlargement: true });
    copies = [];
    for (const width of PHOTOGRAPH_WIDTHS) {
      copies.push({ file: `${width}.webp`, body: await resized(width).webp({ quality: 82 }).toBuffer(), mimeType: "image/webp" });
      copies.push({
        file: `${width}.avif`,
        body: await resized(width).avif({ quality: 55, effort: 3 }).toBuffer(),
        mimeType: "image/avif",
      });
    }
    copies.push({
      file: `${PHOTOGRAPH_ZOOM_WIDTH}.webp`,
      body: await resized(PHOTOGRAPH_ZOOM_WIDTH).webp({ quality: 85 }).toBuffer(),
      mimeType: "image/webp",
    });
  } catch {
    throw new PhotographError("The image could not be processed.");
  }
  try {
    await store.put(`${folder}original.${format.extension}`, bytes, format.mimeType);
    for (const copy of copies) await store.put(`${folder}${copy.file}`, copy.body, copy.mimeType);
    return { storageKey, mimeType: format.mimeType, width, height, hasAvif: true, zoomWidth: PHOTOGRAPH_ZOOM_WIDTH };
  } catch (error) {
    await store.deletePrefix(folder).catch(() => undefined);
    throw new PhotographNotStored(
      `The photograph could not be stored (${error instanceof Error ? error.message : String(error)}). Nothing was kept; please try again.`,
    );
  }
}

export async function deletePhotographFiles(storageKey: string, store: ObjectStore = objectStore()): Promise<void> {
  await store.deletePrefix(folderFor(storageKey));
}

/** The copy behind a public photograph URL, with its type, or null: only names this module writes are served. */
export async function readPhotographCopy(
  storageKey: string,
  file: string,
  store: ObjectStore = objectStore(),
): Promise<{ body: Buffer; contentType: string } | null> {
  const named = /^(?:(?:480|960|1600)\.(webp|avif)|2400\.(webp))$/.exec(file);
  if (!named) return null;
  const contentType = (named[1] ?? named[2]) === "avif" ? "image/avif" : "image/webp";
  let folder: string;
  try {
    folder = folderFor(storageKey);
  } catch {
    return null;
  }
  const body = (await store.get(`${folder}${file}`))?.body;
  return body ? { body, contentType } : null;
}

/** A photograph as a JPEG (for a PDF: pdfkit embeds JPEG and PNG only), from its 960-pixel copy; null when it has none. */
export async function readPhotographAsJpeg(storageKey: string, store: ObjectStore = objectStore()): Promise<Buffer | null> {
  const copy = await readPhotographCopy(storageKey, "960.webp", store);
  return copy ? sharp(copy.body).flatten({ background: "#ffffff" }).jpeg({ quality: 82 }).toBuffer() : null;
}
