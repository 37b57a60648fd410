import { workLabel } from "@/lib/catalogue/describe";
import { slugify } from "@/lib/catalogue/slugs";
import type { ImportReport, PlannedRow } from "./import-report";
import { matchPhotographs, nameOf, type PhotographMatch } from "./photograph-names";
import type { ImportField, ImportedWork, ReadResult } from "./read-rows";

/**
 * An import's plan, made without the database: the rows as read, against the catalogue as the data
 * layer found it (lib/data/catalogue-import.ts loads it, and writes the plan when asked to). It says
 * which exhibition each row goes to, which work it is (or that it is new), what would change, which
 * sections are new, and which photographs go where — the dry run's report is this plan.
 */

/** A work already in the catalogue, as far as an import compares it. */
export type ExistingWork = {
  id: string;
  slug: string;
  sectionId: string;
  position: number;
  catalogueNumber: string;
  title: string;
  category: string;
  technique: string | null;
  signature: string | null;
  year: number | null;
  description: string;
  curatorNote: string | null;
  availability: string;
  priceMinor: number | null;
  currency: string | null;
  priceAsWritten: string | null;
  sizeAsWritten: string | null;
  dimensions: Array<{ kind: string; height: number; width: number; depth: number | null; unit: string }>;
  section: { title: string };
};

/** An exhibition in the catalogue, with its works and sections, for matching. */
export type FoundExhibition = { id: string; title: string; slug: string; works: ExistingWork[]; sectionTitles: string[] };

/** How the catalogue stands for an import: the exhibitions its rows may go to. */
export type CatalogueAsFound = {
  /** Where the import was pointed: found, or a new title (found null); null when there is none. */
  target: { slug: string; title: string; isNew: boolean; found: FoundExhibition | null } | null;
  /** Each exhibition an Exhibition cell names, by its slug: found, or null to be made. */
  named: Map<string, FoundExhibition | null>;
};

/** The address a new exhibition with this title gets (and an Exhibition cell is matched by). */
export function exhibitionSlugFor(title: string): string {
  return slugify(title) || "exhibition";
}

/** The exhibitions a file's Exhibition column names, by slug: the data layer loads these before planning. */
export function exhibitionSlugsNamedIn(read: ReadResult): string[] {
  return [...new Set(read.rows.flatMap((row) => (row.ok && row.work.exhibition ? [exhibitionSlugFor(row.work.exhibition)] : [])))];
}

/** An exhibition rows go to: as found (or to be made), with its works and sections for matching. */
export type ExhibitionPlan = {
  title: string;
  slug: string;
  isNew: boolean;
  record: { id: string; title: string; slug: string } | null;
  existingByKey: Map<string, ExistingWork>;
  sectionTitles: Map<string, string>;
};

/** A row as planned: what it is, the work it matched, and the exhibition it goes to. */
export type PlannedWrite = PlannedRow & {
  work: ImportedWork;
  existing?: ExistingWork;
  plan: ExhibitionPlan;
};

export type ImportPlan = {
  report: ImportReport;
  /** Every readable row, in the file's order. */
  rows: PlannedWrite[];
  /** The exhibitions the rows go to. */
  exhibitions: ExhibitionPlan[];
  photographMatch: PhotographMatch | null;
};

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

function exhibitionPlan(title: string, slug: string, isNew: boolean, found: FoundExhibition | null): ExhibitionPlan {
  // Looked up by key, not by scanning: a 20,000-row file against a 20,000-work exhibition stays linear.
  const existingByKey = new Map<string, ExistingWork>();
  for (const work of found?.works ?? []) {
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
  return {
    title: found?.title ?? title,
    slug,
    isNew,
    record: found ? { id: found.id, title: found.title, slug: found.slug } : null,
    existingByKey,
    sectionTitles: new Map((found?.sectionTitles ?? []).map((sectionTitle) => [slugify(sectionTitle), sectionTitle])),
  };
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

export function emptyReport(): ImportReport {
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

/**
 * Plans an import: each row goes to the exhibition its Exhibition cell names (found by its slug, or
 * new), or else to the one the import was pointed at; works are matched within their exhibition by
 * catalogue number and title, so the same file planned again finds every work unchanged.
 */
export function planImport(read: ReadResult, catalogue: CatalogueAsFound, photographNames?: string[]): ImportPlan {
  const empty: ImportReport = { ...emptyReport(), fileError: read.fileError, columns: read.columns, ignoredColumns: read.ignoredColumns };
  const plans = new Map<string, ExhibitionPlan>();
  const planFor = (slug: string, title: string, isNew: boolean, found: FoundExhibition | null) => {
    const known = plans.get(slug);
    if (known) return known;
    const plan = exhibitionPlan(title, slug, isNew, found);
    plans.set(slug, plan);
    return plan;
  };
  const { target } = catalogue;
  const defaultPlan = target ? planFor(target.slug, target.title, target.isNew, target.found) : null;

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
    let plan = defaultPlan;
    if (work.exhibition) {
      const slug = exhibitionSlugFor(work.exhibition);
      const found = catalogue.named.get(slug) ?? null;
      plan = planFor(slug, work.exhibition, found === null, found);
    }
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
  const photoMatch = photographNames
    ? matchPhotographs(
        photographNames,
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
    return {
      report: { ...empty, fileError: "There is no exhibition to import into: name a new one." },
      rows: [],
      exhibitions: [],
      photographMatch: null,
    };
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
  return { report, rows: planned, exhibitions: usedPlans, photographMatch: photoMatch };
}
