import { describe, expect, it } from "vitest";
import { matchPhotographs } from "@/lib/catalogue/import/photograph-names";

const rows = [
  { line: 2, catalogueNumber: "42", title: "Second Retreat from Russia", listed: [] },
  { line: 3, catalogueNumber: "65c", title: "Study", listed: [] },
  { line: 4, catalogueNumber: "65c", title: "Another Study", listed: [] },
  { line: 5, catalogueNumber: "", title: "Orchard Without a Number", slug: "orchard-without-a-number", listed: [] },
  { line: 6, catalogueNumber: "12", title: "Mill", listed: ["IMG_0481.JPG"] },
];

describe("matching photographs to rows by their names", () => {
  it("finds a work's photographs by number, address, title or the Image column, further views in order", () => {
    const { byLine, unmatched } = matchPhotographs(
      [
        "photos/42 (3).jpg",
        "photos/42.jpg",
        "photos/42-2.JPG",
        "orchard-without-a-number.png",
        "img_0481.jpg",
        "notes.txt",
        "65c another study.webp",
      ],
      rows,
    );
    expect(byLine.get(2)).toEqual(["photos/42.jpg", "photos/42-2.JPG", "photos/42 (3).jpg"]);
    expect(byLine.get(5)).toEqual(["orchard-without-a-number.png"]);
    expect(byLine.get(6)).toEqual(["img_0481.jpg"]);
    expect(byLine.get(4)).toEqual(["65c another study.webp"]);
    expect(unmatched).toEqual([]);
  });

  it("lists a file no row claims, and one two rows claim, instead of guessing", () => {
    const { byLine, unmatched } = matchPhotographs(["65c.jpg", "99.jpg"], rows);
    expect(byLine.size).toBe(0);
    expect(unmatched).toEqual([
      { file: "65c.jpg", reason: "rows 3, 4 all answer to that name: list it in their Image column" },
      { file: "99.jpg", reason: "no row has that catalogue number, title or address" },
    ]);
  });
});

describe("an import with its photographs", () => {
  it("attaches each photograph to the work it names, lists those it cannot place, and attaches nothing twice", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { readFile } = await import("node:fs/promises");
    const os = await import("node:os");
    const path = await import("node:path");
    const sharp = (await import("sharp")).default;
    const { commandLineImportActor, importCatalogue } = await import("@/lib/data/catalogue-import");
    const { db } = await import("@/lib/db/client");
    const { seedCatalogue } = await import("@/prisma/seed");
    await seedCatalogue();

    const folder = mkdtempSync(path.join(os.tmpdir(), "import-photos-"));
    const jpeg = (shade: number) =>
      sharp({ create: { width: 900, height: 640, channels: 3, background: { r: shade, g: 90, b: 60 } } })
        .jpeg()
        .toBuffer();
    writeFileSync(path.join(folder, "701.jpg"), await jpeg(120));
    writeFileSync(path.join(folder, "701-2.jpg"), await jpeg(140));
    writeFileSync(path.join(folder, "scan_0042.jpg"), await jpeg(160));
    writeFileSync(path.join(folder, "999.jpg"), await jpeg(180));
    writeFileSync(path.join(folder, "702.jpg"), Buffer.from("not really a picture"));
    const photographs = ["701.jpg", "701-2.jpg", "scan_0042.jpg", "999.jpg", "702.jpg"].map((name) => ({
      name,
      read: () => readFile(path.join(folder, name)),
    }));
    const csv = [
      "Cat No,Title,Section,Size,Image",
      "701,Hop Kilns at Bromyard,Photographed,Image 9 x 12 in,",
      ",Lane Without a Number,Photographed,Image 9 x 12 in,scan_0042.jpg",
      "702,A Work Whose File Is Broken,Photographed,Image 9 x 12 in,",
      "703,A Work Without a Photograph,Photographed,Image 9 x 12 in,",
    ].join("\n");
    const target = { newExhibitionTitle: "With Photographs" };

    const dryRun = await importCatalogue(csv, target, { apply: false, photographs }, commandLineImportActor());
    expect(dryRun.photographs).toEqual({
      matched: [
        { line: 2, label: "701 Hop Kilns at Bromyard", files: ["701.jpg", "701-2.jpg"] },
        { line: 3, label: "Lane Without a Number", files: ["scan_0042.jpg"] },
        { line: 4, label: "702 A Work Whose File Is Broken", files: ["702.jpg"] },
      ],
      unmatched: [{ file: "999.jpg", reason: "no row has that catalogue number, title or address" }],
      rowsWithout: 1,
    });
    expect(await db.artworkImage.count({ where: { artwork: { section: { exhibition: { slug: "with-photographs" } } } } })).toBe(0);

    const applied = await importCatalogue(csv, target, { apply: true, photographs }, commandLineImportActor());
    expect(applied.photographs).toMatchObject({
      attached: 3,
      refused: [{ file: "702.jpg", reason: "That file is not a JPEG, PNG or WebP image." }],
    });
    const kilns = await db.artwork.findFirstOrThrow({
      where: { title: "Hop Kilns at Bromyard" },
      include: { images: { orderBy: { position: "asc" } } },
    });
    expect(kilns.images.map((image) => image.originalName)).toEqual(["701.jpg", "701-2.jpg"]);

    const again = await importCatalogue(
      csv,
      { exhibitionSlug: "with-photographs" },
      { apply: true, photographs },
      commandLineImportActor(),
    );
    expect(again.photographs).toMatchObject({ attached: 0 });
    expect(await db.artworkImage.count({ where: { artwork: { section: { exhibition: { slug: "with-photographs" } } } } })).toBe(3);
  }, 30_000);
});

describe("a .zip of photographs uploaded with a spreadsheet", () => {
  it("unpacks only the image files, lists one too large to attach without unpacking it, and says when the file is no zip", async () => {
    const { zipSync } = await import("fflate");
    const { photographsInArchive } = await import("@/lib/images/photograph-archive");
    const archive = zipSync({
      "photos/42.jpg": new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]),
      "photos/notes.txt": new TextEncoder().encode("not a photograph"),
      "__MACOSX/photos/._42.jpg": new Uint8Array([0, 5, 22]),
      "photos/huge.jpg": new Uint8Array(16 * 1024 * 1024),
    });
    const unpacked = await photographsInArchive(archive);
    if ("error" in unpacked) throw new Error(unpacked.error);
    expect(unpacked.photographs.map((photo) => photo.name).sort()).toEqual(["photos/42.jpg", "photos/huge.jpg"]);
    expect(Array.from(unpacked.photographs.find((photo) => photo.name === "photos/42.jpg")!.bytes!)).toEqual([0xff, 0xd8, 0xff, 1, 2, 3]);
    expect(unpacked.photographs.find((photo) => photo.name === "photos/huge.jpg")!.bytes).toBeNull();
    expect(await photographsInArchive(new TextEncoder().encode("Cat No,Title\n42,Retreat"))).toEqual({
      error: "The photographs file is not a readable .zip archive.",
    });
  });
});
