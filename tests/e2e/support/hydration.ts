import { expect, type Locator } from "@playwright/test";

/**
 * Waits until React has taken over the element (hydration sets its props on the node). Every form works
 * without JavaScript, so a click before then is the browser's own form post: right for a collector whose
 * scripts have not arrived, wrong for a test of what the page does with them (a slow machine loads the
 * scripts after the button is already visible and enabled).
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))), {
      message: "React hydrated the element",
      timeout: 15_000,
    })
    .toBe(true);
}
