import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/axe";
import { queryDatabase, writeDatabase } from "./support/database";
import { enquireAsCollector } from "./support/collector";
import { waitForMessage } from "./support/mailbox";
import { backdateFormToken } from "./support/form-token";
import { baseURL } from "./support/test-env";

const WORK_42 = "/works/42-second-retreat-from-russia";

async function fillEnquiry(page: Page, fields: { name: string; email: string; message: string }) {
  const form = page.locator("#enquire");
  await form.getByLabel("Your name").fill(fields.name);
  await form.getByLabel("Email address").fill(fields.email);
  await form.getByLabel("Price and availability").check();
  await form.getByLabel(/Your message/).fill(fields.message);
  await form.getByLabel(/I agree that the gallery keeps my enquiry/).check();
  // People take more than the minimum fill time (1 s in this run): the form is sent as if shown 30 s ago.
  await backdateFormToken(page);
}

test("a collector enquires about work 42 and the gallery receives it by email", async ({ page }) => {
  await page.goto(WORK_42);
  await page.getByRole("link", { name: "Enquire about this work" }).click();
  await expect(page).toHaveURL(/#enquire$/);
  await expect(page.locator("#enquire")).toContainText("About: 42 Second Retreat from Russia");
  await expectNoAxeViolations(page);

  await fillEnquiry(page, { name: "Zoë O'Brien", email: "zoe.obrien@collector.test", message: "Is the frame original? <b>Thanks</b>" });
  await page.getByRole("button", { name: "Send enquiry" }).click();

  const confirmation = page.getByTestId("enquiry-confirmation");
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toBeFocused();
  const reference = (await page.getByTestId("enquiry-reference").textContent()) ?? "";
  expect(reference).toMatch(/^ENQ-\d{4}-\d{6}$/);
  await expectNoAxeViolations(page);

  const galleryEmail = await waitForMessage(
    (message) => message.subject.includes(reference) && message.to.includes("enquiries@bracebridge.test"),
  );
  expect(galleryEmail.from).toBe("website@bracebridge.test");
  expect(galleryEmail.replyTo).toEqual(["zoe.obrien@collector.test"]);
  expect(galleryEmail.subject).toBe(`Enquiry ${reference}: 42 Second Retreat from Russia`);
  expect(galleryEmail.text).toContain("Zoë O'Brien");
  expect(galleryEmail.text).toContain("Price and availability");
  expect(galleryEmail.text).toContain("Image area: 15 × 22 in / 38.1 × 55.9 cm");
  expect(galleryEmail.text).toContain(`${baseURL}/works/42-second-retreat-from-russia`);
  expect(galleryEmail.html).toContain("Is the frame original? &lt;b&gt;Thanks&lt;/b&gt;");
  expect(galleryEmail.html).not.toContain("<b>Thanks</b>");

  const acknowledgement = await waitForMessage((message) => message.to.includes("zoe.obrien@collector.test"));
  expect(acknowledgement.subject).toContain(reference);
  expect(acknowledgement.text).not.toContain("Is the frame original");
});

test("the enquiry form works with JavaScript turned off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(WORK_42);
  await fillEnquiry(page, { name: "Ada Noscript", email: "ada.noscript@collector.test", message: "Could I see it next Tuesday?" });
  await page.getByRole("button", { name: "Send enquiry" }).click();
  // Post/Redirect/Get: the browser lands on the confirmation page, not on a page that holds the post.
  await expect(page).toHaveURL(/\/enquire\/sent\?reference=ENQ-/);
  await expect(page.getByRole("link", { name: /Back to 42 Second Retreat from Russia/ })).toBeVisible();
  const reference = (await page.getByTestId("enquiry-reference").textContent()) ?? "";
  expect(reference).toMatch(/^ENQ-\d{4}-\d{6}$/);
  await waitForMessage((message) => message.subject.includes(reference) && message.replyTo.includes("ada.noscript@collector.test"));
  // A refresh shows the confirmation again and sends nothing twice.
  await page.reload();
  await expect(page.getByTestId("enquiry-reference")).toHaveText(reference);
  expect(queryDatabase("SELECT id FROM Enquiry WHERE email = ?", "ada.noscript@collector.test")).toHaveLength(1);

  // A mistake without JavaScript: the server answers with the error beside the field and keeps what was typed.
  await page.goto(WORK_42);
  await fillEnquiry(page, { name: "Ada Noscript", email: "ada@", message: "Second question" });
  await page.getByRole("button", { name: "Send enquiry" }).click();
  await expect(page.locator("#enquire").getByText("Please check your email address")).toBeVisible();
  await expect(page.locator("#enquire").getByLabel("Your name")).toHaveValue("Ada Noscript");
  await context.close();
});

