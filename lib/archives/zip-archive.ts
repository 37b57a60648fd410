/**
 * Reading a .zip someone uploaded without believing it. A zip says in its central directory how many
 * files it holds and how large each unpacks to; a bomb lies there, or points many entries at the same
 * compressed bytes (David Fifield's "better zip bomb": 42 KB to 5 GB), or holds millions of entries.
 * So the directory is checked before anything is unpacked (entry count, entries that overlap, sizes
 * against the caller's limits), and each entry is then inflated off the event loop (zlib's thread
 * pool) with its output capped at the size it declared: a lie stops one byte past it.
 */
import { promisify } from "node:util";
import { inflateRaw } from "node:zlib";

const inflateRawAsync = promisify(inflateRaw);

/** A plain reason an archive is refused, for the person who uploaded it. */
export class ArchiveRefused extends Error {}

export const NOT_A_ZIP = "not a readable .zip archive";

export type ZipEntry = {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** As the archive declares it: checked while unpacking. */
  size: number;
  dataStart: number;
};

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MASK_32 = 0xffffffff;

function view(bytes: Uint8Array) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfDirectory(data: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535; searched from the end.
  const earliest = Math.max(0, data.byteLength - 22 - 0xffff);
  for (let at = data.byteLength - 22; at >= earliest; at--) {
    if (data.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new ArchiveRefused(NOT_A_ZIP);
}

/** Zip64's 8-byte sizes, for the fields the 32-bit ones mark as too small (0xFFFFFFFF). */
function zip64Sizes(
  data: DataView,
  extraStart: number,
  extraLength: number,
  wanted: { size: boolean; compressed: boolean; offset: boolean },
) {
  const found: { size?: number; compressed?: number; offset?: number } = {};
  for (let at = extraStart; at + 4 <= extraStart + extraLength;) {
    const id = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw new ArchiveRefused(NOT_A_ZIP);
        const value = Number(data.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (wanted.size) found.size = next();
      if (wanted.compressed) found.compressed = next();
      if (wanted.offset) found.offset = next();
      return found;
    }
    at += 4 + length;
  }
  return found;
}

/**
 * The entries of a zip, from its central directory, once it is known to be sound: at most maxEntries,
 * each one's compressed bytes inside the file and overlapping no other's.
 */
export function readZipEntries(bytes: Uint8Array, limits: { maxEntries: number }): ZipEntry[] {
  if (bytes.byteLength < 22) throw new ArchiveRefused(NOT_A_ZIP);
  const data = view(bytes);
  const end = findEndOfDirectory(data);
  let count = data.getUint16(end + 10, true);
  let directorySize = data.getUint32(end + 12, true);
  let directoryStart = data.getUint32(end + 16, true);
  if (count === 0xffff || directoryStart === MASK_32 || directorySize === MASK_32) {
    const locator = end - 20;
    if (locator < 0 || data.getUint32(locator, true) !== ZIP64_END_LOCATOR) throw new ArchiveRefused(NOT_A_ZIP);
    const zip64End = Number(data.getBigUint64(locator + 8, true));
    if (zip64End + 56 > bytes.byteLength || data.getUint32(zip64End, true) !== ZIP64_END_OF_DIRECTORY) {
      throw new ArchiveRefused(NOT_A_ZIP);
    }
    count = Number(data.getBigUint64(zip64End + 32, true));
    directorySize = Number(data.getBigUint64(zip64End + 40, true));
    directoryStart = Number(data.getBigUint64(zip64End + 48, true));
  }
  if (count > limits.maxEntries) {
    throw new ArchiveRefused(
      `it holds ${count.toLocaleString("en-GB")} files, more than the ${limits.maxEntries.toLocaleString("en-GB")} allowed`,
    );
  }
  if (directoryStart + directorySize > bytes.byteLength) throw new ArchiveRefused(NOT_A_ZIP);

  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directoryStart + directorySize || data.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new ArchiveRefused(NOT_A_ZIP);
    }
    const flags = data.getUint16(at + 8, true);
    const method = data.getUint16(at + 10, true);
    let compressedSize = data.getUint32(at + 20, true);
    let size = data.getUint32(at + 24, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    let localHeader = data.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (size === MASK_32 || compressedSize === MASK_32 || localHeader === MASK_32) {
      const wide = zip64Sizes(data, at + 46 + nameLength, extraLength, {
        size: size === MASK_32,
        compressed: compressedSize === MASK_32,
        offset: localHeader === MASK_32,
      });
      size = wide.size ?? size;
      compressedSize = wide.compressed ?? compressedSize;
      localHeader = wide.offset ?? localHeader;
    }
    at += 46 + nameLength + extraLength + commentLength;

    if (localHeader + 30 > directoryStart || data.getUint32(localHeader, true) !== LOCAL_HEADER) {
      throw new ArchiveRefused(NOT_A_ZIP);
    }
    const dataStart = localHeader + 30 + data.getUint16(localHeader + 26, true) + data.getUint16(localHeader + 28, true);
    if (dataStart + compressedSize > directoryStart) throw new ArchiveRefused(NOT_A_ZIP);
    entries.push({ name, method, encrypted: (flags & 1) === 1, compressedSize, size, dataStart });
  }

  // Each entry's bytes are its own: entries sharing compressed data are how a small file claims gigabytes.
  const byPlace = entries
    .map((entry) => ({ start: entry.dataStart, end: entry.dataStart + entry.compressedSize }))
    .sort((a, b) => a.start - b.start);
  for (let index = 1; index < byPlace.length; index++) {
    if (byPlace[index]!.start < byPlace[index - 1]!.end || byPlace[index]!.start === byPlace[index - 1]!.start) {
      throw new ArchiveRefused("its files overlap one another, as only an archive made to do harm is built");
    }
  }
  return entries;
}

/** Whether the bytes start as a zip does (an .xlsx and an .ods are zips). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/**
 * One entry's contents. Inflated in zlib's thread pool, so the site answers meanwhile, and stopped one
 * byte past the size the entry declares, which the caller has already held to its limits.
 */
export async function unpackZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  if (entry.encrypted) throw new ArchiveRefused(`${entry.name} is protected by a password`);
  const compressed = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ArchiveRefused(`${entry.name} is not the size the archive says it is`);
    return compressed;
  }
  if (entry.method !== 8) throw new ArchiveRefused(`${entry.name} is packed in a way this importer does not read`);
  let unpacked: Buffer;
  try {
    unpacked = await inflateRawAsync(compressed, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw new ArchiveRefused(`${entry.name} unpacks to more than the archive says it does`);
    }
    throw new ArchiveRefused(`${entry.name} cannot be unpacked: the archive is damaged`);
  }
  if (unpacked.byteLength !== entry.size) throw new ArchiveRefused(`${entry.name} is not the size the archive says it is`);
  return new Uint8Array(unpacked.buffer, unpacked.byteOffset, unpacked.byteLength);
}
