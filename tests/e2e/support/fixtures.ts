import { test as base } from "@playwright/test";

let collector = 0;

/**
 * Each test is a different collector: the run's server trusts X-Forwarded-For (as behind a proxy),
 * and each test arrives from its own documentation-range address, so per-connection limits and
 * flags apply per test as they would per person.
 */
export const test = base.extend({
  extraHTTPHeaders: async ({}, provide, testInfo) => {
    collector += 1;
    await provide({ "x-forwarded-for": `203.0.113.${(testInfo.workerIndex * 50 + collector) % 250}` });
  },
});

export { expect } from "@playwright/test";
