import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { commandLineImportActor, importCatalogue } from "@/lib/data/catalogue-import";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { seedCatalogue } from "@/prisma/seed";

// Enough rows that a stop lands in the middle (row 137; Ctrl-C at the first progress line, a tenth of
// the way) and a second run has most of the file left. A thousand took 30 to 60 s in CI over libSQL's
// HTTP protocol, beside the browsers: near the test's limit, for nothing more shown.
const ROWS = 300;
const folder = mkdtempSync(path.join(os.tmpdir(), "gallery-interrupted-"));
const file = path.join(folder, "catalogue.csv");

beforeAll(async () => {
  await seedCatalogue();
  const rows = Array.from(
    { length: ROWS },
    (_, index) => `${index + 1}i,Interrupted Study ${index + 1},Studies,Pencil,Image 8 x 10 in - Framed 14 x 16 in`,
  );
  writeFileSync(file, ["Cat No,Title,Section,Medium,Size", ...rows].join("\n"));
});

async function worksIn(exhibitionSlug: string) {
  return db.artwork.findMany({ where: { section: { exhibition: { slug: exhibitionSlug } } }, include: { dimensions: true } });
}

describe("an import stopped halfway", () => {
  // Hundreds of rows, each its own transaction: over libSQL's HTTP protocol beside the browser tests this takes its time.
  it("stops after the row being written when asked: every row is fully in or untouched, and a second run finishes it", async () => {
    const stop = new AbortController();
    const stopped = await importCatalogue(
      readFileSync(file, "utf8"),
      { newExhibitionTitle: "Stopped Halfway" },
      {
        apply: true,
        signal: stop.signal,
        onProgress: ({ done }) => {
          if (done === 137) stop.abort();
        },
      },
      commandLineImportActor(),
    );
    expect(stopped.stoppedAfter).toBe(137);
    const written = await worksIn("stopped-halfway");
    expect(written).toHaveLength(137);
    expect(written.every((work) => work.dimensions.length === 2)).toBe(true);

    const finished = await importCatalogue(
      readFileSync(file, "utf8"),
      { exhibitionSlug: "stopped-halfway" },
      { apply: true },
      commandLineImportActor(),
    );
    expect(finished.counts).toMatchObject({ create: ROWS - 137, update: 0, unchanged: 137 });
    expect(await worksIn("stopped-halfway")).toHaveLength(ROWS);
  }, 60_000);

  it.runIf(inject("databaseMode") !== "libsql")(
    "Ctrl-C during `npm run import -- --apply` leaves no half-written row and says how to finish",
    async () => {
      // As a terminal's Ctrl-C does: SIGINT to the whole foreground process group (npm, tsx, node).
      const command = spawn("npm", ["run", "--silent", "import", "--", file, "--new-exhibition", "Interrupted by Hand", "--apply"], {
        env: { ...process.env, DATABASE_URL: databaseUrl(), SITE_URL: "http://127.0.0.1:9", NODE_ENV: "development" },
        detached: true,
      });
      let stdout = "";
      let stderr = "";
      let pressed = false;
      command.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      const interrupted = new Promise<void>((resolve) => {
        command.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          // The first progress line (a tenth of the way): press Ctrl-C.
          if (stderr.includes("Importing: ") && !pressed) {
            pressed = true;
            process.kill(-command.pid!, "SIGINT");
            resolve();
          }
        });
      });
      // Closed once every process of the group has let go of the output: the import itself has ended.
      await new Promise((resolve) => command.on("close", resolve));
      await interrupted;
      expect(stderr).toContain("Stopping after the row being written");
      const said = /Stopped: (\d+) of (\d+) rows were written, each complete; the rest are untouched\./.exec(stdout);
      expect(
        said,
        `${stdout
          .split("\n")
          .filter((line) => !line.startsWith("  line "))
          .join("\n")}\n${stderr}`,
      ).not.toBeNull();
      const written = await worksIn("interrupted-by-hand");
      expect(written).toHaveLength(Number(said![1]));
      expect(written.length).toBeGreaterThan(0);
      expect(written.length).toBeLessThan(ROWS);
      expect(written.every((work) => work.dimensions.length === 2)).toBe(true);
    },
    60_000,
  );
});
