import { describe, expect, it } from "vitest";
import { artistWithDates, lifeDates, lifeFacts, workLabel } from "@/lib/catalogue/describe";
import { compareCatalogueNumbers } from "@/lib/data/catalogue";

describe("an artist's dates", () => {
  it("reads as the original page did for an artist who has died", () => {
    const neasom = { name: "Norman Neasom", birthYear: 1915, deathYear: 2010, birthplace: "Birchensale Farm, near Redditch" };
    expect(artistWithDates(neasom)).toBe("Norman Neasom (1915–2010)");
    expect(lifeFacts(neasom)).toBe("Born 1915, Birchensale Farm, near Redditch; died 2010");
  });

  it("never shows an empty or null date for a living artist or unknown dates", () => {
    expect(lifeDates({ birthYear: 1960, deathYear: null })).toBe("born 1960");
    expect(lifeFacts({ birthYear: 1960, deathYear: null, birthplace: null })).toBe("Born 1960");
    expect(lifeDates({ birthYear: null, deathYear: null })).toBe("");
    expect(artistWithDates({ name: "Anonymous", birthYear: null, deathYear: null })).toBe("Anonymous");
    expect(lifeFacts({ birthYear: null, deathYear: null, birthplace: "Bristol" })).toBe("Born in Bristol");
  });
});

describe("a work without a catalogue number", () => {
  it("is named by its title alone, never with a stray space, dash or null", () => {
    expect(workLabel({ catalogueNumber: "42", title: "Second Retreat from Russia" })).toBe("42 Second Retreat from Russia");
    expect(workLabel({ catalogueNumber: "", title: "Second Retreat from Russia" })).toBe("Second Retreat from Russia");
    expect(workLabel({ catalogueNumber: "  ", title: "Orchard Study" })).toBe("Orchard Study");
  });

  it("sorts after the numbered works, which keep catalogue order", () => {
    expect(["10", "", "9", "65c", "", "65b"].sort(compareCatalogueNumbers)).toEqual(["9", "10", "65b", "65c", "", ""]);
  });
});
