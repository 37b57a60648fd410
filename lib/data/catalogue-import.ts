import "server-only";
import { activityEntry } from "@/lib/data/activity";
import { randomBytes } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import {
  importTargetOf,
  type ImportOptions,
  type PhotographSource,
  type ImportProgress,
  type ImportReport,
  type ImportTarget,
  type PlannedRow,
} from "@/lib/catalogue/import/import-report";
import { readCatalogueCsv, type ImportField, type ImportedWork } from "@/lib/catalogue/import/read-rows";
import { readCatalogueFile, type CatalogueFile } from "@/lib/catalogue/import/read-spreadsheet";
import { workLabel } from "@/lib/catalogue/describe";
import { photographsInArchive } from "@/lib/images/photograph-archive";
import { matchPhotographs, nameOf, type PhotographMatch } from "@/lib/catalogue/import/photograph-names";
import { attachPhotograph } from "@/lib/data/photograph-records";
import { PhotographError } from "@/lib/images/photograph-files";
import { artworkSlugBase, slugify, uniqueSlug } from "@/lib/catalogue/slugs";
import { db } from "@/lib/db/client";

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

const FIELD_LABELS: Record<string, string> = {
  order: "order",
  catalogueNumber: "catalogue number",
  title: "title",
  section: "section",
  category: "category",
  technique: "medium",
  signature: "signature",
  year: "year",
  dimensions: "size",
  price: "price",
  availability: "status",
  description: "description",
  curatorNote: "curator's note",
};

/**
 * Two rows are the same work when their catalogue numbers and titles agree (case and punctuation
 * aside); works the gallery never numbered, when their titles and sections agree (or their titles
 * alone, for a file without a Section column: section "").
 */
function workKey(catalogueNumber: string, title: string, section: string): string {
  const number = catalogueNumber.trim().toLowerCase();
  return number ? `number\u0000${number}\u0000${slugify(title)}` : `title\u0000${slugify(title)}\u0000${slugify(section)}`;
}

type ExistingWork = Awaited<ReturnType<typeof loadExisting>>[number];

/** An exhibition rows go to: as found (or to be made), with its works and sections for matching. */
type ExhibitionPlan = {
  title: string;
  slug: string;
  isNew: boolean;
  record: { id: string; title: string; slug: string } | null;
  existingByKey: Map<string, ExistingWork>;
  sectionTitles: Map<string, string>;
};

/** A row as planned: what it is, the work it matched, and (once written) the new work's id. */
type PlannedWrite = PlannedRow & {
  work: ImportedWork;
  existing?: ExistingWork;
  createdId?: string;
  plan: ExhibitionPlan;
};

async function loadExisting(exhibitionId: string | null) {
  if (!exhibitionId) return [];
  return db.artwork.findMany({
    where: { section: { exhibitionId } },
    include: { dimensions: { orderBy: { position: "asc" } }, section: true },
  });
}

/** The fields a file would change on an existing work; a column the file doesn't have changes nothing. */
function changesFor(existing: ExistingWork, work: ImportedWork, columns: Partial<Record<ImportField, string>>): string[] {
  const has = (field: ImportField) => columns[field] !== undefined;
  const changes: string[] = [];
  const differs = (name: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(name);
  };
  differs("title", existing.title, work.title);
  if (has("section")) differs("section", slugify(existing.section.title), slugify(work.section));
  if (has("category") || has("technique")) differs("category", existing.category, work.category);
  if (has("technique")) differs("technique", existing.technique, work.technique);
  if (has("signature")) differs("signature", existing.signature, work.signature);
  if (has("year")) differs("year", existing.year, work.year);
  if (has("catalogueNumber")) differs("catalogueNumber", existing.catalogueNumber, work.catalogueNumber);
  if (work.order !== null) differs("order", existing.position, work.order);
  if (has("size") || has("framed")) {
    differs(
      "dimensions",
      [existing.sizeAsWritten, existing.dimensions.map(({ kind, height, width, depth, unit }) => ({ kind, height, width, depth, unit }))],
      [work.sizeAsWritten, work.dimensions.map(({ kind, height, width, depth, unit }) => ({ kind, height, width, depth, unit }))],
    );
  }
  if (has("price"))
    differs(
      "price",
      [existing.priceMinor, existing.currency, existing.priceAsWritten],
      [work.price?.amountMinor ?? null, work.price?.currency ?? null, work.priceAsWritten],
    );
  if (work.availability !== null) differs("availability", existing.availability, work.availability);
  if (has("description") && work.description) differs("description", existing.description, work.description);
  if (has("curatorNote")) differs("curatorNote", existing.curatorNote, work.curatorNote);
  return changes.map((change) => FIELD_LABELS[change] ?? change);
}

/** The exhibition a title names: the one with its slug, or a new one to be made. */
async function exhibitionNamed(title: string) {
  const slug = slugify(title) || "exhibition";
  const existing = await db.exhibition.findUnique({ where: { slug } });
  return existing ? { exhibition: existing, isNew: false, slug } : { exhibition: null, isNew: true, slug };
}

