import "server-only";
import { activityEntry } from "@/lib/data/activity";
import { randomBytes } from "node:crypto";
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from "node:timers/promises";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { importTargetOf, type ImportOptions, type PhotographSource, type ImportProgress, type ImportReport, type ImportTarget } from "@/lib/catalogue/import/import-report";
import { emptyReport, exhibitionSlugFor, exhibitionSlugsNamedIn, planImport, type CatalogueAsFound, type ExhibitionPlan, type FoundExhibition, type ImportPlan, type PlannedWrite } from "@/lib/catalogue/import/plan-import";
import { readCatalogueCsv, type ImportField, type ReadResult } from "@/lib/catalogue/import/read-rows";
import { type CatalogueFile } from "@/lib/catalogue/import/read-spreadsheet";
import { readCatalogueFile } from "@/lib/archives/read-catalogue-file";
import { photographsInArchive } from "@/lib/images/photograph-archive";
import { nameOf, type PhotographMatch } from "@/lib/catalogue/import/photograph-names";
import { attachPhotograph } from "@/lib/data/photograph-records";
import { MAX_UPLOAD_BYTES, PhotographError } from "@/lib/images/photograph-files";
import { artworkSlugBase, slugify, uniqueSlug } from "@/lib/catalogue/slugs";
import { db } from "@/lib/db/client";
import { storageFailure } from "@/lib/data/database-errors";

/**
 * Who is importing. The staff upload proves a session; the command line is trusted because whoever
 * runs it already holds the database file. There is no third way in.
 */
export type ImportActor = { kind: "staff"; staff: StaffMember } | { kind: "command-line" };

/** A member of staff importing from the site: their role is checked here, whoever asked. */
export function staffImportActor(staff: StaffMember): ImportActor {
  return { kind: "staff", staff: requireRole(staff, "staff") };
}

export function commandLineImportActor(): ImportActor {
  return { kind: "command-line" };
}

async function loadExisting(exhibitionId: string) {
  return db.artwork.findMany({
    where: { section: { exhibitionId } },
    include: { dimensions: { orderBy: { position: "asc" } }, section: true },
  });
}

async function foundExhibition(exhibition: { id: string; title: string; slug: string }): Promise<FoundExhibition> {
  const [works, sections] = await Promise.all([
    loadExisting(exhibition.id),
    db.section.findMany({ where: { exhibitionId: exhibition.id }, select: { title: true } }),
  ]);
  return { id: exhibition.id, title: exhibition.title, slug: exhibition.slug, works, sectionTitles: sections.map((section) => section.title) };
}

/**
 * The catalogue as an import of these rows needs it: the exhibition it was pointed at (an existing
 * one by its address, a new title, or the current one) and each exhibition an Exhibition cell names.
 * Null when the import was pointed at an address no exhibition has.
 */
async function catalogueAsFound(read: ReadResult, target: ImportTarget): Promise<CatalogueAsFound | null> {
  const bySlug = async (slug: string) => {
    const exhibition = await db.exhibition.findUnique({ where: { slug }, select: { id: true, title: true, slug: true } });
    return exhibition ? foundExhibition(exhibition) : null;
  };
  let pointedAt: CatalogueAsFound["target"] = null;
  if (target.newExhibitionTitle) {
    const slug = exhibitionSlugFor(target.newExhibitionTitle);
    const found = await bySlug(slug);
    pointedAt = { slug, title: target.newExhibitionTitle, isNew: found === null, found };
  } else {
    const exhibition = target.exhibitionSlug
      ? await db.exhibition.findUnique({ where: { slug: target.exhibitionSlug }, select: { id: true, title: true, slug: true } })
      : await db.exhibition.findFirst({ orderBy: [{ isCurrent: "desc" }, { createdAt: "desc" }], select: { id: true, title: true, slug: true } });
    if (target.exhibitionSlug && !exhibition) return null;
    if (exhibition) pointedAt = { slug: exhibition.slug, title: exhibition.title, isNew: false, found: await foundExhibition(exhibition) };
  }
  const named = new Map<string, FoundExhibition | null>();
  for (const slug of exhibitionSlugsNamedIn(read)) {
    named.set(slug, pointedAt?.slug === slug ? pointedAt.found : await bySlug(slug));
  }
  return { target: pointedAt, named };
}

/**
 * Plans (and with apply, carries out) an import. Each work is written in its own transaction:
 * a row that can't be read is reported and skipped, never half-written, and the rest go in.
 * Works are matched by catalogue number and title, so importing the same file again changes nothing.
 */
