import { describe, expect, it } from "vitest";
import { averageDiscountPercent, medianDaysToSale, percentOf, salesByMonth, type SaleRow } from "@/lib/dashboard/sales";

const sale = (paidAt: string, soldMinor: number, askingMinor: number | null, firstEnquiryAt: string | null): SaleRow => ({
  paidAt: new Date(paidAt),
  currency: "GBP",
  soldMinor,
  askingMinor,
  firstEnquiryAt: firstEnquiryAt ? new Date(firstEnquiryAt) : null,
});

describe("the dashboard's sales", () => {
  const rows = [
    sale("2026-11-30T23:30:00Z", 350_000, 375_000, "2026-11-20T10:00:00Z"),
    sale("2026-12-02T10:00:00Z", 100_000, 100_000, "2026-11-22T10:00:00Z"),
    sale("2026-12-05T10:00:00Z", 90_000, null, null),
    sale("2025-10-01T10:00:00Z", 50_000, 50_000, null),
  ];

  it("counts works and value per gallery month over the last twelve, the month turning at the gallery's midnight", () => {
    const months = salesByMonth(rows, new Date("2026-12-06T12:00:00Z"), "Europe/London");
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toEqual({ month: "2026-12", sales: 2, valueMinor: 190_000 });
    expect(months.at(-2)).toEqual({ month: "2026-11", sales: 1, valueMinor: 350_000 });
    // In Berlin the first sale was already on 1 December.
    expect(salesByMonth(rows, new Date("2026-12-06T12:00:00Z"), "Europe/Berlin").at(-1)).toEqual({
      month: "2026-12",
      sales: 3,
      valueMinor: 540_000,
    });
  });

  it("gives the mean discount over priced sales, the median days from first enquiry to sale, and shares", () => {
    expect(averageDiscountPercent(rows)).toBe(2.2);
    // 10 days, and 10 days 13½ hours: the median is between them.
    expect(medianDaysToSale(rows)).toBe(10.3);
    expect(averageDiscountPercent([])).toBeNull();
    expect(medianDaysToSale([])).toBeNull();
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(1, 0)).toBeNull();
  });
});
