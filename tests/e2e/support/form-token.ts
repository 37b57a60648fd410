import type { Page } from "@playwright/test";
import { FORM_TOKEN_FIELD } from "@/lib/validations/enquiry-fields";
import { issueFormToken } from "@/lib/enquiries/form-token";
import { appEnv } from "./test-env";

/**
 * A person takes longer than the minimum fill time (ENQUIRY_MIN_FILL_SECONDS); a test types in
 * milliseconds. Rather than wait for the clock, the form's token is replaced by one issued
 * `secondsAgo` earlier, signed with the run's secret: the server sees a form shown that long ago.
 * Called just before sending, once the page's own script has fetched its token (it would replace ours).
 */
export async function backdateFormToken(page: Page, secondsAgo = 30): Promise<void> {
  await page.waitForLoadState("networkidle");
  const token = issueFormToken(appEnv.FORM_SIGNING_SECRET!, Date.now() - secondsAgo * 1000);
  await page.locator(`input[name="${FORM_TOKEN_FIELD}"]`).evaluateAll((inputs, value) => {
    for (const input of inputs) (input as HTMLInputElement).value = value;
  }, token);
}
