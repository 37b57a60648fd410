import { describe, expect, it } from "vitest";
import { activityEntry } from "@/lib/data/activity";
import { erasePersonalData } from "@/lib/data/personal-data";
import { db } from "@/lib/db/client";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { enquiryForm } from "./support/enquiry-helpers";

describe("the activity log", () => {
  it("is append-only: the database refuses to change or delete an entry", async () => {
    const entry = await activityEntry({
      actor: { id: "u1", name: "Anna Smith" },
      action: "changed the status",
      subjectType: "enquiry",
      subjectId: "ENQ-2026-000001",
      subjectLabel: "ENQ-2026-000001",
      field: "status",
      oldValue: "New",
      newValue: "Replied",
    });
    // Through Prisma the trigger's words arrive as the driver adapter maps a trigger's abort (better-sqlite3's
    // adapter calls it a foreign-key violation); through plain SQL they arrive as written.
    await expect(db.activityEntry.update({ where: { id: entry.id }, data: { newValue: "Closed" } })).rejects.toThrow();
    await expect(db.activityEntry.delete({ where: { id: entry.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`UPDATE "ActivityEntry" SET "newValue" = 'Closed'`)).rejects.toThrow(/append-only|constraint/i);
    await expect(db.$executeRawUnsafe(`DELETE FROM "ActivityEntry"`)).rejects.toThrow(/append-only|constraint/i);
    expect(await db.activityEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
      newValue: "Replied",
      actorName: "Anna Smith",
    });
  });

  it("records an erasure by its references and who asked, and nothing of the person", async () => {
    Object.assign(process.env, { GALLERY_EMAIL: "enquiries@gallery.test", MAIL_FROM: "website@gallery.test" });
    const { state } = await submitEnquiry(
      enquiryForm({ name: "Petra Private", email: "petra.private@example.test", message: "Erase me later" }),
      {
        clientIp: "198.51.100.90",
      },
    );
    await erasePersonalData("petra.private@example.test");
    const [entry] = await db.activityEntry.findMany({ where: { subjectType: "privacy" } });
    expect(entry).toMatchObject({
      actorName: "The privacy command",
      subjectLabel: state.reference,
      action: "erased a collector's data at their request",
    });
    expect(JSON.stringify(entry).toLowerCase()).not.toMatch(/petra|private@|erase me/);
  });
});
