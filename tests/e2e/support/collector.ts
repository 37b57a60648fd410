import type { Browser } from "@playwright/test";
import { backdateFormToken } from "./form-token";

type Enquiry = { path: string; ip: string; name: string; email: string; message?: string; questions?: string[] };

/**
 * A collector, in a browser of their own, fills in the enquiry form on `path` as a person would
 * (taking longer than the minimum fill time) and returns the reference the site gives them.
 */
export async function enquireAsCollector(browser: Browser, enquiry: Enquiry): Promise<string> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": enquiry.ip } });
  try {
    const page = await context.newPage();
    await page.goto(enquiry.path);
    const form = page.locator("form", { has: page.getByRole("button", { name: "Send enquiry" }) });
    await form.getByLabel("Your name").fill(enquiry.name);
    await form.getByLabel("Email address").fill(enquiry.email);
    for (const question of enquiry.questions ?? []) await form.getByLabel(question).check();
    if (enquiry.message) await form.getByLabel(/Your message/).fill(enquiry.message);
    await form.getByLabel(/I agree/).check();
    await backdateFormToken(page);
    await form.getByRole("button", { name: "Send enquiry" }).click();
    return (await page.getByTestId("enquiry-reference").textContent()) ?? "";
  } finally {
    await context.close();
  }
}