test("collectors without JavaScript on the same copy of a work's page: neither loses the enquiry, the second waits for staff with the reason; the page is made again hourly", async ({
  browser,
  request,
}) => {
  const workPage = "/works/38-comments-on-life";
  // The copy's built-in token is what a browser without JavaScript sends; it must stay young.
  const served = await request.get(workPage);
  expect(served.headers()["cache-control"]).toContain("s-maxage=3600");

  const collectors = [
    { name: "Noor Nojs", email: "noor.nojs@collector.test", ip: "198.51.100.181" },
    { name: "Piet Nojs", email: "piet.nojs@collector.test", ip: "198.51.100.182" },
  ];
  for (const collector of collectors) {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": collector.ip } });
    const page = await context.newPage();
    await page.goto(workPage);
    await fillEnquiry(page, { name: collector.name, email: collector.email, message: "Is it still available?" });
    await page.getByRole("button", { name: "Send enquiry" }).click();
    await expect(page).toHaveURL(/\/enquire\/sent\?reference=ENQ-/);
    await context.close();
  }
  expect(queryDatabase("SELECT flagged, status FROM Enquiry WHERE email = ?", collectors[0]!.email)).toEqual([
    { flagged: 0, status: "new" },
  ]);
  await waitForMessage((message) => message.to.includes(collectors[0]!.email));
  const second = queryDatabase<{ flagged: number; status: string; flagReasons: string }>(
    "SELECT flagged, status, flagReasons FROM Enquiry WHERE email = ?",
    collectors[1]!.email,
  );
  expect(second).toEqual([
    {
      flagged: 1,
      status: "spam",
      flagReasons:
        "the same copy of this work's page was used to send 2 enquiries with different details (another visitor without JavaScript within the hour, or a replayed form)",
    },
  ]);
});

test("a bad email address is explained beside the field, focused, and nothing is lost or stored", async ({ page }) => {
  await page.goto(WORK_42);
  await fillEnquiry(page, { name: "Kim Min-jun 김민준", email: "kim, other@example.test", message: "Shipping to Seoul?" });
  await page.getByRole("button", { name: "Send enquiry" }).click();

  const email = page.locator("#enquire").getByLabel("Email address");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();
  const errorId = (await email.getAttribute("aria-describedby")) ?? "";
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText("Please give one plain email address, such as name@example.com");
  await expect(page.getByRole("status").first()).toContainText("nothing has been sent yet");
  await expect(page.locator("#enquire").getByLabel("Your name")).toHaveValue("Kim Min-jun 김민준");
  await expect(page.locator("#enquire").getByLabel(/Your message/)).toHaveValue("Shipping to Seoul?");
  await expect(page.locator("#enquire").getByLabel("Price and availability")).toBeChecked();
  await expectNoAxeViolations(page);
  expect(queryDatabase("SELECT id FROM Enquiry WHERE name = ?", "Kim Min-jun 김민준")).toHaveLength(0);
});

test("with JavaScript, the server's verdict on every field comes back beside the fields, focused, and nothing is stored", async ({
  page,
}) => {
  await page.goto(WORK_42);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const form = page.locator("#enquire");
  await form.getByLabel("Your name").fill("Sam");
  await form.getByLabel("Email address").fill("sam@");
  await form.getByRole("button", { name: "Send enquiry" }).click();
  await expect(form.getByLabel("Email address")).toBeFocused();
  await expect(form.locator('[id$="-email-error"]')).toHaveText("Please check your email address: it should look like name@example.com");
  await expect(form.locator('[id$="-consent-error"]')).toHaveText("Please agree to the privacy notice so that we can answer you");
  await expect(form.locator('[id$="-message-error"]')).toHaveText("Please write your question");
  await expect(page.getByRole("status").first()).toHaveText("Please correct the fields marked below; nothing has been sent yet.");
  // One fetch to the endpoint (zod judges on the server; the browser ships no schema), no navigation.
  expect(posts.map((url) => new URL(url).pathname)).toEqual(["/api/enquiries"]);
  await expect(page).toHaveURL(new RegExp(`${WORK_42}$`));
  expect(queryDatabase("SELECT id FROM Enquiry WHERE name = ?", "Sam")).toHaveLength(0);
});