export async function importCatalogue(
  source: string | CatalogueFile,
  target: ImportTarget,
  options: ImportOptions,
  actor: ImportActor,
): Promise<ImportReport> {
  const report = await importWithoutHistory(source, target, options, actor);
  if (report.applied) {
    const { create, update, unchanged, errors } = report.counts;
    // The report comes back even when its line in the history cannot be written (the disk that
    // stopped the import is still full): what was written matters more than the log of it.
    await activityEntry({
      actor: actor.kind === "staff" ? { id: actor.staff.id, name: actor.staff.name } : { id: null, name: "The import command" },
      action: "imported a catalogue file",
      subjectType: "import",
      subjectLabel: report.exhibitions.map((exhibition) => exhibition.title).join(", ") || "the catalogue",
      detail: `${create} created, ${update} updated, ${unchanged} unchanged, ${errors} not readable${report.stoppedAfter !== undefined ? `; stopped after ${report.stoppedAfter} rows` : ""}`,
    }).catch((error: unknown) => {
      if (!storageFailure(error)) throw error;
    });
  }
  return report;
}

/** The import itself, without its line in the activity log. */
async function importWithoutHistory(
  source: string | CatalogueFile,
  target: ImportTarget,
  options: ImportOptions,
  actor: ImportActor,
): Promise<ImportReport> {
  if (actor.kind === "staff") requireRole(actor.staff, "staff");
  const read = typeof source === "string" ? readCatalogueCsv(source) : await readCatalogueFile(source);
  const empty: ImportReport = { ...emptyReport(), fileError: read.fileError, columns: read.columns, ignoredColumns: read.ignoredColumns };
  if (read.fileError) return empty;

  const catalogue = await catalogueAsFound(read, target);
  if (!catalogue) {
    return {
      ...empty,
      fileError: `There is no exhibition at /exhibitions/${target.exhibitionSlug}: check its address, or name a new one.`,
    };
  }
  const plan = planImport(
    read,
    catalogue,
    options.photographs?.map((photo) => photo.name),
  );
  if (!options.apply || plan.report.fileError) return plan.report;
  return applyImportPlan(plan, read.columns, options);
}

/**
 * Writes a plan: new exhibitions and sections first, then each work in its own transaction (a new
 * one takes every field, an existing one only those the file has columns for), then the photographs.
 */
