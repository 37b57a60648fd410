/**
 * The photographs in a .zip a member of staff uploads with a spreadsheet, unpacked once, when it is
 * uploaded. Only image files are unpacked, each at most the size one photograph upload may be, and no
 * more than PHOTOGRAPH_ARCHIVE_MAX_BYTES in all; the archive's directory is checked first and each file
 * is unpacked off the event loop, stopped past the size it declares (lib/archives/zip-archive.ts).
 */
import { ArchiveRefused, NOT_A_ZIP, readZipEntries, unpackZipEntry } from "@/lib/archives/zip-archive";
import { MAX_UPLOAD_BYTES } from "@/lib/images/photograph-files";
import { PHOTOGRAPH_FILE } from "@/lib/catalogue/import/photograph-names";

/** The largest archive uploaded, and the most it may unpack to. */
export const PHOTOGRAPH_ARCHIVE_MAX_BYTES = 100 * 1024 * 1024;
/** Far more files than a spreadsheet's photographs, and far fewer than a bomb's millions. */
export const PHOTOGRAPH_ARCHIVE_MAX_FILES = 5_000;

/** A photograph found in the archive; bytes null when it is too large to attach (never unpacked). */
export type ArchivedPhotograph = { name: string; bytes: Uint8Array | null };

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export async function photographsInArchive(bytes: Uint8Array): Promise<{ photographs: ArchivedPhotograph[] } | { error: string }> {
  try {
    const entries = readZipEntries(bytes, { maxEntries: PHOTOGRAPH_ARCHIVE_MAX_FILES });
    const wanted = entries.filter((entry) => {
      const name = entry.name.replace(/^.*\//, "");
      return PHOTOGRAPH_FILE.test(name) && !name.startsWith(".") && !entry.name.startsWith("__MACOSX/");
    });
    const attachable = wanted.filter((entry) => entry.size <= MAX_UPLOAD_BYTES);
    const unpacked = attachable.reduce((sum, entry) => sum + entry.size, 0);
    if (unpacked > PHOTOGRAPH_ARCHIVE_MAX_BYTES) {
      return { error: `The photographs unpack to more than ${megabytes(PHOTOGRAPH_ARCHIVE_MAX_BYTES)}: send them in parts.` };
    }
    const photographs: ArchivedPhotograph[] = [];
    for (const entry of wanted) {
      photographs.push({ name: entry.name, bytes: entry.size <= MAX_UPLOAD_BYTES ? await unpackZipEntry(bytes, entry) : null });
    }
    return { photographs };
  } catch (error) {
    if (!(error instanceof ArchiveRefused)) throw error;
    return {
      error:
        error.message === NOT_A_ZIP
          ? "The photographs file is not a readable .zip archive."
          : `The photographs file was not unpacked: ${error.message}.`,
    };
  }
}
