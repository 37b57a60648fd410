import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import {
  addCollectorNote,
  collectorKeyForAddress,
  eraseCollectorRecord,
  listCollectors,
  mergeCollectorRecords,
  readCollectorRecord,
  setCollectorTags,
} from "@/lib/data/staff/collectors";
import { exportPersonalData } from "@/lib/data/personal-data";
import { parseTags } from "@/lib/enquiries/collector-records";
import type { StaffMember } from "@/lib/staff/roles";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

seededGalleryWithMail();
const STAFF: StaffMember = { id: "records-staff", name: "Rory Records", email: "rory@gallery.test", role: "staff" };
const VIEWER: StaffMember = { id: "records-viewer", name: "Vi Viewer", email: "vi@gallery.test", role: "viewer" };
let ip = 10;

beforeAll(async () => {
  await db.user.createMany({
    data: [
      { id: STAFF.id, name: STAFF.name, email: STAFF.email, role: "staff" },
      { id: VIEWER.id, name: VIEWER.name, email: VIEWER.email, role: "viewer" },
    ],
  });
});

async function enquire(name: string, email: string, artworkSlug = "42-second-retreat-from-russia") {
  ip += 1;
  const { state } = await submitEnquiry(enquiryForm({ name, email, artworkSlug, message: `From ${name}` }), {
    clientIp: `198.51.100.${ip}`,
  });
  expect(state.status).toBe("sent");
  return state.reference!;
}

/** Every text held in any table of the database, for looking for a person in it. */
async function everythingStored(): Promise<string> {
  const tables = await db.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' AND "name" NOT LIKE '_prisma%'`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const columns = await db.$queryRawUnsafe<Array<{ name: string }>>(`SELECT "name" FROM pragma_table_info('${name}')`);
    // Each column as text (a blob too), so that every table reads the same way over either driver.
    const select = columns.map((column, index) => `CAST("${column.name}" AS TEXT) AS "c${index}"`).join(", ");
    parts.push(JSON.stringify(await db.$queryRawUnsafe(`SELECT ${select} FROM "${name}"`)));
  }
  return parts.join("\n").toLowerCase();
}

describe("collector records", () => {
  it("folds a person's addresses into one record, with everything they did in order", async () => {
    const first = await enquire("Greta Gmail", "Greta.Gmail+art@gmail.com");
    const second = await enquire("Greta Gmail", "gretagmail@googlemail.com", "63-the-auctioneer");
    await db.availabilityAlert.create({
      data: {
        artworkId: (await db.artwork.findFirstOrThrow({ where: { slug: "63-the-auctioneer" } })).id,
        email: "gretagmail@gmail.com",
        name: "Greta Gmail",
        source: "page",
      },
    });
    const list = await listCollectors(STAFF, { query: "greta" });
    expect(list.rows).toHaveLength(1);
    const [row] = list.rows;
    expect(row!.addresses.sort()).toEqual(["Greta.Gmail+art@gmail.com", "gretagmail@gmail.com", "gretagmail@googlemail.com"].sort());
    expect(row!).toMatchObject({ enquiries: 2, alerts: 1 });
    expect(row!.key).toBe(await collectorKeyForAddress("GRETA.gmail@gmail.com"));

    const record = await readCollectorRecord(VIEWER, row!.key);
    expect(record!.events.map((event) => [event.label, event.enquiryReference])).toEqual([
      ["Enquired", first],
      ["Enquired", second],
      ["Asked to be told", null],
    ]);
    // A viewer reads; only staff write.
    await expect(addCollectorNote(VIEWER, row!.key, "Not allowed")).rejects.toThrow();
  });

  it("keeps notes and tags, merges two records of one person, and erases the person whole: nothing of them left in any table", async () => {
    const home = await enquire("Hugo Home", "hugo@home.example.test");
    const work = await enquire("Hugo Home", "h.home@office.example.test", "63-the-auctioneer");
    const homeKey = await collectorKeyForAddress("hugo@home.example.test");
    const workKey = await collectorKeyForAddress("h.home@office.example.test");
    expect(homeKey).not.toBe(workKey);
    expect(await setCollectorTags(STAFF, homeKey, "War Artists, drawings,, war artists")).toEqual(["war artists", "drawings"]);
    expect(await setCollectorTags(STAFF, workKey, "prints")).toEqual(["prints"]);
    expect(await addCollectorNote(STAFF, workKey, "Prefers calls after six; collects for his office.")).toBe(true);

    expect(await mergeCollectorRecords(STAFF, homeKey, "nobody@nowhere.example.test")).toEqual({ merged: false, reason: "no_other" });
    expect(await mergeCollectorRecords(STAFF, homeKey, "HUGO@home.example.test")).toEqual({ merged: false, reason: "same" });
    expect(await mergeCollectorRecords(STAFF, homeKey, "h.home@office.example.test")).toEqual({ merged: true });

    expect(await readCollectorRecord(STAFF, workKey)).toBeNull();
    expect(await collectorKeyForAddress("h.home@office.example.test")).toBe(homeKey);
    const merged = await readCollectorRecord(STAFF, homeKey);
    expect(merged!.addresses.sort()).toEqual(["h.home@office.example.test", "hugo@home.example.test"]);
    expect(merged!.events.filter((event) => event.kind === "enquiry").map((event) => event.enquiryReference)).toEqual([home, work]);
    expect(merged!.tags).toEqual(["war artists", "drawings", "prints"]);
    expect(merged!.notes.map((note) => note.body)).toEqual(["Prefers calls after six; collects for his office."]);
    expect((await listCollectors(STAFF, { query: "prints" })).rows.map((row) => row.key)).toEqual([homeKey]);

    // The privacy export of either address carries the record's notes and tags.
    expect((await exportPersonalData("h.home@office.example.test")).collectorRecord).toEqual({
      notes: [expect.objectContaining({ body: "Prefers calls after six; collects for his office." })],
      tags: ["war artists, drawings, prints"],
    });

    expect(await eraseCollectorRecord(STAFF, homeKey)).toEqual({ addresses: 2 });
    const stored = await everythingStored();
    for (const trace of ["hugo@home.example.test", "h.home@office.example.test", "hugo home", "prefers calls after six", "war artists"]) {
      expect(stored.includes(trace), `"${trace}" is still stored somewhere`).toBe(false);
    }
    expect(await readCollectorRecord(STAFF, homeKey)).toBeNull();
  });

  it("reads tags as a person types them", () => {
    expect(parseTags("  Prints ,landscapes,  War   Artists,prints ")).toEqual(["prints", "landscapes", "war artists"]);
    expect(parseTags("")).toEqual([]);
  });
});
