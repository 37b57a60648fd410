import type { Page } from "@playwright/test";
import { readFormToken, signedFormToken } from "@/lib/enquiries/form-token";
import { FORM_TOKEN_FIELD } from "@/lib/validations/enquiry-fields";
import { appEnv } from "./test-env";

/**
 * A person takes longer than the minimum fill time (ENQUIRY_MIN_FILL_SECONDS); a test types in
 * milliseconds. Rather than wait for the clock, the form's own token is signed again as if issued
 * `secondsAgo` earlier: the same nonce and kind (a work page's shared copy stays that copy), only
 * older. Called just before sending, once the page's own script has fetched its token.
 */
export async function backdateFormToken(page: Page, secondsAgo = 30): Promise<void> {
  await page.waitForLoadState("networkidle");
  const secret = appEnv.FORM_SIGNING_SECRET!;
  const field = page.locator(`input[name="${FORM_TOKEN_FIELD}"]`);
  const current = readFormToken(await field.first().inputValue(), secret);
  if (!current.valid) throw new Error("The form carries no token this run signed");
  const older = signedFormToken(secret, { ...current, issuedAt: Date.now() - secondsAgo * 1000 });
  await field.evaluateAll((inputs, value) => {
    for (const input of inputs) (input as HTMLInputElement).value = value;
  }, older);
}
