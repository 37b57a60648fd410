import { describe, expect, it } from "vitest";
import { isOpenDay, replyByFor, replyByState, spanInWords, type ReplySchedule } from "@/lib/enquiries/reply-by";

// Tuesday to Saturday 10:00–17:30, Saturday until 16:00; closed Sunday and Monday.
const schedule = (overrides: Partial<ReplySchedule> = {}): ReplySchedule => ({
  replyWithin: 1,
  unit: "working_days",
  openingHours: [
    null,
    null,
    { opens: "10:00", closes: "17:30" },
    { opens: "10:00", closes: "17:30" },
    { opens: "10:00", closes: "17:30" },
    { opens: "10:00", closes: "17:30" },
    { opens: "10:00", closes: "16:00" },
  ],
  holidays: [],
  timeZone: "Europe/London",
  ...overrides,
});

const london = (text: string) => {
  // Winter dates: London is on UTC.
  return new Date(`${text}Z`);
};

describe("reply-by in working days", () => {
  it("is the same time on the next opening day", () => {
    // Tuesday 1 December 2026, 14:05 → Wednesday 14:05.
    expect(replyByFor(london("2026-12-01T14:05:00"), schedule()).toISOString()).toBe("2026-12-02T14:05:00.000Z");
  });

  it("keeps within a shorter day's hours", () => {
    // Friday 16:45 → Saturday closes at 16:00.
    expect(replyByFor(london("2026-12-04T16:45:00"), schedule()).toISOString()).toBe("2026-12-05T16:00:00.000Z");
  });

  it("counts an enquiry outside opening hours from the next opening, skipping closed days", () => {
    // Saturday 20:00 → next opening Tuesday 10:00 → Wednesday 10:00.
    expect(replyByFor(london("2026-12-05T20:00:00"), schedule()).toISOString()).toBe("2026-12-09T10:00:00.000Z");
    // Tuesday 07:30, before opening → counted from 10:00 → Wednesday 10:00.
    expect(replyByFor(london("2026-12-01T07:30:00"), schedule()).toISOString()).toBe("2026-12-02T10:00:00.000Z");
  });

  it("skips holidays", () => {
    // Thursday 24 December 2026, 11:00; closed 25 and 26 December → Tuesday 29 December 11:00.
    const christmas = schedule({ holidays: ["2026-12-25", "2026-12-26"] });
    expect(replyByFor(london("2026-12-24T11:00:00"), christmas).toISOString()).toBe("2026-12-29T11:00:00.000Z");
  });

  it("counts several days", () => {
    // Tuesday 15:00 + 3 working days → Friday 15:00.
    expect(replyByFor(london("2026-12-01T15:00:00"), schedule({ replyWithin: 3 })).toISOString()).toBe("2026-12-04T15:00:00.000Z");
  });

  it("follows the gallery's clock across a change of clocks", () => {
    // Saturday 28 March 2026 12:00 GMT → clocks go forward on Sunday → Tuesday 31 March 12:00 BST = 11:00 UTC.
    expect(replyByFor(new Date("2026-03-28T12:00:00Z"), schedule()).toISOString()).toBe("2026-03-31T11:00:00.000Z");
  });

  it("uses the gallery's own time zone", () => {
    const newYork = schedule({ timeZone: "America/New_York" });
    // Tuesday 1 December 2026 15:00 in New York (20:00 UTC) → Wednesday 15:00 New York.
    expect(replyByFor(new Date("2026-12-01T20:00:00Z"), newYork).toISOString()).toBe("2026-12-02T20:00:00.000Z");
  });
});

describe("reply-by in working hours", () => {
  it("counts only open time", () => {
    // Tuesday 16:30 + 4 working hours: 1 h on Tuesday, 3 h on Wednesday → Wednesday 13:00.
    expect(replyByFor(london("2026-12-01T16:30:00"), schedule({ unit: "working_hours", replyWithin: 4 })).toISOString()).toBe(
      "2026-12-02T13:00:00.000Z",
    );
  });

  it("starts an evening enquiry's clock at the next opening", () => {
    // Saturday 18:00 + 2 h → Tuesday 12:00.
    expect(replyByFor(london("2026-12-05T18:00:00"), schedule({ unit: "working_hours", replyWithin: 2 })).toISOString()).toBe(
      "2026-12-08T12:00:00.000Z",
    );
  });

  it("falls back to plain hours when the schedule never opens", () => {
    const never = schedule({ unit: "working_hours", replyWithin: 5, openingHours: [null, null, null, null, null, null, null] });
    expect(replyByFor(london("2026-12-01T10:00:00"), never).toISOString()).toBe("2026-12-01T15:00:00.000Z");
  });
});

describe("open days and words", () => {
  it("knows closed weekdays and holidays", () => {
    const christmas = schedule({ holidays: ["2026-12-25"] });
    expect(isOpenDay("2026-12-24", christmas)).toBe(true);
    expect(isOpenDay("2026-12-25", christmas)).toBe(false);
    expect(isOpenDay("2026-12-27", christmas)).toBe(false);
  });

  it("says how long is left or how late", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    expect(replyByState(new Date("2026-12-01T15:20:00Z"), now)).toEqual({ overdue: false, words: "due in 3 h 20 min" });
    expect(replyByState(new Date("2026-11-29T08:00:00Z"), now)).toEqual({ overdue: true, words: "2 days 4 h late" });
    expect(spanInWords(30_000)).toBe("1 min");
  });
});
