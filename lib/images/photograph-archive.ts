/**
 * The photographs in a .zip a member of staff uploads with a spreadsheet (fflate: small, no
 * dependencies). Only image files are unpacked, each at most the size one photograph upload may be,
 * and no more than PHOTOGRAPH_ARCHIVE_MAX_BYTES unpacked in all: an archive that claims more is
 * refused before anything is unpacked.
 */
import { unzipSync, type UnzipFileInfo } from "fflate";
import { MAX_UPLOAD_BYTES, PhotographError } from "@/lib/images/photograph-files";
import { PHOTOGRAPH_FILE } from "@/lib/catalogue/import/photograph-names";

/** The largest archive uploaded, and the most it may unpack to. */
export const PHOTOGRAPH_ARCHIVE_MAX_BYTES = 100 * 1024 * 1024;

export type ArchivedPhotograph = { name: string; read: () => Promise<Uint8Array> };

export function photographsInArchive(bytes: Uint8Array): { photographs: ArchivedPhotograph[] } | { error: string } {
  let unpacked = 0;
  let tooLarge: string | null = null;
  const oversized: string[] = [];
  const wanted = (file: UnzipFileInfo) => {
    const name = file.name.replace(/^.*\//, "");
    if (!PHOTOGRAPH_FILE.test(name) || name.startsWith(".") || file.name.startsWith("__MACOSX/")) return false;
    if (file.originalSize > MAX_UPLOAD_BYTES) {
      oversized.push(file.name); // never unpacked; the import lists it as too large to attach
      return false;
    }
    unpacked += file.originalSize;
    if (unpacked > PHOTOGRAPH_ARCHIVE_MAX_BYTES) tooLarge ??= file.name;
    return tooLarge === null && (file.compression === 0 || file.compression === 8);
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: wanted });
  } catch {
    return { error: "The photographs file is not a readable .zip archive." };
  }
  if (tooLarge !== null) {
    return { error: `The photographs unpack to more than ${PHOTOGRAPH_ARCHIVE_MAX_BYTES / 1024 / 1024} MB: send them in parts.` };
  }
  const refuse = async (): Promise<Uint8Array> => {
    throw new PhotographError(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  };
  return {
    photographs: [
      ...Object.entries(files).map(([name, data]) => ({ name, read: async () => data })),
      ...oversized.map((name) => ({ name, read: refuse })),
    ],
  };
}
