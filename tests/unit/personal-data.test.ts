import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { erasePersonalData, exportPersonalData } from "@/lib/data/personal-data";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { seedCatalogue } from "@/prisma/seed";
import { enquiryForm } from "./support/enquiry-helpers";

beforeAll(async () => {
  Object.assign(process.env, { GALLERY_EMAIL: "enquiries@gallery.test", MAIL_FROM: "website@gallery.test", ENQUIRY_MIN_FILL_SECONDS: "3" });
  await seedCatalogue();
});

/** Every row of every table that mentions the text anywhere: what "nothing remains" is checked against. */
async function rowsMentioning(text: string): Promise<string[]> {
  const tables = await db.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const columns = await db.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM pragma_table_info('${name}')`);
    const condition = columns.map((column) => `lower(CAST("${column.name}" AS TEXT)) LIKE lower(?)`).join(" OR ");
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}" WHERE ${condition}`, ...columns.map(() => `%${text}%`));
    if (rows.length > 0) found.push(`${name}: ${rows.length}`);
  }
  return found;
}

describe("a collector's own data", () => {
  it("is exported whole, then erased whole: nothing of them remains, and nobody else's is touched", async () => {
    const asked = ["First question about work 42", "Second question, on shipping"];
    for (const [index, message] of asked.entries()) {
      const { state } = await submitEnquiry(
        enquiryForm({ name: "Erin Erasure", email: index === 0 ? "Erin.Erasure@example.test" : "erin.erasure@example.test", message }),
        { clientIp: `198.51.100.${60 + index}` },
      );
      expect(state.status).toBe("sent");
    }
    const other = await submitEnquiry(enquiryForm({ name: "Olly Other", email: "olly@example.test", message: "Staying put" }), {
      clientIp: "198.51.100.70",
    });
    const erinEnquiry = await db.enquiry.findFirstOrThrow({ where: { email: "erin.erasure@example.test" } });
    await db.enquiryNote.create({ data: { enquiryId: erinEnquiry.id, body: "Rang Erin back" } });
    // A hold for Erin on one work, and an alert for another: the sale keeps her name and address too.
    const [held, awaited] = await db.artwork.findMany({ take: 2, orderBy: { slug: "asc" } });
    await db.workHold.create({
      data: {
        artworkId: held!.id,
        collectorName: "Erin Erasure",
        collectorEmail: "erin.erasure@example.test",
        heldUntil: new Date(Date.now() + 86_400_000),
      },
    });
    await db.availabilityAlert.create({
      data: { artworkId: awaited!.id, email: "erin.erasure@example.test", name: "Erin Erasure", source: "page", confirmedAt: new Date() },
    });

    const exported = await exportPersonalData("ERIN.erasure@example.test");
    expect(exported.enquiries.map((enquiry) => enquiry.message)).toEqual(asked);
    expect(exported.enquiries.flatMap((enquiry) => (enquiry.notes as Array<{ body: string }>).map((note) => note.body))).toEqual([
      "Rang Erin back",
    ]);
    expect(exported.emails.map((email) => email.kind).sort()).toEqual([
      "collector_acknowledgement",
      "gallery_notification",
      "gallery_notification",
    ]);
    expect(exported.rateLimitCount).toMatchObject({ points: 2 });
    expect(exported.holds.map((hold) => hold.collectorName)).toEqual(["Erin Erasure"]);
    expect(exported.availabilityAlerts).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain("clientIpHash");

    expect(await rowsMentioning("erin.erasure@example.test")).not.toEqual([]);
    expect(await erasePersonalData("erin.erasure@example.test")).toEqual({
      enquiries: 2,
      notes: 1,
      emails: 3,
      emailsReceived: 0,
      rateLimitRows: 1,
      alerts: 1,
      holds: 1,
    });
    expect(await db.workHold.count({ where: { artworkId: held!.id } })).toBe(1);
    expect(await rowsMentioning("erin.erasure@example.test")).toEqual([]);
    expect(await rowsMentioning("Erin Erasure")).toEqual([]);
    expect(await rowsMentioning("Rang Erin back")).toEqual([]);
    expect((await exportPersonalData("erin.erasure@example.test")).enquiries).toEqual([]);

    expect(await db.enquiry.count({ where: { reference: other.state.reference! } })).toBe(1);
    expect(await rowsMentioning("olly@example.test")).not.toEqual([]);
  });
});