async function resolveExhibition(target: ImportTarget) {
  if (target.newExhibitionTitle) return exhibitionNamed(target.newExhibitionTitle);
  const exhibition = target.exhibitionSlug
    ? await db.exhibition.findUnique({ where: { slug: target.exhibitionSlug } })
    : await db.exhibition.findFirst({ orderBy: [{ isCurrent: "desc" }, { createdAt: "desc" }] });
  return exhibition ? { exhibition, isNew: false, slug: exhibition.slug } : null;
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
    await activityEntry({
      actor: actor.kind === "staff" ? { id: actor.staff.id, name: actor.staff.name } : { id: null, name: "The import command" },
      action: "imported a catalogue file",
      subjectType: "import",
      subjectLabel: report.exhibitions.map((exhibition) => exhibition.title).join(", ") || "the catalogue",
      detail: `${create} created, ${update} updated, ${unchanged} unchanged, ${errors} not readable${report.stoppedAfter !== undefined ? `; stopped after ${report.stoppedAfter} rows` : ""}`,
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
  const read = typeof source === "string" ? readCatalogueCsv(source) : readCatalogueFile(source);
  const empty: ImportReport = { ...emptyReport(), fileError: read.fileError, columns: read.columns, ignoredColumns: read.ignoredColumns };
  if (read.fileError) return empty;

  /*
   * Each row goes to the exhibition its Exhibition cell names (found by its slug, or new), or else
   * to the one the import was pointed at. Works are matched within their exhibition.
   */

  const plans = new Map<string, ExhibitionPlan>();
  const planFor = async (
    resolved: { exhibition: { id: string; title: string; slug: string } | null; isNew: boolean; slug: string },
    title: string,
  ) => {
    const known = plans.get(resolved.slug);
    if (known) return known;
    const existingWorks = await loadExisting(resolved.exhibition?.id ?? null);
    const existingSections = resolved.exhibition ? await db.section.findMany({ where: { exhibitionId: resolved.exhibition.id } }) : [];
    // Looked up by key, not by scanning: a 20,000-row file against a 20,000-work exhibition stays linear.
    const existingByKey = new Map<string, ExistingWork>();
    for (const work of existingWorks) {
      // A numbered work answers to its number and title; every work also to its title and section, so a
      // file that gives no numbers still finds the works it names.
      for (const key of new Set([
        workKey(work.catalogueNumber, work.title, work.section.title),
        workKey("", work.title, work.section.title),
        workKey("", work.title, ""),
      ])) {
        if (!existingByKey.has(key)) existingByKey.set(key, work);
      }
    }
    const plan: ExhibitionPlan = {
      title: resolved.exhibition?.title ?? title,
      slug: resolved.slug,
      isNew: resolved.isNew,
      record: resolved.exhibition,
      existingByKey,
      sectionTitles: new Map(existingSections.map((section) => [slugify(section.title), section.title])),
    };
    plans.set(resolved.slug, plan);
    return plan;
  };
  const defaultResolved = await resolveExhibition(target);
  if (target.exhibitionSlug && !defaultResolved) {
    return {
      ...empty,
      fileError: `There is no exhibition at /exhibitions/${target.exhibitionSlug}: check its address, or name a new one.`,
    };
  }
  const defaultPlan = defaultResolved ? await planFor(defaultResolved, target.newExhibitionTitle ?? "") : null;

  const newSections: string[] = [];
  const errors: ImportReport["errors"] = [];
  const planned: PlannedWrite[] = [];
  const seenOnLine = new Map<string, number>();

  for (const row of read.rows) {
    if (!row.ok) {
      errors.push({ line: row.line, label: row.label, reasons: row.reasons });
      continue;
    }
    const { work } = row;
    const plan = work.exhibition ? await planFor(await exhibitionNamed(work.exhibition), work.exhibition) : defaultPlan;
    if (!plan) {
      errors.push({
        line: row.line,
        label: workLabel(work),
        reasons: ["no exhibition to import into: give the row an Exhibition, or name one for the import"],
      });
      continue;
    }
    const key = workKey(work.catalogueNumber, work.title, read.columns.section !== undefined ? work.section : "");
    const twinLine = seenOnLine.get(`${plan.slug}\u0000${key}`);
    if (twinLine !== undefined) {
      errors.push({
        line: row.line,
        label: workLabel(work),
        reasons: [`the same work is on line ${twinLine} already`],
      });
      continue;
    }
    seenOnLine.set(`${plan.slug}\u0000${key}`, row.line);
    if (!plan.sectionTitles.has(slugify(work.section))) {
      plan.sectionTitles.set(slugify(work.section), work.section);
      newSections.push(plans.size > 1 || work.exhibition ? `${work.section} (${plan.title})` : work.section);
    }
    const existing = plan.existingByKey.get(key);
    const label = workLabel(work);
    if (!existing) planned.push({ line: row.line, label, action: "create", changes: [], notes: work.notes, work, plan });
    else {
      const changes = changesFor(existing, work, read.columns);
      planned.push({
        line: row.line,
        label,
        action: changes.length > 0 ? "update" : "unchanged",
        changes,
        notes: work.notes,
        slug: existing.slug,
        work,
        existing,
        plan,
      });
    }
  }
  const usedPlans = [...new Set(planned.map((row) => row.plan))];
  const photoMatch = options.photographs
    ? matchPhotographs(
        options.photographs.map((photo) => photo.name),
        planned.map((row) => ({
          line: row.line,
          catalogueNumber: row.work.catalogueNumber,
          title: row.work.title,
          slug: row.slug,
          listed: row.work.images,
        })),
      )
    : null;
  if (usedPlans.length === 0 && !defaultPlan && errors.length === 0) {
    return { ...empty, fileError: "There is no exhibition to import into: name a new one." };
  }
  const describePlan = (plan: ExhibitionPlan) => ({ title: plan.title, slug: plan.slug, isNew: plan.isNew });

  const report: ImportReport = {
    applied: false,
    fileError: null,
    exhibition: defaultPlan ? describePlan(defaultPlan) : usedPlans[0] ? describePlan(usedPlans[0]) : null,
    exhibitions: (usedPlans.length > 0 ? usedPlans : defaultPlan ? [defaultPlan] : []).map(describePlan),
    columns: read.columns,
    ignoredColumns: read.ignoredColumns,
    newSections,
    rows: planned.map(({ line, label, action, changes, notes, slug }) => ({ line, label, action, changes, notes, slug })),
    errors,
    ...(photoMatch
      ? {
          photographs: {
            matched: planned
              .filter((row) => photoMatch.byLine.has(row.line))
              .map((row) => ({ line: row.line, label: row.label, files: photoMatch.byLine.get(row.line)!.map(nameOf) })),
            unmatched: photoMatch.unmatched,
            rowsWithout: planned.filter((row) => !photoMatch.byLine.has(row.line)).length,
          },
        }
      : {}),
    counts: {
      create: planned.filter((row) => row.action === "create").length,
      update: planned.filter((row) => row.action === "update").length,
      unchanged: planned.filter((row) => row.action === "unchanged").length,
      errors: errors.length,
    },
  };
  if (!options.apply) return report;

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
  const has = (field: ImportField) => read.columns[field] !== undefined;
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
  for (const row of toWrite) {
    if (options.signal?.aborted) break;
    const { work } = row;
    const sectionId = sectionIds.get(sectionKey(exhibitionIds.get(row.plan)!, work.section));
    await db.$transaction(async (tx) => {
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
        row.createdId = created.id;
      }
    });
    progress.done += 1;
    if (row.action === "create") progress.created += 1;
    else progress.updated += 1;
    options.onProgress?.({ ...progress });
    // The database driver answers synchronously, so without this the whole import would run as one
    // chain of promises: the web process would serve nobody else meanwhile, and Ctrl-C (a signal,
    // delivered by the event loop) would not be heard until the end.
    await yieldToEventLoop();
  }
  const stopped = progress.done < progress.total;
  const photographs = photoMatch && report.photographs && !stopped ? await attachMatchedPhotographs(planned, photoMatch, options) : null;
  return {
    ...report,
    applied: true,
    ...(stopped ? { stoppedAfter: progress.done } : {}),
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
  match: PhotographMatch,
  options: ImportOptions,
): Promise<{ attached: number; refused: Array<{ file: string; reason: string }> }> {
  const sources = new Map((options.photographs ?? []).map((photo) => [photo.name, photo]));
  let attached = 0;
  const refused: Array<{ file: string; reason: string }> = [];
  for (const row of planned) {
    const files = match.byLine.get(row.line);
    const artworkId = row.existing?.id ?? row.createdId;
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

function emptyReport(): ImportReport {
  return {
    applied: false,
    fileError: null,
    exhibition: null,
    exhibitions: [],
    columns: {},
    ignoredColumns: [],
    newSections: [],
    rows: [],
    errors: [],
    counts: { create: 0, update: 0, unchanged: 0, errors: 0 },
  };
}

function stagedFile(staged: { fileName: string; content: Uint8Array; sheet: string }): CatalogueFile {
  return { fileName: staged.fileName, bytes: new Uint8Array(staged.content), sheet: staged.sheet || undefined };
}

/** The photographs uploaded with a staged file, or why they cannot be read (shown as the report's file error). */
function stagedPhotographs(archive: Uint8Array | null): { sources?: PhotographSource[]; error?: string } {
  if (!archive) return {};
  const unpacked = photographsInArchive(new Uint8Array(archive));
  return "error" in unpacked ? { error: unpacked.error } : { sources: unpacked.photographs };
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
  await db.stagedImport.create({
    data: {
      id,
      fileName: upload.fileName.slice(0, 200),
      content: new Uint8Array(upload.content),
      target: upload.target,
      newExhibitionTitle: upload.newExhibitionTitle,
      sheet: upload.sheet,
      photographs: upload.photographs ? new Uint8Array(upload.photographs) : null,
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
  const photographs = stagedPhotographs(staged.photographs);
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
  const photographs = stagedPhotographs(staged.photographs);
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
    await db.stagedImport.deleteMany({ where: { id } });
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
