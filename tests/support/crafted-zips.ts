/**
 * Zip files built by hand the way bombs are built, small enough to keep in a test: a deflate stream of
 * zeros made of one repeated flushed block (a full flush resets the compressor, so each copy is the same
 * bytes), and archives whose directory says what the test needs it to say.
 */
import { constants, deflateRawSync } from "node:zlib";

const CHUNK = 16 * 1024 * 1024;

/** A raw deflate stream that inflates to `chunks` × 16 MiB of zeros, about a thousandth of that in size. */
export function zerosStream(chunks: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(CHUNK), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const end = deflateRawSync(new Uint8Array(0));
  const stream = new Uint8Array(block.length * chunks + end.length);
  for (let index = 0; index < chunks; index++) stream.set(block, index * block.length);
  stream.set(end, block.length * chunks);
  return stream;
}

export const unpackedSize = (chunks: number) => chunks * CHUNK;

export type CraftedEntry = { name: string; data: Uint8Array; declaredSize: number; method?: 0 | 8 };

/**
 * A zip of the entries given, each with the size it declares (true or not). With `sharedData`, every
 * entry points at the first one's bytes: one compressed stream counted many times over.
 */
export function craftZip(entries: CraftedEntry[], options: { sharedData?: boolean } = {}): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  let firstOffset = 0;
  entries.forEach((entry, index) => {
    const name = encoder.encode(entry.name);
    const method = entry.method ?? 8;
    const writesData = !options.sharedData || index === 0;
    const headerAt = writesData ? offset : firstOffset;
    if (writesData) {
      const local = new Uint8Array(30 + name.length);
      const view = new DataView(local.buffer);
      view.setUint32(0, 0x04034b50, true);
      view.setUint16(4, 20, true);
      view.setUint16(8, method, true);
      view.setUint32(18, entry.data.length, true);
      view.setUint32(22, entry.declaredSize, true);
      view.setUint16(26, name.length, true);
      local.set(name, 30);
      locals.push(local, entry.data);
      if (index === 0) firstOffset = offset;
      offset += local.length + entry.data.length;
    }
    const central = new Uint8Array(46 + name.length);
    const view = new DataView(central.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, 20, true);
    view.setUint16(10, method, true);
    view.setUint32(20, (options.sharedData ? entries[0]! : entry).data.length, true);
    view.setUint32(24, entry.declaredSize, true);
    view.setUint16(28, name.length, true);
    view.setUint32(42, headerAt, true);
    central.set(name, 46);
    directory.push(central);
  });
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, entries.length, true);
  endView.setUint16(10, entries.length, true);
  endView.setUint32(12, directorySize, true);
  endView.setUint32(16, offset, true);
  const parts = [...locals, ...directory, end];
  const zip = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    zip.set(part, at);
    at += part.length;
  }
  return zip;
}
