import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseFreeTestFiles, reachesDatabase } from "./support/database-free-files";

const file = (relative: string) => path.resolve(import.meta.dirname, "../..", relative);

describe("the files the libSQL pass leaves out", () => {
  it("are those whose imports, followed through the project, never reach the database client", () => {
    expect(reachesDatabase(file("lib/data/enquiry-follow.ts"))).toBe(true);
    // Through a chain: a route body imports the data layer, which imports the client.
    expect(reachesDatabase(file("lib/routes/enquiry-endpoint.ts"))).toBe(true);
    expect(reachesDatabase(file("lib/catalogue/sizes.ts"))).toBe(false);
    expect(reachesDatabase(file("lib/http/security-headers.ts"))).toBe(false);

    const free = databaseFreeTestFiles();
    expect(free).toContain("tests/unit/sizes.test.ts");
    expect(free).toContain("tests/unit/archive-bombs.test.ts");
    expect(free).not.toContain("tests/unit/enquiry-follow.test.ts");
    expect(free).not.toContain("tests/unit/catalogue-import.test.ts");
  });
});