async function applyImportPlan(
  { report, rows: planned, exhibitions: usedPlans, photographMatch: photoMatch }: ImportPlan,
  columns: ReadResult["columns"],
  options: ImportOptions,
): Promise<ImportReport> {
  const exhibitionIds = new Map<ExhibitionPlan, string>();
  for (const plan of usedPlans) {
    if (plan.record) {
      exhibitionIds.set(plan, plan.record.id);
      continue;
    }
    const artist = await db.artist.findFirst({ orderBy: { createdAt: "asc" } });
    if (!artist) return { ...report, fileError: "There is no artist to hang a new exhibition on; seed or create one first." };
    const created = await db.exhibition.create({ data: { slug: plan.slug, title: plan.title, artistId: artist.id, published: true } });
    exhibitionIds.set(plan, created.id);
  }
  // Every section a row writes to, found or made once, new ones in the order the file names them
  // (works are written numbered first). An update from a file without a Section column stays put.
  const has = (field: ImportField) => columns[field] !== undefined;
  const sectionIds = new Map<string, string>();
  const sectionKey = (exhibitionId: string, title: string) => `${exhibitionId}\u0000${slugify(title) || "section"}`;
  for (const row of planned) {
    if (row.action === "unchanged" || (row.existing && !has("section"))) continue;
    const exhibitionId = exhibitionIds.get(row.plan)!;
    const key = sectionKey(exhibitionId, row.work.section);
    if (sectionIds.has(key)) continue;
    const slug = slugify(row.work.section) || "section";
    const found = await db.section.findUnique({ where: { exhibitionId_slug: { exhibitionId, slug } }, select: { id: true } });
    if (found) {
      sectionIds.set(key, found.id);
      continue;
    }
    const last = await db.section.aggregate({ where: { exhibitionId }, _max: { position: true } });
    const made = await db.section.create({
      data: { exhibitionId, slug, title: row.work.section, position: (last._max.position ?? -1) + 1 },
    });
    sectionIds.set(key, made.id);
  }
  const takenSlugs = new Set((await db.artwork.findMany({ select: { slug: true } })).map((work) => work.slug));
  // New works take the next places in their sections, numbered ones first: a work without a number
  // sorts after the numbered works of its section (staff can move it afterwards).
  const numberedFirst = [...planned.filter((row) => row.work.catalogueNumber), ...planned.filter((row) => !row.work.catalogueNumber)];
  const toWrite = numberedFirst.filter((row) => row.action !== "unchanged");
  const progress: ImportProgress = { done: 0, total: toWrite.length, created: 0, updated: 0 };
  const createdIds = new Map<PlannedWrite, string>();
  let stopReason: string | undefined;
  for (const row of toWrite) {
    if (options.signal?.aborted) break;
    const rowStarted = performance.now();
    const { work } = row;
    const sectionId = sectionIds.get(sectionKey(exhibitionIds.get(row.plan)!, work.section));
    const written = await db.$transaction(async (tx) => {
      // A new work takes every field; an existing one only those the file has columns for.
      const creating = !row.existing;
      const fields = {
        title: work.title,
        ...(creating || has("catalogueNumber") ? { catalogueNumber: work.catalogueNumber } : {}),
        ...(sectionId ? { sectionId } : {}),
        ...(creating || has("category") || has("technique") ? { category: work.category } : {}),
        ...(creating || has("technique") ? { technique: work.technique } : {}),
        ...(creating || has("signature") ? { signature: work.signature } : {}),
        ...(creating || has("year") ? { year: work.year } : {}),
        ...(creating || work.availability !== null ? { availability: work.availability ?? "available" } : {}),
        ...(creating || has("price")
          ? { priceMinor: work.price?.amountMinor ?? null, currency: work.price?.currency ?? null, priceAsWritten: work.priceAsWritten }
          : {}),
        ...(creating || has("size") || has("framed") ? { sizeAsWritten: work.sizeAsWritten } : {}),
        ...(work.description ? { description: work.description } : {}),
        ...(creating || has("curatorNote") ? { curatorNote: work.curatorNote } : {}),
      };
      const replacesDimensions = creating || has("size") || has("framed");
      const dimensions = work.dimensions.map((dimension, position) => ({ ...dimension, position }));
      if (row.existing) {
        const movesSection = sectionId !== undefined && row.existing.sectionId !== sectionId;
        const lastInSection = movesSection ? await tx.artwork.aggregate({ where: { sectionId }, _max: { position: true } }) : null;
        await tx.artwork.update({
          where: { id: row.existing.id },
          data: {
            ...fields,
            ...(work.order !== null
              ? { position: work.order }
              : movesSection
                ? { position: (lastInSection?._max.position ?? -1) + 1 }
                : {}),
          },
        });
        if (replacesDimensions) {
          await tx.dimension.deleteMany({ where: { artworkId: row.existing.id } });
          await tx.dimension.createMany({ data: dimensions.map((dimension) => ({ ...dimension, artworkId: row.existing!.id })) });
        }
      } else {
        const slug = uniqueSlug(artworkSlugBase(work.catalogueNumber, work.title), (candidate) => takenSlugs.has(candidate));
        takenSlugs.add(slug);
        const lastInSection = await tx.artwork.aggregate({ where: { sectionId: sectionId! }, _max: { position: true } });
        const created = await tx.artwork.create({
          data: {
            ...fields,
            catalogueNumber: work.catalogueNumber,
            sectionId: sectionId!,
            category: work.category,
            slug,
            published: true,
            // An Order column places it; otherwise it goes after the works already in its section.
            position: work.order ?? (lastInSection._max.position ?? -1) + 1,
            dimensions: { create: dimensions },
          },
        });
        row.slug = slug;
        createdIds.set(row, created.id);
      }
    }).then(
      () => true,
      (error: unknown) => {
        // A database that cannot take the row (a full disk, a hosted database gone): its transaction
        // was rolled back whole; the import stops there and says so, with the rows before it kept.
        const failure = storageFailure(error);
        if (!failure) throw error;
        stopReason = `${failure}. Free space (or wait for the database to return) and import the file again`;
        return false;
      },
    );
    if (!written) break;
    progress.done += 1;
    if (row.action === "create") progress.created += 1;
    else progress.updated += 1;
    options.onProgress?.({ ...progress });
    // The database driver answers synchronously, so without this the whole import would run as one
    // chain of promises: the web process would serve nobody else meanwhile, and Ctrl-C (a signal,
    // delivered by the event loop) would not be heard until the end.
    await yieldToEventLoop();
    // And the write lock is let go as long as it was held (a few milliseconds): run flat out, the import
    // took it again before any other process's wait ended, and under the soak's traffic the web
    // processes, waiting to store enquiries, stopped answering (nginx said 502) until it was done.
    await sleep(Math.min(50, Math.max(2, performance.now() - rowStarted)));
  }
  const stopped = progress.done < progress.total;
  const photographs = photoMatch && report.photographs && !stopped ? await attachMatchedPhotographs(planned, createdIds, photoMatch, options) : null;
  return {
    ...report,
    applied: true,
    ...(stopped ? { stoppedAfter: progress.done, ...(stopReason ? { stopReason } : {}) } : {}),
    ...(photographs && report.photographs ? { photographs: { ...report.photographs, ...photographs } } : {}),
    rows: planned.map(({ line, label, action, changes, notes, slug }) => ({ line, label, action, changes, notes, slug })),
  };
}

