/**
 * Run by tests/unit/full-disk.test.ts inside a private mount namespace, with the database on a small
 * tmpfs of its own: fills that filesystem, then sends an enquiry burst and an import into it, frees the
 * space and does both again, in this one process (nothing restarted). Prints what happened as JSON.
 */
import { closeSync, ftruncateSync, openSync, rmSync, statfsSync, writeSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { commandLineImportActor, importCatalogue } from "@/lib/data/catalogue-import";
import { db } from "@/lib/db/client";
import { databaseFilePath } from "@/lib/env";
import { seedCatalogue } from "@/prisma/seed";
import { enquiryForm, enquiryOutcome, type EnquiryOutcome } from "./enquiry-helpers";

const folder = path.dirname(databaseFilePath()!);
const fillers: string[] = [];

/** Writes a file until the filesystem refuses (ENOSPC), then gives back `leaveBytes` of it: room for a few writes. */
function fillTheDisk(leaveBytes: number) {
  const chunk = Buffer.alloc(64 * 1024, 1);
  const file = path.join(folder, `filler-${fillers.length}`);
  fillers.push(file);
  const fd = openSync(file, "w");
  let size = 0;
  try {
    for (;;) size += writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  }
  ftruncateSync(fd, Math.max(0, size - leaveBytes));
  closeSync(fd);
}

const freeBytes = () => statfsSync(folder).bavail * statfsSync(folder).bsize;

async function burst(count: number, tag: string, first = 0): Promise<EnquiryOutcome[]> {
  return Promise.all(
    Array.from({ length: count }, (_, offset) => first + offset).map((index) =>
      enquiryOutcome(
        enquiryForm({
          name: `Disk Collector ${tag} ${index}`,
          email: `disk-${tag}-${index}@example.test`,
          artworkSlug: "42-second-retreat-from-russia",
          message: `Enquiry ${index} of the ${tag} burst. `.repeat(40),
        }),
        `10.9.${tag === "full" ? 1 : 2}.${index + 1}`,
      ),
    ),
  );
}

function integrity(): string {
  const handle = new Database(databaseFilePath()!, { readonly: true });
  try {
    return (handle.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check;
  } finally {
    handle.close();
  }
}

const catalogue = ["Cat No,Title,Section,Medium,Size"]
  .concat(
    Array.from(
      { length: 400 },
      (_, index) => `${index + 1}d,Full Disk Study ${index + 1},Studies,Pencil,Image 8 x 10 in - Framed 14 x 16 in`,
    ),
  )
  .join("\n");

async function worksImported() {
  const works = await db.artwork.findMany({
    where: { section: { exhibition: { slug: "full-disk-studies" } } },
    select: { _count: { select: { dimensions: true } } },
  });
  return { count: works.length, withoutBothSizes: works.filter((work) => work._count.dimensions !== 2).length };
}

async function storedReferences(tag: string) {
  const rows = await db.enquiry.findMany({ where: { email: { startsWith: `disk-${tag}-` } }, select: { reference: true } });
  return rows.map((row) => row.reference).sort();
}

await seedCatalogue();
// Warm: the statements and pages every enquiry uses exist before the disk is full.
await burst(1, "warm");

// Collectors keep coming, five at a time, until the disk turns them away; and two waves more.
fillTheDisk(1024 * 1024);
const fullBurst: EnquiryOutcome[] = [];
for (let wave = 0, refusedWaves = 0; wave < 40 && refusedWaves < 3; wave += 1) {
  const outcomes = await burst(5, "full", wave * 5);
  fullBurst.push(...outcomes);
  if (outcomes.some((outcome) => outcome.status !== "sent")) refusedWaves += 1;
}
const fullStored = await storedReferences("full");
fillTheDisk(512 * 1024);
const fullImport = await importCatalogue(catalogue, { newExhibitionTitle: "Full Disk Studies" }, { apply: true }, commandLineImportActor());
const importedWhileFull = await worksImported();
const integrityWhileFull = integrity();
const freeWhileFull = freeBytes();

for (const file of fillers) rmSync(file, { force: true });
const freedBurst = await burst(5, "freed");
const freedStored = await storedReferences("freed");
const finishedImport = await importCatalogue(catalogue, { exhibitionSlug: "full-disk-studies" }, { apply: true }, commandLineImportActor());
const importedAfter = await worksImported();

process.stdout.write(
  `${JSON.stringify({
    fullBurst,
    fullStored,
    fullImport: { stoppedAfter: fullImport.stoppedAfter, stopReason: fullImport.stopReason },
    importedWhileFull,
    integrityWhileFull,
    freeWhileFull,
    freedBurst,
    freedStored,
    finishedImport: { stoppedAfter: finishedImport.stoppedAfter, counts: finishedImport.counts },
    importedAfter,
    integrityAfter: integrity(),
  })}\n`,
);
await db.$disconnect();