test("a general question from the Enquire page reaches the gallery", async ({ page, browser }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Enquire" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ask the gallery" })).toBeVisible();
  await expectNoAxeViolations(page);
  const reference = await enquireAsCollector(browser, {
    path: "/enquire",
    ip: "198.51.100.204",
    name: "Pat Visitor",
    email: "pat.visitor@collector.test",
    message: "Do you hold other works by Neasom?",
  });
  const email = await waitForMessage((message) => message.subject.includes(reference));
  expect(email.subject).toBe(`Enquiry ${reference}: a general question`);
});

test("a bot that fills the hidden field is shown success, but nothing is stored or sent", async ({ page }) => {
  await page.goto(WORK_42);
  await fillEnquiry(page, { name: "Spam Bot", email: "bot@spam.test", message: "Cheap watches" });
  await page.locator('input[name="website"]').evaluate((input: HTMLInputElement) => (input.value = "http://spam.test"));
  await page.getByRole("button", { name: "Send enquiry" }).click();
  const reference = (await page.getByTestId("enquiry-reference").textContent()) ?? "";
  expect(reference).toMatch(/^ENQ-\d{4}-\d{6}$/);
  expect(queryDatabase("SELECT id FROM Enquiry WHERE email = ?", "bot@spam.test")).toHaveLength(0);
  expect(queryDatabase("SELECT id FROM Enquiry WHERE reference = ?", reference)).toHaveLength(0);
});