/**
 * Attaches each matched photograph to its work once: a file already attached under the same name
 * (an import run again) is left alone. A file that is not a usable image is listed, never fatal.
 */
async function attachMatchedPhotographs(
  planned: PlannedWrite[],
  createdIds: Map<PlannedWrite, string>,
  match: PhotographMatch,
  options: ImportOptions,
): Promise<{ attached: number; refused: Array<{ file: string; reason: string }> }> {
  const sources = new Map((options.photographs ?? []).map((photo) => [photo.name, photo]));
  let attached = 0;
  const refused: Array<{ file: string; reason: string }> = [];
  for (const row of planned) {
    const files = match.byLine.get(row.line);
    const artworkId = row.existing?.id ?? createdIds.get(row);
    if (!files || !artworkId) continue;
    const already = new Set(
      (await db.artworkImage.findMany({ where: { artworkId }, select: { originalName: true } })).map((image) => image.originalName),
    );
    for (const file of files) {
      if (options.signal?.aborted) return { attached, refused };
      if (already.has(nameOf(file))) continue;
      try {
        const bytes = await sources.get(file)!.read();
        await attachPhotograph(artworkId, nameOf(file), Buffer.from(bytes));
        attached += 1;
      } catch (error) {
        if (!(error instanceof PhotographError)) throw error;
        refused.push({ file: nameOf(file), reason: error.message });
      }
    }
  }
  return { attached, refused };
}

function stagedFile(staged: { fileName: string; content: Uint8Array; sheet: string }): CatalogueFile {
  return { fileName: staged.fileName, bytes: new Uint8Array(staged.content), sheet: staged.sheet || undefined };
}

/**
 * The photographs uploaded with a staged file, unpacked when it was uploaded, or why the archive was
 * refused (shown as the report's file error). Each one's bytes are read from the database only when
 * it is attached: a dry run reads names alone.
 */
