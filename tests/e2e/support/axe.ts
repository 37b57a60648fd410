import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.1 A and AA rules; any violation fails with the rule ids and the offending markup. */
export async function expectNoAxeViolations(page: Page) {
  // Next streams a page's metadata after its body: wait for the page to be whole (its title there) before
  // judging it, as a person would. A page that never gets a title still fails, here or in axe's document-title rule.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" | ")}`);
  expect(summary).toEqual([]);
}