test("hostile direct POSTs to the enquiry action get answers, never a 500, and store nothing", async ({ browser, request }) => {
  // The progressive-enhancement form carries the action's hidden fields; replay them with hostile values.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(WORK_42);
  const hiddenFields = await page
    .locator("#enquire form input[type=hidden]")
    .evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const));
  await context.close();
  const base = Object.fromEntries(hiddenFields);
  expect(Object.keys(base).some((name) => name.startsWith("$ACTION"))).toBe(true);

  const hostile: Array<Record<string, string>> = [
    { name: "Eve\r\nBcc: victim@example.test", email: "eve@example.test", message: "hello", consent: "on" },
    { name: "Eve", email: "eve@example.test\r\nBcc: x@example.test", message: "hello", consent: "on" },
    { name: "Eve", email: '"eve,admin"@example.test', message: "hello", consent: "on" },
    { name: "Eve", email: "Eve <eve@example.test>", message: "hello", consent: "on" },
    { name: "Eve", email: "eve@example.test", message: "x".repeat(5001), consent: "on" },
    { name: "Eve", email: "eve@example.test", message: "hello", questions: "drop table", consent: "on" },
    { name: "Eve", email: "eve@example.test", message: "hello", artworkSlug: "../../etc/passwd", consent: "on" },
    { name: "Eve", email: "eve@example.test", message: "hello" },
    {},
  ];
  for (const fields of hostile) {
    const response = await request.post(WORK_42, { multipart: { ...base, ...fields } });
    expect(response.status(), JSON.stringify(fields).slice(0, 80)).toBeLessThan(500);
  }
  const garbage = await request.post(WORK_42, { headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain" }, data: "{{{" });
  expect(garbage.status()).toBeLessThan(500);

  // A body far beyond any enquiry is refused before the page's action reads it, with a reason a person can act on.
  const huge = await request.post(WORK_42, {
    multipart: { ...base, name: "Eve", email: "eve@example.test", message: "x".repeat(4_800_000), consent: "on" },
  });
  expect(huge.status()).toBe(413);
  // (Past 256 KB the gallery's own server says so before anything reads it; between 64 and 256 KB, the proxy.)
  expect(await huge.text()).toContain("too large to send (more than 256 KB): please shorten what you wrote, or email the gallery instead.");
  const large = await request.post(WORK_42, {
    multipart: { ...base, name: "Eve", email: "eve@example.test", message: "x".repeat(100_000), consent: "on" },
  });
  expect(large.status()).toBe(413);
  expect(await large.text()).toContain("too large to send (more than 64 KB): please shorten what you wrote, or email the gallery instead.");

  // The page's own action, posted from another site's page or an opaque origin: refused as forbidden, not as a server error.
  for (const origin of ["https://evil.example", "null"]) {
    const response = await request.post(WORK_42, {
      multipart: { ...base, name: "Eve", email: "eve@example.test", message: "hi", consent: "on" },
      headers: { Origin: origin },
    });
    expect(response.status(), origin).toBe(403);
    const scripted = await request.post(WORK_42, {
      headers: { Origin: origin, "Next-Action": "0".repeat(42), "Content-Type": "text/plain" },
      data: "[]",
    });
    expect(scripted.status(), origin).toBe(403);
  }

  // The same through the endpoint both ways of sending post to.
  for (const fields of hostile) {
    const response = await request.post("/api/enquiries", {
      multipart: { ...base, ...fields },
      maxRedirects: 0,
      headers: { Accept: "application/json" },
    });
    expect(response.status(), JSON.stringify(fields).slice(0, 80)).toBe(200);
    expect((await response.json()).status).not.toBe("sent");
  }
  const crossSite = await request.post("/api/enquiries", {
    multipart: { ...base, name: "Eve", email: "eve@example.test", message: "hi", consent: "on" },
    headers: { Origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  const oversized = await request.post("/api/enquiries", {
    multipart: { ...base, name: "Eve", email: "eve@example.test", message: "x".repeat(200_000), consent: "on" },
  });
  expect(oversized.status()).toBe(413);
  const notAForm = await request.post("/api/enquiries", { headers: { "Content-Type": "application/json" }, data: { name: "Eve" } });
  expect(notAForm.status()).toBe(415);
  expect(queryDatabase("SELECT id FROM Enquiry WHERE email LIKE '%eve%'")).toHaveLength(0);
});

test("a waiting email is delivered by the server's own outbox sweep, with no request to prompt it", async () => {
  // As if an earlier attempt had failed and its retry is now due (the run sweeps every 2 s).
  const now = new Date().toISOString();
  writeDatabase(
    `INSERT INTO OutboxEmail (id, kind, toAddress, fromAddress, subject, textBody, htmlBody, status, attempts, lastError, nextAttemptAt, createdAt, updatedAt)
     VALUES (?, 'gallery_notification', 'enquiries@bracebridge.test', 'website@bracebridge.test', 'Retry due: background sweep', 'x', '<p>x</p>', 'pending', 1, '421 try later', ?, ?, ?)`,
    "e2e-background-sweep",
    now,
    now,
    now,
  );
  await waitForMessage((message) => message.subject === "Retry due: background sweep");
  await expect
    .poll(() => queryDatabase<{ status: string }>("SELECT status FROM OutboxEmail WHERE id = 'e2e-background-sweep'")[0]?.status)
    .toBe("sent");
});

test("the viewing field keeps its place while its times load: nothing below it moves under the visitor's finger", async ({ page }) => {
  // The free times answer slowly (as on a busy day), so the field is seen before and after they arrive.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/viewings/free", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(WORK_42);
  const form = page.locator("#enquire");
  const consent = form.getByLabel(/I agree that the gallery keeps my enquiry/);
  await form.getByLabel("Your name").fill("Steady Hand");
  await expect(form.getByLabel("Book a viewing (optional)")).toBeDisabled();
  const before = await consent.boundingBox();
  release();
  await expect(form.getByLabel("Book a viewing (optional)")).toBeVisible();
  await expect(form.locator("#viewing select option").first()).not.toHaveText("Looking for free times…");
  const after = await consent.boundingBox();
  expect(after!.y).toBe(before!.y);
});

test("when the viewing times cannot be fetched, the field says so and how to ask for a viewing, rather than looking for ever", async ({
  page,
}) => {
  await page.route("**/api/viewings/free", (route) => route.abort("connectionrefused"));
  await page.goto(WORK_42);
  const form = page.locator("#enquire");
  await form.getByLabel("Your name").fill("Patient Visitor");
  await expect(form.locator("#viewing")).toContainText(
    "The viewing times could not be fetched just now: tick “Arranging a viewing” and the gallery will suggest one.",
  );
  await expect(form.getByLabel("Book a viewing (optional)")).toBeDisabled();
  await expect(form.locator("#viewing select option")).toHaveText("No free times just now");
});
