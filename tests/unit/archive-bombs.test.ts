import { describe, expect, it } from "vitest";
import { readCatalogueFile } from "@/lib/archives/read-catalogue-file";
import { photographsInArchive } from "@/lib/images/photograph-archive";
import { craftZip, unpackedSize, zerosStream } from "../support/crafted-zips";

const MiB = 1024 * 1024;

/**
 * Runs the work while watching the process as a visitor would feel it: the resident memory it reaches
 * and the longest the event loop went without running a 5 ms timer (a page request waits that long).
 */
async function watched<T>(work: () => Promise<T>) {
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  let longestStall = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    return { result, milliseconds: performance.now() - started, rssGrowthMiB: (peakRss - rssBefore) / MiB, longestStall };
  } finally {
    clearInterval(ticker);
  }
}

function expectBounded(run: { milliseconds: number; rssGrowthMiB: number; longestStall: number }) {
  expect(run.milliseconds).toBeLessThan(2_000);
  expect(run.rssGrowthMiB).toBeLessThan(64);
  // A stall this long would be felt; the checks themselves take microseconds, and unpacking runs in zlib's threads.
  expect(run.longestStall).toBeLessThan(1_000);
}

describe("archives made to exhaust the server", () => {
  it("a 50 KB photographs archive that claims 5 GB (one stream counted by 107 entries) is refused at once", async () => {
    const kernel = zerosStream(3);
    const entries = Array.from({ length: 107 }, (_, index) => ({
      name: `photos/${index + 1}.jpg`,
      data: kernel,
      declaredSize: unpackedSize(3),
    }));
    const bomb = craftZip(entries, { sharedData: true });
    expect(bomb.length).toBeLessThan(60 * 1024);
    expect(entries.length * unpackedSize(3)).toBeGreaterThan(5 * 1024 * MiB);

    const run = await watched(() => photographsInArchive(bomb));
    expect(run.result).toEqual({
      error: "The photographs file was not unpacked: its files overlap one another, as only an archive made to do harm is built.",
    });
    expectBounded(run);
  });

  it("a photograph whose entry says 1 MB but unpacks to 48 MB is stopped just past 1 MB", async () => {
    const bomb = craftZip([{ name: "photos/42.jpg", data: zerosStream(3), declaredSize: MiB }]);
    const run = await watched(() => photographsInArchive(bomb));
    expect(run.result).toEqual({
      error: "The photographs file was not unpacked: photos/42.jpg unpacks to more than the archive says it does.",
    });
    expectBounded(run);
  });

  it("an archive of sixty thousand empty entries is refused by its count before any is read", async () => {
    const empty = new Uint8Array([0x03, 0x00]);
    const bomb = craftZip(Array.from({ length: 60_000 }, (_, index) => ({ name: `${index}.jpg`, data: empty, declaredSize: 0 })));
    const run = await watched(() => photographsInArchive(bomb));
    expect(run.result).toEqual({ error: "The photographs file was not unpacked: it holds 60,000 files, more than the 5,000 allowed." });
    expectBounded(run);
  });

  it("a 1 MB .xlsx that unpacks to 2 GB is refused before SheetJS reads it, whether its parts tell the truth or not", async () => {
    const gigabyte = zerosStream(64);
    expect(gigabyte.length).toBeLessThan(1.1 * MiB);
    const honest = craftZip(
      [
        { name: "xl/worksheets/sheet1.xml", data: gigabyte, declaredSize: unpackedSize(64) },
        { name: "xl/worksheets/sheet2.xml", data: gigabyte, declaredSize: unpackedSize(64) },
      ],
      { sharedData: true },
    );
    const lying = craftZip([
      { name: "[Content_Types].xml", data: new Uint8Array([0x03, 0x00]), declaredSize: 0 },
      { name: "xl/worksheets/sheet1.xml", data: gigabyte, declaredSize: 2_048 },
    ]);
    for (const [bytes, reason] of [
      [honest, "its files overlap one another, as only an archive made to do harm is built"],
      [lying, "xl/worksheets/sheet1.xml unpacks to more than the archive says it does"],
    ] as const) {
      const run = await watched(() => readCatalogueFile({ fileName: "catalogue.xlsx", bytes }));
      expect(run.result.fileError).toBe(`The spreadsheet was not read: ${reason}.`);
      expect(run.result.rows).toEqual([]);
      expectBounded(run);
    }

    const tooLarge = craftZip([{ name: "xl/worksheets/sheet1.xml", data: gigabyte, declaredSize: unpackedSize(64) }]);
    const run = await watched(() => readCatalogueFile({ fileName: "catalogue.xlsx", bytes: tooLarge }));
    expect(run.result.fileError).toBe(
      "The spreadsheet was not read: it unpacks to 1024 MB, more than the 48 MB a spreadsheet of the largest import needs.",
    );
    expectBounded(run);
  });
});