async function stagedPhotographs(staged: { id: string; photographsError: string | null }): Promise<{ sources?: PhotographSource[]; error?: string }> {
  if (staged.photographsError) return { error: staged.photographsError };
  const found = await db.stagedImportPhotograph.findMany({ where: { stagedImportId: staged.id }, select: { id: true, name: true }, orderBy: { id: "asc" } });
  if (found.length === 0) return {};
  const tooLarge = `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
  return {
    sources: found.map(({ id, name }) => ({
      name,
      read: async () => {
        const row = await db.stagedImportPhotograph.findUnique({ where: { id }, select: { bytes: true } });
        if (!row?.bytes) throw new PhotographError(tooLarge);
        return new Uint8Array(row.bytes);
      },
    })),
  };
}

/** A staged file is kept this long for its "Import" button; after that the file is read again. */
export const STAGED_IMPORT_KEPT_HOURS = 24;

export type StagedImportSummary = { id: string; fileName: string; target: string; newExhibitionTitle: string; sheet: string };

function stillKept(now = new Date()) {
  return { gt: new Date(now.getTime() - STAGED_IMPORT_KEPT_HOURS * 3_600_000) };
}

/** Keeps an uploaded spreadsheet for its dry run and the "Import" that may follow; returns its id. */
export async function stageImport(
  staff: StaffMember,
  upload: {
    fileName: string;
    content: Uint8Array;
    target: string;
    newExhibitionTitle: string;
    sheet: string;
    photographs: Uint8Array | null;
  },
) {
  requireRole(staff, "staff");
  const id = randomBytes(18).toString("base64url");
  // Unpacked here, once: the dry run and the import read the photographs kept, never the archive.
  const unpacked = upload.photographs ? await photographsInArchive(upload.photographs) : null;
  await db.stagedImport.create({
    data: {
      id,
      fileName: upload.fileName.slice(0, 200),
      content: new Uint8Array(upload.content),
      target: upload.target,
      newExhibitionTitle: upload.newExhibitionTitle,
      sheet: upload.sheet,
      photographsError: unpacked && "error" in unpacked ? unpacked.error : null,
      ...(unpacked && "photographs" in unpacked
        ? { photographs: { create: unpacked.photographs.map((photo) => ({ name: photo.name, bytes: photo.bytes ? new Uint8Array(photo.bytes) : null })) } }
        : {}),
      stagedById: staff.id,
    },
  });
  return id;
}

/** The dry run of a staged file against the catalogue as it is now; null once it is imported or forgotten. */
export async function previewStagedImport(
  staff: StaffMember,
  id: string,
): Promise<{ staged: StagedImportSummary; report: ImportReport } | null> {
  const actor = staffImportActor(staff);
  const staged = await db.stagedImport.findFirst({ where: { id, createdAt: stillKept(), claimedAt: null } });
  if (!staged) return null;
  const photographs = await stagedPhotographs(staged);
  const report = await importCatalogue(
    stagedFile(staged),
    importTargetOf(staged.target, staged.newExhibitionTitle),
    { apply: false, ...(photographs.sources ? { photographs: photographs.sources } : {}) },
    actor,
  );
  // A photographs archive that cannot be read stops the import: staff send it again, or without it.
  if (photographs.error && !report.fileError) report.fileError = photographs.error;
  return {
    staged: {
      id: staged.id,
      fileName: staged.fileName,
      target: staged.target,
      newExhibitionTitle: staged.newExhibitionTitle,
      sheet: staged.sheet,
    },
    report,
  };
}

/**
 * Imports a staged file exactly as previewed (same file, same target). The file is claimed before the
 * import begins, so a second press of "Import" (or a second tab) finds nothing and imports nothing
 * twice; it is deleted when the import ends.
 */
export async function applyStagedImport(staff: StaffMember, id: string): Promise<ImportReport | null> {
  const actor = staffImportActor(staff);
  const { count } = await db.stagedImport.updateMany({
    where: { id, createdAt: stillKept(), claimedAt: null },
    data: { claimedAt: new Date() },
  });
  if (count === 0) return null;
  const staged = await db.stagedImport.findUniqueOrThrow({ where: { id } });
  const photographs = await stagedPhotographs(staged);
  let lastReported = 0;
  try {
    if (photographs.error) {
      return { ...emptyReport(), fileError: photographs.error };
    }
    return await importCatalogue(
      stagedFile(staged),
      importTargetOf(staged.target, staged.newExhibitionTitle),
      {
        apply: true,
        ...(photographs.sources ? { photographs: photographs.sources } : {}),
        // For the page's progress bar: a write every 2% or so, not one per row.
        onProgress: ({ done, total }) => {
          if (done !== total && done - lastReported < Math.max(10, total / 50)) return;
          lastReported = done;
          void db.stagedImport.updateMany({ where: { id }, data: { rowsDone: done, rowsTotal: total } }).catch(() => undefined);
        },
      },
      actor,
    );
  } finally {
    // Left for the hourly clean-up when it cannot be deleted now (a full disk): it is claimed, so never imported twice.
    await db.stagedImport.deleteMany({ where: { id } }).catch((error: unknown) => {
      if (!storageFailure(error)) throw error;
    });
  }
}

/** How far the import of a staged file has got (the staff page asks while it waits); null when there is none. */
export async function stagedImportProgress(staff: StaffMember, id: string): Promise<{ done: number; total: number } | null> {
  requireRole(staff, "staff");
  const staged = await db.stagedImport.findFirst({ where: { id, claimedAt: { not: null } }, select: { rowsDone: true, rowsTotal: true } });
  return staged ? { done: staged.rowsDone, total: staged.rowsTotal } : null;
}

/** Drops staged files no one imported within the day (the background sweeper calls it). */
export async function forgetStaleStagedImports(now = new Date()): Promise<number> {
  const { count } = await db.stagedImport.deleteMany({ where: { createdAt: { lte: stillKept(now).gt } } });
  return count;
}
