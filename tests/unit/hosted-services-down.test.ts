import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { photograph } from "../support/compose-email";
import { freePort } from "../support/free-port";

/*
 * The hosted database (libSQL) and the object store (S3) die mid-request, as a host does: their test
 * servers run in processes of their own, killed with SIGKILL while enquiries, staff edits and uploads
 * are under way, then started again on the same port and data. Each caller gets a clear answer, nothing
 * is half-written, and service is normal from the first request after they return. The database's part
 * runs in the libSQL pass, the object store's in the SQLite pass.
 */
const projectRoot = path.resolve(import.meta.dirname, "../..");
const folder = mkdtempSync(path.join(os.tmpdir(), "gallery-hosted-down-"));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
});

/** A test server (tests/support/*-server.ts) in its own process; ready once it says so. */
async function serverProcess(script: string, args: string[]): Promise<{ kill: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, script), ...args], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (/ on (http|libsql):\/\//.test(chunk.toString())) resolve();
    });
    child.once("exit", (code) => reject(new Error(`${script} stopped (exit ${code})`)));
  });
  return {
    kill: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

describe.skipIf(inject("databaseMode") !== "libsql")("the hosted database goes away mid-request", () => {
  it(
    "answers each enquiry and staff edit plainly, keeps each whole or not at all, and serves the first request after it returns",
    { timeout: 90_000 },
    async () => {
      const databasePath = path.join(folder, "hosted.db");
      copyFileSync(inject("templateDatabasePath"), databasePath);
      const port = await freePort();
      const token = "hosted-down-token";
      const start = () => serverProcess("tests/support/libsql-server.ts", ["--db", databasePath, "--port", String(port), "--token", token]);
      let server = await start();
      // Before anything opens the database: this file's own server, which the test can kill.
      process.env.DATABASE_URL = `libsql://127.0.0.1:${port}?tls=0`;
      process.env.DATABASE_AUTH_TOKEN = token;
      const { db } = await import("@/lib/db/client");
      const { seedCatalogue } = await import("@/prisma/seed");
      const { enquiryForm, enquiryOutcome } = await import("./support/enquiry-helpers");
      const { updateArtwork } = await import("@/lib/data/staff/catalogue-editing");
      const { artworkEditSchema } = await import("@/lib/validations/artwork-edit");
      await seedCatalogue();

      const enquire = (tag: string, index: number) =>
        enquiryOutcome(
          enquiryForm({
            name: `Hosted Collector ${index}`,
            email: `hosted-${tag}-${index}@example.test`,
            artworkSlug: "42-second-retreat-from-russia",
            message: `Enquiry ${index} (${tag})`,
          }),
          `10.8.0.${index + 1}`,
        );
      expect((await enquire("warm", 0)).status).toBe("sent");

      // Twenty collectors at once; the database's host dies as soon as the first is stored.
      let settled = 0;
      const burst = Promise.all(Array.from({ length: 20 }, (_, index) => enquire("burst", index).finally(() => (settled += 1))));
      await expect.poll(() => settled, { interval: 5, timeout: 10_000 }).toBeGreaterThan(0);
      await server.kill();
      // And three more while it is down.
      const whileDown = await Promise.all([20, 21, 22].map((index) => enquire("burst", index)));
      const outcomes = [...(await burst), ...whileDown];
      server = await start();

      const sent = outcomes.filter((outcome) => outcome.status === "sent");
      const refused = outcomes.filter((outcome) => outcome.status !== "sent");
      expect(refused.length).toBeGreaterThan(0);
      for (const outcome of refused) {
        expect(outcome.reference).toBeUndefined();
        expect(outcome.message).toMatch(/^Sorry, something went wrong on our side and your enquiry was not stored\./);
      }
      // Its return: the first request is served.
      expect((await enquire("after", 0)).status).toBe("sent");
      // Every reference shown was stored, each enquiry whole: its work and its two emails.
      const stored = await db.enquiry.findMany({
        where: { email: { startsWith: "hosted-burst-" } },
        select: { reference: true, _count: { select: { works: true, emails: true } } },
      });
      const storedReferences = new Set(stored.map((enquiry) => enquiry.reference));
      for (const outcome of sent) expect(storedReferences.has(outcome.reference!)).toBe(true);
      for (const enquiry of stored) expect(enquiry._count).toEqual({ works: 1, emails: 2 });

      // Staff editing ten works at once (each a new title and a new size); the host dies once the first is answered.
      await db.user.create({ data: { id: "hosted-staff", name: "Hosted Staff", email: "hosted@gallery.test", role: "staff" } });
      const staff = { id: "hosted-staff", name: "Hosted Staff", email: "hosted@gallery.test", role: "staff" as const };
      const works = await db.artwork.findMany({ take: 12, orderBy: { slug: "asc" }, include: { dimensions: true } });
      const editOf = (work: (typeof works)[number], index: number) =>
        artworkEditSchema.parse({
          id: work.id,
          catalogueNumber: work.catalogueNumber ?? "",
          title: `Edited While Down ${index}`,
          sectionId: work.sectionId,
          category: work.category,
          technique: work.technique ?? "",
          signature: work.signature ?? "",
          year: work.year ? String(work.year) : "",
          description: work.description,
          curatorNote: work.curatorNote ?? "",
          availability: work.availability,
          price: "",
          published: work.published,
          featured: work.featured,
          ...Object.fromEntries(
            ["image", "sight", "sheet", "mount", "framed"].flatMap((kind) => [
              [`${kind}Height`, kind === "image" ? String(100 + index) : ""],
              [`${kind}Width`, kind === "image" ? String(200 + index) : ""],
              [`${kind}Depth`, ""],
              [`${kind}Unit`, "mm"],
            ]),
          ),
        });
      let edited = 0;
      const edits = Promise.all(
        works.slice(0, 10).map((work, index) =>
          updateArtwork(staff, editOf(work, index))
            .then(
              () => "saved",
              () => "failed",
            )
            .finally(() => (edited += 1)),
        ),
      );
      await expect.poll(() => edited, { interval: 5, timeout: 10_000 }).toBeGreaterThan(0);
      await server.kill();
      // And two more while it is down.
      const editedWhileDown = await Promise.all(
        works.slice(10).map((work, offset) =>
          updateArtwork(staff, editOf(work, 10 + offset)).then(
            () => "saved",
            () => "failed",
          ),
        ),
      );
      const editOutcomes = [...(await edits), ...editedWhileDown];
      server = await start();
      expect(editOutcomes).toContain("saved");
      expect(editOutcomes).toContain("failed");
      const after = await db.artwork.findMany({ where: { id: { in: works.map((work) => work.id) } }, include: { dimensions: true } });
      for (const work of after) {
        const index = works.findIndex((before) => before.id === work.id);
        // Whole or untouched: never a new title without its new size, nor a work left without sizes.
        if (work.title === `Edited While Down ${index}`) {
          expect(work.dimensions.map((size) => [size.kind, size.height, size.width, size.unit])).toEqual([
            ["image", 100 + index, 200 + index, "mm"],
          ]);
        } else {
          expect(work.title).toBe(works[index]!.title);
          expect(work.dimensions.length).toBe(works[index]!.dimensions.length);
        }
        expect(work.dimensions.length).toBeGreaterThan(0);
      }
      // And the first edit after its return is saved.
      await expect(updateArtwork(staff, editOf(works[0]!, 0))).resolves.not.toBeNull();
      await server.kill();
    },
  );
});

describe.skipIf(inject("databaseMode") !== "file")("the object store goes away mid-upload", () => {
  it(
    "refuses each upload plainly, never keeps a photograph record without its files, and stores the first upload after it returns",
    { timeout: 90_000 },
    async () => {
      const port = await freePort();
      const directory = path.join(folder, "s3");
      const start = () =>
        serverProcess("tests/support/s3-server.ts", ["--dir", directory, "--port", String(port), "--bucket", "gallery-photographs"]);
      let store = await start();
      Object.assign(process.env, {
        S3_BUCKET: "gallery-photographs",
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_ACCESS_KEY_ID: "S3RVER",
        S3_SECRET_ACCESS_KEY: "S3RVER",
        S3_FORCE_PATH_STYLE: "true",
        S3_TIMEOUT_MS: "2000",
      });
      const { db } = await import("@/lib/db/client");
      const { seedCatalogue } = await import("@/prisma/seed");
      const { attachPhotograph } = await import("@/lib/data/photograph-records");
      const { PhotographNotStored, readPhotographCopy } = await import("@/lib/images/photograph-files");
      await seedCatalogue();
      const works = await db.artwork.findMany({ take: 4, orderBy: { slug: "asc" }, select: { id: true } });
      const picture = await photograph(320, 240);

      let settled = 0;
      const uploads = Promise.all(
        works.map((work, index) =>
          attachPhotograph(work.id, `upload-${index}.png`, picture)
            .then(
              () => "stored",
              (error: unknown) => (error instanceof PhotographNotStored ? `refused: ${error.message}` : `other: ${String(error)}`),
            )
            .finally(() => (settled += 1)),
        ),
      );
      await expect.poll(() => settled, { interval: 5, timeout: 30_000 }).toBeGreaterThan(0);
      await store.kill();
      // And two more while it is down.
      const whileDown = await Promise.all(
        works.slice(0, 2).map((work, index) =>
          attachPhotograph(work.id, `while-down-${index}.png`, picture).then(
            () => "stored",
            (error: unknown) => (error instanceof PhotographNotStored ? `refused: ${error.message}` : `other: ${String(error)}`),
          ),
        ),
      );
      const outcomes = [...(await uploads), ...whileDown];
      expect(outcomes).toContain("stored");
      store = await start();
      expect(outcomes.filter((outcome) => outcome.startsWith("other"))).toEqual([]);
      expect(outcomes.some((outcome) => outcome.startsWith("refused: The photograph could not be stored"))).toBe(true);

      // Every record there is has its files in the store.
      const records = await db.artworkImage.findMany({ where: { artworkId: { in: works.map((work) => work.id) } } });
      expect(records.length).toBe(outcomes.filter((outcome) => outcome === "stored").length);
      for (const record of records) {
        for (const file of ["480.webp", "480.avif", "960.webp", "1600.webp", "2400.webp"]) {
          expect(await readPhotographCopy(record.storageKey, file), `${record.storageKey}/${file}`).not.toBeNull();
        }
      }
      // Its return: the first upload is stored.
      await expect(attachPhotograph(works[0]!.id, "after.png", picture)).resolves.not.toBeNull();
      await store.kill();
    },
  );
});
