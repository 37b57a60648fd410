import { describe, expect, it } from "vitest";
import {
  enquiriesByOutcome,
  enquiriesBySection,
  enquiriesPerWeek,
  firstReplyTimes,
  lastMonths,
  mostAskedWorks,
  weekStartOf,
  type InterestRow,
} from "@/lib/dashboard/interest";

const zone = "Europe/London";
const retreat = { key: "w42", label: "42 Second Retreat from Russia", section: "Wars and Conflicts", soldNow: false };
const gossips = { key: "w69", label: "69 Gossips", section: "Village Life", soldNow: false };
const gossipsSold = { ...gossips, soldNow: true };

function row(createdAt: string, overrides: Partial<InterestRow> = {}): InterestRow {
  return { createdAt: new Date(createdAt), firstRepliedAt: null, replyBy: null, status: "new", works: [retreat], ...overrides };
}

describe("the dashboard's figures", () => {
  it("count enquiries by gallery week, Monday first, with empty weeks kept", () => {
    // Thursday 26 November 2026: its week starts on Monday 23rd.
    const now = new Date("2026-11-26T12:00:00Z");
    expect(weekStartOf(now, zone)).toBe("2026-11-23");
    // Sunday 22 November 23:30 in London is still the week before.
    const weeks = enquiriesPerWeek(
      [row("2026-11-22T23:30:00Z"), row("2026-11-23T00:10:00Z"), row("2026-11-25T10:00:00Z"), row("2025-01-01T10:00:00Z")],
      now,
      zone,
    );
    expect(weeks).toHaveLength(52);
    expect(weeks.at(-1)).toEqual({ week: "2026-11-23", enquiries: 2 });
    expect(weeks.at(-2)).toEqual({ week: "2026-11-16", enquiries: 1 });
    expect(weeks[0]!.week).toBe("2025-12-01");
    expect(weeks.reduce((total, week) => total + week.enquiries, 0)).toBe(3);
  });

  it("rank the most asked-about works and sections; an enquiry about two works counts for each, once", () => {
    const rows = [
      row("2026-11-01T10:00:00Z"),
      row("2026-11-02T10:00:00Z", { works: [retreat, gossips, retreat] }),
      row("2026-11-03T10:00:00Z", { works: [] }),
    ];
    expect(mostAskedWorks(rows)).toEqual([
      { work: "42 Second Retreat from Russia", enquiries: 2 },
      { work: "69 Gossips", enquiries: 1 },
    ]);
    expect(enquiriesBySection(rows)).toEqual([
      { section: "Wars and Conflicts", enquiries: 2 },
      { section: "General questions", enquiries: 1 },
      { section: "Village Life", enquiries: 1 },
    ]);
  });

  it("give each enquiry one outcome", () => {
    const answered = new Date("2026-11-02T10:00:00Z");
    const rows = [
      row("2026-11-01T10:00:00Z", { works: [gossipsSold], firstRepliedAt: answered }),
      row("2026-11-01T10:00:00Z", { firstRepliedAt: answered, status: "closed" }),
      row("2026-11-01T10:00:00Z", { status: "in_progress" }),
      row("2026-11-01T10:00:00Z", { status: "closed" }),
      row("2026-11-01T10:00:00Z", { status: "new" }),
    ];
    expect(enquiriesByOutcome(rows)).toEqual([
      { outcome: "Work sold since", enquiries: 1 },
      { outcome: "Answered", enquiries: 1 },
      { outcome: "Waiting for a first reply", enquiries: 2 },
      { outcome: "Closed without a reply", enquiries: 1 },
    ]);
  });

  it("take the median and 90th percentile of the time to first reply, by month, and count the late replies", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    expect(lastMonths(now, zone)).toEqual([
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
    // November: replies after 1, 2, 3, …, 10 hours, each due within 5 hours.
    const rows = Array.from({ length: 10 }, (_, index) => {
      const createdAt = new Date(Date.UTC(2026, 10, 2 + index, 9));
      return row(createdAt.toISOString(), {
        firstRepliedAt: new Date(createdAt.getTime() + (index + 1) * 3_600_000),
        replyBy: new Date(createdAt.getTime() + 5 * 3_600_000),
        status: "replied",
      });
    });
    const months = firstReplyTimes([...rows, row("2026-10-05T09:00:00Z")], now, zone);
    expect(months.at(-1)).toEqual({ month: "2026-11", answered: 10, medianHours: 5.5, p90Hours: 9.1, onTime: 5, late: 5 });
    expect(months.at(-2)).toEqual({ month: "2026-10", answered: 0, medianHours: null, p90Hours: null, onTime: 0, late: 0 });
  });
});
