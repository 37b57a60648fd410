import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  enquiriesByOutcome,
  enquiriesBySection,
  enquiriesPerWeek,
  firstReplyTimes,
  mostAskedWorks,
  type InterestRow,
} from "@/lib/dashboard/interest";
import { readDashboard } from "@/lib/data/staff/dashboard";
import type { ArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { serverEnv } from "@/lib/env";
import type { StaffMember } from "@/lib/staff/roles";

/*
 * The dashboard reads a year of enquiries with their works in one plain SQL read (through Prisma, a
 * busy year's 8,900 took 130 ms of a web process's thread). What it reads must be what the figures were
 * made from before: each enquiry once, spam and enquiries older than the year left out, each enquiry's
 * works in their order, a work since removed from the catalogue by its snapshot, a sold one as sold.
 */
const owner: StaffMember = { id: "dashboard-owner", name: "Dana Owner", email: "dana@gallery.test", role: "owner" };
const DAY = 86_400_000;

function snapshot(slug: string, catalogueNumber: string, title: string, section: string): ArtworkSnapshot {
  return {
    slug,
    catalogueNumber,
    title,
    medium: "Pencil",
    sizes: ["Image area: 8 × 10 in / 20.3 × 25.4 cm"],
    availability: "Available",
    price: "Price on application",
    section,
    exhibition: "Dashboard Exhibition",
    artist: "Norman Neasom",
  };
}

describe("the dashboard's year of enquiries, read in one query", () => {
  const now = new Date();
  let expected: InterestRow[] = [];

  beforeAll(async () => {
    const artist = await db.artist.create({ data: { name: "Dashboard Artist", slug: "dashboard-artist" } });
    const exhibition = await db.exhibition.create({
      data: { title: "Dashboard Exhibition", slug: "dashboard-exhibition", artistId: artist.id },
    });
    const sections = await Promise.all(
      ["Harbours", "Fields"].map((title, position) =>
        db.section.create({ data: { title, slug: `dashboard-${title.toLowerCase()}`, exhibitionId: exhibition.id, position } }),
      ),
    );
    const work = (slug: string, number: string, title: string, sectionIndex: number, availability = "available") =>
      db.artwork.create({
        data: {
          slug,
          catalogueNumber: number,
          title,
          technique: "Pencil",
          category: "drawing",
          availability,
          sectionId: sections[sectionIndex]!.id,
          position: Number.parseInt(number, 10),
        },
      });
    const harbour = await work("dashboard-harbour", "901", "Harbour at Dusk", 0);
    const field = await work("dashboard-field", "902", "Field in Frost", 1, "sold");
    const gone = snapshot("dashboard-burnt-barn", "903", "Burnt Barn", "Fields");
    const enquiry = async (
      days: number,
      status: string,
      works: Array<{ artworkId: string | null; snapshot: ArtworkSnapshot }>,
      repliedAfterHours: number | null = null,
    ) => {
      const createdAt = new Date(now.getTime() - days * DAY);
      const number = (await db.enquiry.count()) + 1;
      await db.enquiry.create({
        data: {
          reference: `ENQ-DASH-${String(number).padStart(6, "0")}`,
          name: "Collector",
          email: `collector-${number}@dashboard.test`,
          message: "Is it still available?",
          questions: ["price_availability"],
          consentedAt: createdAt,
          status,
          createdAt,
          replyBy: new Date(createdAt.getTime() + DAY),
          firstRepliedAt: repliedAfterHours === null ? null : new Date(createdAt.getTime() + repliedAfterHours * 3_600_000),
          works: { create: works.map((chosen, position) => ({ ...chosen, position })) },
        },
      });
    };
    const harbourSnapshot = snapshot(harbour.slug, "901", "Harbour at Dusk", "Harbours");
    const fieldSnapshot = snapshot(field.slug, "902", "Field in Frost", "Fields");
    await enquiry(2, "new", [{ artworkId: harbour.id, snapshot: harbourSnapshot }]);
    await enquiry(
      9,
      "replied",
      [
        { artworkId: field.id, snapshot: fieldSnapshot },
        { artworkId: harbour.id, snapshot: harbourSnapshot },
      ],
      5,
    );
    await enquiry(40, "closed", [{ artworkId: null, snapshot: gone }], 30);
    await enquiry(60, "in_progress", []);
    // Left out: spam, and an enquiry older than the year the figures cover.
    await enquiry(3, "spam", [{ artworkId: harbour.id, snapshot: harbourSnapshot }]);
    await enquiry(400, "closed", [{ artworkId: field.id, snapshot: fieldSnapshot }], 2);

    const row = (days: number, status: string, works: InterestRow["works"], repliedAfterHours: number | null = null): InterestRow => {
      const createdAt = new Date(now.getTime() - days * DAY);
      return {
        createdAt,
        firstRepliedAt: repliedAfterHours === null ? null : new Date(createdAt.getTime() + repliedAfterHours * 3_600_000),
        replyBy: new Date(createdAt.getTime() + DAY),
        status,
        works,
      };
    };
    const harbourWork = { key: harbour.id, label: "901 Harbour at Dusk", section: "Harbours", soldNow: false };
    const fieldWork = { key: field.id, label: "902 Field in Frost", section: "Fields", soldNow: true };
    expected = [
      row(2, "new", [harbourWork]),
      row(9, "replied", [fieldWork, harbourWork], 5),
      row(40, "closed", [{ key: "gone:dashboard-burnt-barn", label: "903 Burnt Barn", section: "Fields", soldNow: false }], 30),
      row(60, "in_progress", []),
    ];
  });

  it("makes every interest figure from the year's enquiries as they are stored, spam and older ones left out", async () => {
    const timeZone = serverEnv().GALLERY_TIME_ZONE;
    const dashboard = await readDashboard(owner, now);
    expect(dashboard.total).toBe(4);
    expect(dashboard.weekly).toEqual(enquiriesPerWeek(expected, now, timeZone));
    expect(dashboard.works).toEqual(mostAskedWorks(expected));
    expect(dashboard.works).toEqual([
      { work: "901 Harbour at Dusk", enquiries: 2 },
      { work: "902 Field in Frost", enquiries: 1 },
      { work: "903 Burnt Barn", enquiries: 1 },
    ]);
    expect(dashboard.sections).toEqual(enquiriesBySection(expected));
    expect(dashboard.outcomes).toEqual(enquiriesByOutcome(expected));
    expect(dashboard.replyTimes).toEqual(firstReplyTimes(expected, now, timeZone));
  });
});
