import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

/** WCAG 2.1 A and AA rules; any violation fails with the rule ids and the offending markup. */
export async function expectNoAxeViolations(page: Page) {
  // Next streams a page's metadata after its body: wait for the page to be whole (its title there) before
  // judging it, as a person would. A page that never gets a title still fails, here or in axe's document-title rule.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" | ")}`);
  expect(summary).toEqual([]);
}

/**
 * A browser that loads none of the site's scripts: forms post as they would with JavaScript off, yet
 * axe (which Playwright runs itself, not through the page's scripts) can still check each screen.
 */
export async function contextWithoutSiteScripts(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route(/\/_next\/static\/.*\.js(\?|$)/, (route) => route.abort());
  return context;
}
