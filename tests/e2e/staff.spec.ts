import { expect, test } from "./support/fixtures";
import { waitForHydration } from "./support/hydration";
import { expectNoAxeViolations } from "./support/axe";
import { queryDatabase, writeDatabase } from "./support/database";
import { mailServerRefuses, waitForMessage } from "./support/mailbox";
import { postChunkedUpload } from "./support/chunked-upload";
import { startSecondWebProcess } from "./support/second-server";
import { enquireAsCollector } from "./support/collector";
import { formActionFields } from "@/scripts/support/no-javascript-enquiry";
import { baseURL } from "./support/test-env";
import {
  createStaffAccount,
  disableStaffAccount,
  resetStaffPassword,
  runImportCommand,
  signIn,
  staffCreateWithInput,
} from "./support/staff";

const STAFF_EMAIL = "anna@bracebridge.test";
const STAFF_PASSWORD = "a long and proper password";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  expect(createStaffAccount(STAFF_EMAIL, STAFF_PASSWORD)).toContain(`Created the staff account ${STAFF_EMAIL}`);
});

test("a wrong password gets one generic message, and so does an unknown address", async ({ page }) => {
  await page.goto("/staff/sign-in");
  await expectNoAxeViolations(page);
  for (const [email, password] of [
    [STAFF_EMAIL, "not the password at all"],
    ["nobody@bracebridge.test", STAFF_PASSWORD],
  ]) {
    await page.getByLabel("Email address").fill(email!);
    await page.getByLabel("Password").fill(password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toHaveText("That email address and password don't match a staff account.");
  }
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
});

test("a password piped to staff:create as two prompts' answers works; two different lines or a control character are refused", async ({
  page,
}) => {
  const password = "piped twice, typed once";
  const created = staffCreateWithInput("piped@bracebridge.test", `${password}\n${password}\n`);
  expect(created.output).toContain("the two lines match");
  expect(created.output).toContain("Created the staff account piped@bracebridge.test");
  expect(created.status).toBe(0);
  await signIn(page, "piped@bracebridge.test", password);

  const differing = staffCreateWithInput("differ@bracebridge.test", "first long password\nsecond long password\n");
  expect(differing.status).toBe(1);
  expect(differing.output).toContain("two different lines");
  const withTab = staffCreateWithInput("tab@bracebridge.test", "a long password\twith a tab\n");
  expect(withTab.status).toBe(1);
  expect(withTab.output).toContain("A password cannot contain line breaks, tabs or other control characters");
  const stored = queryDatabase<{ email: string }>(
    `SELECT "email" FROM "user" WHERE "email" IN ('differ@bracebridge.test', 'tab@bracebridge.test')`,
  );
  expect(stored).toEqual([]);
});

test("staff find a collector's enquiry, work on it, reply, and export the inbox", async ({ page, browser }) => {
  const reference = await enquireAsCollector(browser, {
    path: "/works/69-gossips",
    ip: "198.51.100.201",
    name: '=HYPERLINK("http://evil.test","Click")',
    email: "gossip.fan@collector.test",
    message: "Could you tell me more about the figures in this drawing?",
  });

  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await expect(page.getByTestId("waiting-count")).toContainText("waiting for an answer");
  await expectNoAxeViolations(page);
  await page.getByLabel("Name, email or reference").fill("gossip.fan");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name: reference }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${reference}: 69 Gossips`);
  await expect(page.getByTestId("enquiry-message")).toHaveText("Could you tell me more about the figures in this drawing?");
  await expect(page.getByTestId("snapshot")).toContainText("Image area: 16 × 20 in / 40.6 × 50.8 cm");
  await expect(page.getByTestId("email-row").first()).toContainText("To the gallery");
  await expect(page.getByTestId("email-state").first()).toContainText("Sent");
  await expectNoAxeViolations(page);

  await page.getByLabel("Set status").selectOption("in_progress");
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByTestId("enquiry-status")).toHaveText("In progress");

  await page.getByLabel("Internal note (staff only)").fill("Rang the collector; wants a viewing on Friday.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("note").filter({ hasText: "Rang the collector" })).toContainText("Anna Smith");

  await page.getByLabel("Reply", { exact: true }).fill("Dear collector,\n\nThank you. The figures are neighbours of the artist.\n\nAnna");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByTestId("enquiry-status")).toHaveText("Replied");
  const reply = await waitForMessage(
    (message) => message.to.includes("gossip.fan@collector.test") && message.subject.startsWith("Re: 69 Gossips"),
  );
  expect(reply.from).toBe("website@bracebridge.test");
  // The enquiry's own reply address: the collector's answer comes back into it (collector-email.spec.ts).
  expect(reply.replyTo).toEqual([expect.stringMatching(/^replies\+e\d+\.[0-9a-f]{12}@bracebridge\.test$/)]);
  expect(reply.text).toContain("The figures are neighbours of the artist.");
  await expect(page.getByTestId("email-row").filter({ hasText: "Reply" })).toContainText("by Anna Smith");

  await page.goto("/staff?status=all&q=gossip.fan");
  const download = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download these enquiries as CSV" }).click(),
  ]).then(([file]) => file);
  const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
  expect(csv).toContain(reference);
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""Click"")"`);
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
});

test("an enquiry whose email failed shows the server's reason, and staff can retry it", async ({ page, browser }) => {
  mailServerRefuses({ code: 550, message: "5.7.1 Relaying denied for enquiries@bracebridge.test" });
  let reference = "";
  try {
    reference = await enquireAsCollector(browser, {
      path: "/works/63-the-auctioneer",
      ip: "198.51.100.202",
      name: "Fern Failing",
      email: "fern@collector.test",
      questions: ["Price and availability"],
    });

    await expect
      .poll(
        () =>
          queryDatabase<{ status: string }>(
            "SELECT status FROM OutboxEmail WHERE subject LIKE ? AND kind = 'gallery_notification'",
            `%${reference}%`,
          )[0]?.status,
      )
      .toBe("failed");
    await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
    await expect(page.getByRole("row").filter({ hasText: reference })).toContainText("Email failed");
    // The inbox says what could not be delivered, and leads to it.
    const undelivered = page.getByTestId("undelivered-notice");
    await expect(undelivered).toContainText("could not be delivered in the last 30 days");
    await undelivered.getByRole("link", { name: reference }).click();
    const galleryEmail = page.getByTestId("email-row").filter({ hasText: "To the gallery" });
    await expect(galleryEmail).toContainText("Failed after 1 attempt");
    await expect(galleryEmail).toContainText("The mail server said: 550 5.7.1 Relaying denied for enquiries@bracebridge.test");
    await expectNoAxeViolations(page);
  } finally {
    mailServerRefuses(null);
  }
  await page.getByTestId("email-row").filter({ hasText: "To the gallery" }).getByRole("button", { name: "Retry now" }).click();
  await waitForMessage((message) => message.subject === `Enquiry ${reference}: 63 The Auctioneer`);
  await page.reload();
  await expect(page.getByTestId("email-row").filter({ hasText: "To the gallery" })).toContainText("Sent");
  // The acknowledgement was refused too and hasn't been retried: the inbox row still says so.
  await expect(page.getByTestId("email-row").filter({ hasText: "Acknowledgement to the collector" })).toContainText(
    "Failed after 1 attempt",
  );
  await page.goto("/staff?status=all");
  await expect(page.getByRole("row").filter({ hasText: reference })).toContainText("Email failed");
});

test("staff are told when enquiries were held in spam because the whole site was flooded", async ({ page }) => {
  // As lib/enquiry-intake/submit-enquiry.ts stores an enquiry past the site-wide ceiling (unit-tested in flood.test.ts).
  const now = new Date().toISOString().replace("Z", "+00:00");
  writeDatabase(
    `INSERT INTO "Enquiry" ("reference", "name", "email", "message", "questions", "consentedAt", "status", "flagged", "flagReasons", "createdAt", "updatedAt")
     VALUES ('ENQ-2026-990001', 'Held In Flood', 'held.flood@collector.test', 'Is it still for sale?', '[]', ?, 'spam', 1,
       'more than the site''s ceiling of 120 enquiries a minute (number 131 this minute)', ?, ?)`,
    now,
    now,
    now,
  );
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await expect(page.getByTestId("flood-notice")).toContainText("In the last day 1 enquiry was held in spam because more arrived at once");
  await page.getByTestId("flood-notice").getByRole("link", { name: "look through spam" }).click();
  await expect(page.getByRole("link", { name: "ENQ-2026-990001" })).toBeVisible();
});

test("a flagged enquiry waits in the spam view until staff release it to the inbox", async ({ page, browser }) => {
  const reference = await enquireAsCollector(browser, {
    path: "/enquire",
    ip: "198.51.100.203",
    name: "Link Lover",
    email: "links@collector.test",
    message: "Please see http://one.test and http://two.test and www.three.test about framing",
  });

  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await expect(page.getByRole("link", { name: reference })).toHaveCount(0);
  await page.getByRole("link", { name: /in spam/ }).click();
  await expect(page.getByRole("row").filter({ hasText: reference })).toContainText("Flagged");
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByText("Flagged: the message contains 3 links")).toBeVisible();
  await page.getByLabel("Set status").selectOption("new");
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByTestId("enquiry-status")).toHaveText("New");
  await page.goto("/staff");
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
});

test("repeated wrong passwords are throttled, even with the right one afterwards", async ({ page }) => {
  createStaffAccount("bruno@bracebridge.test", "bruno's own long password", "Bruno Stone");
  await page.goto("/staff/sign-in");
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.getByLabel("Email address").fill("bruno@bracebridge.test");
    await page.getByLabel("Password").fill(`guess number ${attempt}`);
    // Each answer reads the same, so wait for the answer itself before typing the next attempt.
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    await expect(page.getByRole("status")).toHaveText("That email address and password don't match a staff account.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Email address").fill("bruno@bracebridge.test");
  await page.getByLabel("Password").fill("bruno's own long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status")).toHaveText(/^Too many unsuccessful attempts\. Please wait 1[45] minutes and try again\.$/);
  await expect(page).toHaveURL(/\/staff\/sign-in$/);

  // The gallery resets the forgotten password from the command line: the lock-out goes with it.
  expect(resetStaffPassword("bruno@bracebridge.test", "a fresh password for bruno")).toContain("has been changed");
  await signIn(page, "bruno@bracebridge.test", "a fresh password for bruno");
});

test("a burst of 40 simultaneous guesses at one account gets at most 5 passwords checked", async () => {
  createStaffAccount("burst@bracebridge.test", "the burst account's own password", "Burst Target");
  const fields = await formActionFields(`${baseURL}/staff/sign-in`);
  const answers = await Promise.all(
    Array.from({ length: 40 }, async (_, guess) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      form.set("email", "burst@bracebridge.test");
      form.set("password", `parallel guess ${guess}`);
      const response = await fetch(`${baseURL}/staff/sign-in`, {
        method: "POST",
        body: form,
        headers: { origin: baseURL, "x-forwarded-for": "192.0.2.201" },
      });
      expect(response.status).toBe(200);
      return response.text();
    }),
  );
  const checked = answers.filter((page) => page.includes("password don&#x27;t match a staff account")).length;
  const refused = answers.filter((page) => page.includes("Too many unsuccessful attempts")).length;
  expect(checked + refused).toBe(40);
  expect(checked).toBeLessThanOrEqual(5);
});

test("a session ends after an hour without a request, and twelve hours after sign-in however busy", async ({ page }) => {
  createStaffAccount("idle@bracebridge.test", "the idle account's own password", "Ida Idle");
  await signIn(page, "idle@bracebridge.test", "the idle account's own password");
  const [session] = queryDatabase<{ id: string; createdAt: number | string; expiresAt: number | string }>(
    `SELECT s."id", s."createdAt", s."expiresAt" FROM "session" s JOIN "user" u ON u."id" = s."userId" WHERE u."email" = 'idle@bracebridge.test'`,
  );
  // The absolute limit: the session's expiry is fixed at sign-in, twelve hours on, and using it does not move it.
  const hours = (Number(new Date(session!.expiresAt)) - Number(new Date(session!.createdAt))) / 3_600_000;
  expect(hours).toBeCloseTo(12, 2);
  await page.goto("/staff/works");
  const [after] = queryDatabase<{ expiresAt: number | string }>(`SELECT "expiresAt" FROM "session" WHERE "id" = ?`, session!.id);
  expect(after!.expiresAt).toEqual(session!.expiresAt);

  // Seventy minutes without a request, as if the browser had been left open: the next one is signed out, and the session is gone.
  writeDatabase(
    `UPDATE "session" SET "updatedAt" = ? WHERE "id" = ?`,
    new Date(Date.now() - 70 * 60_000).toISOString().replace("Z", "+00:00"),
    session!.id,
  );
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  expect(queryDatabase(`SELECT "id" FROM "session" WHERE "id" = ?`, session!.id)).toEqual([]);
});

test("npm run staff:disable ends the account's sessions at once and stops it signing in, until enabled again", async ({ page }) => {
  createStaffAccount("leaver@bracebridge.test", "the leaver's own long password", "Lee Leaver");
  await signIn(page, "leaver@bracebridge.test", "the leaver's own long password");
  expect(disableStaffAccount("leaver@bracebridge.test")).toContain("Disabled the staff account leaver@bracebridge.test: 1 session ended");
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await page.getByLabel("Email address").fill("leaver@bracebridge.test");
  await page.getByLabel("Password").fill("the leaver's own long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status")).toHaveText("That email address and password don't match a staff account.");

  expect(disableStaffAccount("leaver@bracebridge.test", true)).toContain("can sign in again");
  await signIn(page, "leaver@bracebridge.test", "the leaver's own long password");
});

test("staff pages are never cached and every staff address gives nothing away when signed out", async ({ page, request }) => {
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  const signedIn = await page.request.get("/staff");
  expect(signedIn.headers()["cache-control"]).toContain("no-store");
  // A mangled reference in the address is simply not found; one that can't even be decoded is refused.
  for (const path of ["/staff/enquiries/ENQ-2026-99", "/staff/enquiries/..%2F..%2Fetc"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  expect((await page.request.get("/staff/enquiries/%E0%A4%A")).status()).toBe(400);
  const enquiryId = queryDatabase<{ reference: string }>("SELECT reference FROM Enquiry ORDER BY id DESC LIMIT 1")[0]!.reference;
  const workId = queryDatabase<{ id: string }>("SELECT id FROM Artwork WHERE slug = '42-second-retreat-from-russia'")[0]!.id;

  for (const path of [
    "/staff",
    `/staff/enquiries/${enquiryId}`,
    "/staff/enquiries/export?status=all",
    "/staff/works",
    `/staff/works/${workId}`,
    "/staff/account",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect([302, 303, 307], path).toContain(response.status());
    expect(response.headers()["location"], path).toMatch(/\/staff\/sign-in/);
    const body = await response.text();
    expect(body, path).not.toContain("@collector.test");
  }
});

test("a staff form changed by hand gets a clear message and changes nothing; a work that no longer exists is a staff not-found page", async ({
  page,
  browser,
}) => {
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  const work = queryDatabase<{ id: string; published: number }>("SELECT id, published FROM Artwork WHERE slug = '50-the-taxman'")[0]!;
  // The publish button's real form, as a browser without JavaScript posts it.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const staffPage = await noScript.newPage();
  await staffPage.goto("/staff/works");
  const fields = Object.fromEntries(
    await staffPage
      .locator(`form:has(input[name="id"][value="${work.id}"]):has(input[name="published"]) input[type=hidden]`)
      .evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const)),
  );
  expect(fields).toHaveProperty("published");

  const tampered = [
    { ...fields, published: "maybe" },
    { ...fields, id: "x".repeat(500) },
  ];
  // Posted as the browser does, with the page's Origin; the same post with the session and neither Origin nor
  // Sec-Fetch-Site (no current browser's, so possibly another site's form in an old one) is refused unread.
  const fromThePage = { Origin: baseURL };
  const withoutOrigin = await staffPage.request.post("/staff/works", { multipart: tampered[0]!, maxRedirects: 0 });
  expect(withoutOrigin.status()).toBe(403);
  for (const form of tampered) {
    const response = await staffPage.request.post("/staff/works", { multipart: form, headers: fromThePage, maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("That request was not understood, so nothing was changed.");
  }
  const gone = await staffPage.request.post("/staff/works", {
    multipart: { ...fields, id: "no-such-work" },
    headers: fromThePage,
    maxRedirects: 0,
  });
  expect(gone.status()).toBe(200);
  expect(await gone.text()).toContain("That work no longer exists; nothing was changed.");
  expect(queryDatabase<{ published: number }>("SELECT published FROM Artwork WHERE id = ?", work.id)[0]!.published).toBe(work.published);

  // The same refusal with JavaScript, beside the button and announced.
  await page.goto("/staff/works");
  const publishForm = page.locator(`form:has(input[name="id"][value="${work.id}"]):has(input[name="published"])`);
  await publishForm.locator('input[name="published"]').evaluate((input: HTMLInputElement) => (input.value = "maybe"));
  await publishForm.getByRole("button").click();
  await expect(publishForm.getByRole("alert")).toHaveText(
    "That request was not understood, so nothing was changed. Please reload the page and try again.",
  );

  // (With JavaScript: Next.js sends a notFound() page's content only in its script payload.)
  const missing = await page.goto("/staff/works/no-such-work");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found in the staff area");
  await expect(page.getByRole("main").getByRole("link", { name: "Catalogue" }).last()).toBeVisible();
  await expectNoAxeViolations(page);
  await noScript.close();
});

test("signed out, a replayed staff action changes nothing", async ({ page, browser }) => {
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  const reference = queryDatabase<{ reference: string }>("SELECT reference FROM Enquiry WHERE email = 'gossip.fan@collector.test'")[0]!
    .reference;
  // Capture the status form's real action fields while signed in, without JavaScript.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const staffPage = await noScript.newPage();
  await staffPage.goto(`/staff/enquiries/${reference}`);
  const fields = await staffPage
    .locator('form:has(select[name="status"]) input[type=hidden]')
    .evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const));
  await noScript.close();

  const anonymous = await browser.newContext();
  const response = await anonymous.request.post(`/staff/enquiries/${reference}`, {
    multipart: { ...Object.fromEntries(fields), status: "closed" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  expect(await response.text()).not.toContain("gossip.fan@collector.test");
  // A forged session cookie, posted with the page's Origin, gets past the proxy's quick checks: the action's own check must refuse it.
  const forged = await anonymous.request.post(`/staff/enquiries/${reference}`, {
    multipart: { ...Object.fromEntries(fields), status: "closed" },
    headers: { cookie: "better-auth.session_token=forged.value", Origin: baseURL },
    maxRedirects: 0,
  });
  expect(forged.status()).toBeLessThan(500);
  expect(await forged.text()).not.toContain("gossip.fan@collector.test");
  await anonymous.close();
  expect(queryDatabase<{ status: string }>("SELECT status FROM Enquiry WHERE reference = ?", reference)[0]!.status).toBe("replied");
});

test("staff change a work's title and mark it sold, and the public pages show it without a rebuild", async ({ page }) => {
  await page.goto("/works/37-undertones-of-war");
  await expect(page.getByTestId("availability")).toHaveText("Available");

  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Catalogue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "37 Undertones of War" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "37 Undertones of War" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Title", { exact: true }).fill("Undertones of War (Zeppelin)");
  await page.getByLabel("Availability").selectOption("sold");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Saved. The public pages show the change now.");

  await page.goto("/works/37-undertones-of-war");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Undertones of War (Zeppelin)");
  await expect(page.getByTestId("availability")).toHaveText("Sold");
  await page.goto("/exhibitions/norman-neasom-exhibition/neasom-n-watercolours");
  await expect(page.getByRole("row").filter({ hasText: "Undertones of War (Zeppelin)" })).toContainText("Sold");
  await page.goto("/works?availability=sold");
  await expect(page.getByTestId("result-count")).toHaveText("1 work match these filters");
  // Its neighbour's "next" link shows the new title too: the whole section was refreshed.
  await page.goto("/works/50-the-taxman");
  await expect(page.getByRole("link", { name: /Previous in Neasom/ })).toContainText("37 Undertones of War (Zeppelin)");

  // A bad size is refused with a reason, and nothing of the form is half-saved.
  await page.goto("/staff/works");
  await page.getByRole("link", { name: "37 Undertones of War (Zeppelin)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "37 Undertones of War (Zeppelin)" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("Should not be saved");
  await page.locator("#edit-image-height").fill("-3");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#edit-image-height-error")).toHaveText("Give a positive number");
  await page.goto("/works/37-undertones-of-war");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Undertones of War (Zeppelin)");
});

test("staff upload a photograph and it replaces the outline on the artwork page", async ({ page }) => {
  const sharp = (await import("sharp")).default;
  const jpeg = await sharp({ create: { width: 1200, height: 820, channels: 3, background: { r: 120, g: 90, b: 60 } } })
    .jpeg()
    .toBuffer();

  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await page.goto("/staff/works");
  await page.getByRole("link", { name: "42 Second Retreat from Russia" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "42 Second Retreat from Russia" })).toBeVisible();

  await page
    .getByLabel("Add a photograph")
    .setInputFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("this is not a picture") });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: "not a JPEG, PNG or WebP" })).toBeVisible();

  await page.getByLabel("Add a photograph").setInputFiles({ name: "retreat.jpg", mimeType: "image/jpeg", buffer: jpeg });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Photograph added" })).toBeVisible();
  await expect(page.getByText("1200 × 820 px")).toBeVisible();

  await page.goto("/works/42-second-retreat-from-russia");
  const photograph = page.locator("figure img");
  await expect(photograph).toHaveAttribute("alt", "Second Retreat from Russia by Norman Neasom: drawing");
  await expect(photograph).toHaveAttribute("srcset", /480\.webp 480w, .*960\.webp 960w, .*1600\.webp 1600w/);
  // The page is shown before the browser has fetched the image: wait for it to load, then check it decoded.
  await expect.poll(() => photograph.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  await expect(page.locator("figure svg")).toHaveCount(0);
  const served = await page.request.get((await photograph.getAttribute("src"))!);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect((await page.request.get("/media/photographs/..%2F..%2Fetc/960.webp")).status()).toBe(404);

  // A body sent in chunks, with no Content-Length to trust, is counted as it arrives and refused at the 15 MB limit.
  const [work] = queryDatabase<{ id: string }>(`SELECT "id" FROM "Artwork" WHERE "slug" = '42-second-retreat-from-russia'`);
  const chunked = await postChunkedUpload(page, `/staff/works/${work!.id}/photographs`, {
    field: "photograph",
    fileName: "huge.jpg",
    contentType: "image/jpeg",
    megabyte: new Uint8Array(1024 * 1024).fill(65),
  });
  expect(chunked.response.status).toBe(303);
  expect(chunked.response.headers.get("location")).toContain("photograph=too-large");
  expect(chunked.megabytesSent).toBeLessThan(40);
});

test("staff import a spreadsheet with broken rows: a dry run first, then the readable rows go in", async ({ page }) => {
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a spreadsheet" })).toBeVisible();
  await page.getByLabel("Spreadsheet file").setInputFiles("tests/fixtures/neasom-export-with-broken-rows.csv");
  await page.getByLabel("Import into").selectOption("new");
  await page.getByLabel("New exhibition’s title (if new)").fill("Neasom on Paper");
  await page.getByRole("button", { name: "Read the file (dry run)" }).click();

  await expect(page.getByRole("status").first()).toHaveText(
    "Dry run: 5 to create, 0 to update, 0 unchanged, 4 not readable. Nothing has been written yet.",
  );
  await expect(page.getByTestId("import-error")).toHaveCount(4);
  await expect(page.getByTestId("import-error").first()).toContainText("Not read: no title");
  // A size or price it cannot read costs no row: kept as written, and staff are asked to check it.
  await expect(page.getByTestId("import-row").filter({ hasText: "50 The Taxman" })).toContainText("Check: size kept as written, not read");
  await expect(page.getByTestId("import-row").filter({ hasText: "38 Comments on Life" })).toContainText(
    "Check: price kept as written beside what was read: “ask us”",
  );
  await expect(page.getByText("Columns ignored: Web ID")).toBeVisible();
  await expectNoAxeViolations(page);
  expect(queryDatabase("SELECT id FROM Exhibition WHERE slug = 'neasom-on-paper'")).toHaveLength(0);

  await expect(page.getByLabel("Import into")).toHaveValue("new");
  await page.getByRole("button", { name: "Import 5 works into “Neasom on Paper”" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Imported: 5 created, 0 updated, 0 unchanged, 4 rows not readable and skipped.",
  );
  await page.getByRole("link", { name: "58 Skyscrapers" }).click();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Neasom on Paper");
  await expect(page.getByText("24.4 × 30.7 in / 62 × 78 cm")).toBeVisible();
  await page.goto("/exhibitions/neasom-on-paper");
  await expect(page.getByRole("heading", { level: 1, name: "Neasom on Paper" })).toBeVisible();
  // The size line that could not be read is shown as the gallery wrote it, not as a guessed number.
  await page.goto("/works/50-the-taxman-2");
  await expect(page.getByText("about A4 - Framed: 505mm x 405mm")).toBeVisible();
});

test("staff import a named sheet of an Excel workbook; sizes keep the precision written", async ({ page }) => {
  const { utils, write } = await import("@e965/xlsx");
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([["Title"], ["Not this sheet"]]), "Notes");
  const catalogue = utils.aoa_to_sheet([
    ["Cat No", "Title", "Section", "Medium", "Size", "Price"],
    [301, "Hop Pickers at Bromyard", "Excel Studies", "Pencil", "Image 8.75 x 11 in", 875],
    ["", "A Study Without a Number", "Excel Studies", "Pencil", "Sight: 6 1/4 x 8 in", "Sold"],
  ]);
  catalogue["F2"]!.z = '"£"#,##0';
  utils.book_append_sheet(book, catalogue, "Catalogue 2026");
  const buffer = Buffer.from(write(book, { type: "buffer", bookType: "xlsx" }) as Buffer);

  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await page.goto("/staff/import");
  await page.getByLabel("Spreadsheet file").setInputFiles({
    name: "catalogue.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByLabel("Sheet (optional)").fill("Catalogue 2026");
  await page.getByLabel("Import into").selectOption("new");
  await page.getByLabel("New exhibition’s title (if new)").fill("Neasom in Excel");
  await page.getByRole("button", { name: "Read the file (dry run)" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Dry run: 2 to create, 0 to update, 0 unchanged, 0 not readable. Nothing has been written yet.",
  );
  await expect(page.getByLabel("Sheet (optional)")).toHaveValue("Catalogue 2026");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Import 2 works into “Neasom in Excel”" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Imported: 2 created, 0 updated, 0 unchanged, 0 rows not readable and skipped.",
  );

  await page.goto("/works/301-hop-pickers-at-bromyard");
  await expect(page.getByText("8.75 × 11 in / 22.2 × 27.9 cm")).toBeVisible();
  await expect(page.getByTestId("price")).toHaveText("£875");
  await page.goto("/works/a-study-without-a-number");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A Study Without a Number");
  await expect(page.getByText("6.25 × 8 in / 15.9 × 20.3 cm")).toBeVisible();
  await expect(page.getByTestId("availability")).toHaveText("Sold");
});

test("staff import a spreadsheet with a .zip of its photographs: the dry run shows which go where, the import attaches them", async ({
  page,
}) => {
  const sharp = (await import("sharp")).default;
  const { zipSync } = await import("fflate");
  const jpeg = await sharp({ create: { width: 1000, height: 700, channels: 3, background: { r: 110, g: 85, b: 60 } } })
    .jpeg()
    .toBuffer();
  const archive = zipSync({ "photos/63.jpg": new Uint8Array(jpeg), "photos/stray.jpg": new Uint8Array(jpeg) });

  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await page.goto("/staff/import");
  await page.getByLabel("Spreadsheet file").setInputFiles("tests/fixtures/neasom-gallery-export.csv");
  await page
    .getByLabel("Photographs (optional)")
    .setInputFiles({ name: "photos.zip", mimeType: "application/zip", buffer: Buffer.from(archive) });
  await page.getByLabel("Import into").selectOption("new");
  await page.getByLabel("New exhibition’s title (if new)").fill("Neasom Photographed");
  await page.getByRole("button", { name: "Read the file (dry run)" }).click();
  await expect(page.getByTestId("import-photographs")).toContainText(
    "Photographs: 1 matched to 1 works; 1 not matched; 8 works without one.",
  );
  await expect(page.getByTestId("import-photographs")).toContainText("stray.jpg: no row has that catalogue number, title or address");
  await expect(page.getByTestId("import-row").filter({ hasText: "63 The Auctioneer" })).toContainText("Photographs: 63.jpg");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Import 9 works into “Neasom Photographed”" }).click();
  await expect(page.getByTestId("import-photographs")).toContainText("1 attached.");

  await page.getByRole("link", { name: "63 The Auctioneer" }).click();
  const photograph = page.locator("figure img");
  await expect(photograph).toHaveAttribute("srcset", /480\.webp 480w/);
  // The page is shown before the browser has fetched the image: wait for it to load, then check it decoded.
  await expect.poll(() => photograph.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
});

test("a spreadsheet upload is counted as it streams and refused at 10 MB; the file a dry run read is imported once", async ({ page }) => {
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await page.goto("/staff/import");

  // No file: said so, nothing kept.
  await page.getByRole("button", { name: "Read the file (dry run)" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Choose a spreadsheet file to read first.");
  expect(queryDatabase("SELECT id FROM StagedImport")).toHaveLength(0);

  // A body sent in chunks, with no Content-Length to trust, stops at the limit without being read to its end.
  const row = "1,A title,A section,Drawing,Pen and ink,,,Image 10 x 12 in,,,,\n".padEnd(1024, " ");
  const chunked = await postChunkedUpload(page, "/staff/import/upload", {
    field: "file",
    fileName: "huge.csv",
    contentType: "text/csv",
    fileStart: "Cat No,Title,Section,Category,Medium,Signed,Year,Size,Framed,Price,Status,Web ID\n",
    megabyte: new TextEncoder().encode(row.repeat(1024)),
  });
  expect(chunked.response.status).toBe(303);
  expect(chunked.response.headers.get("location")).toContain("problem=too-large");
  expect(chunked.megabytesSent).toBeLessThan(40);
  expect(queryDatabase("SELECT id FROM StagedImport")).toHaveLength(0);
  await page.goto(chunked.response.headers.get("location")!);
  await expect(page.getByRole("status").first()).toHaveText(
    "That file is larger than 10 MB; nothing was read. Import the catalogue in parts.",
  );

  // Another site's form cannot upload with a staff member's cookie.
  const forged = await page.request.post("/staff/import/upload", {
    multipart: { target: "" },
    headers: { origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);

  await page.getByLabel("Spreadsheet file").setInputFiles("tests/fixtures/neasom-gallery-export.csv");
  await page.getByLabel("Import into").selectOption("new");
  await page.getByLabel("New exhibition’s title (if new)").fill("Neasom Once");
  await page.getByRole("button", { name: "Read the file (dry run)" }).click();
  await expect(page.getByRole("status").first()).toContainText("Dry run:");
  const dryRunAddress = page.url();
  await page.getByRole("button", { name: /^Import \d+ works into “Neasom Once”$/ }).click();
  await expect(page.getByRole("status").first()).toContainText("Imported:");
  const imported = queryDatabase<{ n: number }>(
    "SELECT count(*) AS n FROM Artwork a JOIN Section s ON a.sectionId = s.id JOIN Exhibition e ON s.exhibitionId = e.id WHERE e.slug = 'neasom-once'",
  )[0]!.n;
  expect(imported).toBeGreaterThan(0);

  // The dry run's address again (a second tab, the back button): the file is gone, nothing imports twice.
  await page.goto(dryRunAddress);
  await expect(page.getByRole("status").first()).toHaveText(
    "That file was imported already, or was read more than a day ago. Read it again to import it.",
  );
  await expect(page.getByRole("button", { name: /^Import \d+ works/ })).toHaveCount(0);
  expect(queryDatabase("SELECT id FROM StagedImport")).toHaveLength(0);
  await expectNoAxeViolations(page);
});

test("an import from the command line shows on the running site without a rebuild", async ({ page }) => {
  await page.goto("/works");
  const before = Number((await page.getByTestId("result-count").textContent())!.match(/\d+/)![0]);

  const dryRun = runImportCommand(["tests/fixtures/neasom-gallery-export.csv", "--new-exhibition", "Neasom Archive"]);
  expect(dryRun).toContain("9 to create, 0 to update, 0 unchanged, 0 not readable.");
  expect(dryRun).toContain("This was a dry run: nothing was written.");
  const applied = runImportCommand(["tests/fixtures/neasom-gallery-export.csv", "--new-exhibition", "Neasom Archive", "--apply"]);
  expect(applied).toContain("now shows the changes");

  await page.goto("/works");
  await expect(page.getByTestId("result-count")).toHaveText(`${before + 9} works`);
  // The sitemap follows the catalogue too: the new exhibition and its works are in it.
  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/exhibitions/neasom-archive</loc>");
  expect(sitemap.match(/\/works\/[a-z0-9-]+</g)).toHaveLength(before + 9);
  // Past 20 works All works is paged: plain links that keep the filters and order.
  const perPage = 20;
  expect(before + 9).toBeGreaterThan(perPage);
  await expect(page.getByTestId("page-position")).toHaveText(` · showing 1–${perPage}, page 1 of ${Math.ceil((before + 9) / perPage)}`);
  await expect(page.locator("main article")).toHaveCount(perPage);
  await page.getByRole("navigation", { name: "Pages of works" }).getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/\/works\?page=2$/);
  await expect(page.locator("main article")).toHaveCount(Math.min(perPage, before + 9 - perPage));
  await expect(page.getByRole("navigation", { name: "Pages of works" }).getByText("2")).toHaveAttribute("aria-current", "page");
  await page.goto("/works?sort=title&page=99");
  await expect(page.getByTestId("page-position")).toContainText(`page ${Math.ceil((before + 9) / perPage)} of`);

  await page.goto("/exhibitions/neasom-archive/wars-and-conflicts");
  await expect(page.getByRole("row").filter({ hasText: "Second Retreat from Russia" })).toContainText("15 × 22 in / 38.1 × 55.9 cm");
  expect(runImportCommand(["tests/fixtures/neasom-gallery-export.csv", "--exhibition", "neasom-archive", "--apply"])).toContain(
    "0 to create, 0 to update, 9 unchanged",
  );
});

test("works imported while the site was stopped are on All works, their section page and the sitemap as soon as it serves again", async () => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "offline-import-")), "new-works.csv");
  writeFileSync(
    file,
    [
      "Cat No,Title,Section,Category,Medium,Year,Size",
      ",Orchard Without a Number,History and Events,Drawings,Pencil,,",
      "201,Offline Study,History and Events,Drawings,Pencil,1952,Image 10 x 12 in",
      "202,Another Offline Study,History and Events,Drawings,Pencil,1953,Image 9 x 11 in",
    ].join("\n"),
  );
  const countOn = async (siteUrl: string) => {
    const page = await (await fetch(`${siteUrl}/works`)).text();
    return Number(/data-testid="result-count">([\d,]+) works/.exec(page)![1]!.replace(/,/g, ""));
  };
  const before = await countOn(baseURL);

  // The site is "stopped" as far as the command can tell: nothing answers at the address it would tell.
  const applied = runImportCommand([file, "--exhibition", "norman-neasom-exhibition", "--apply"], { SITE_URL: "http://127.0.0.1:9" });
  expect(applied).toContain("3 to create");
  expect(applied).toContain("is not running; it will show the changes when it starts");

  // The site starts again (a web process of the same build, on the same database and page cache).
  const started = await startSecondWebProcess(3297, {});
  try {
    expect(await countOn(started.siteUrl)).toBe(before + 3);
    const section = await (await fetch(`${started.siteUrl}/exhibitions/norman-neasom-exhibition/history-and-events`)).text();
    expect(section).toContain("Offline Study");
    expect(section).toContain("Another Offline Study");
    // A work without a number: listed after the numbered ones, and its page reads well without one.
    expect(section.indexOf("Orchard Without a Number")).toBeGreaterThan(section.indexOf("Another Offline Study"));
    const unnumbered = await (await fetch(`${started.siteUrl}/works/orchard-without-a-number`)).text();
    expect(unnumbered).toContain("<title>Orchard Without a Number — Norman Neasom");
    expect(unnumbered).not.toContain("Catalogue number");
    const sitemap = await (await fetch(`${started.siteUrl}/sitemap.xml`)).text();
    expect(sitemap).toContain("/works/201-offline-study</loc>");
    // The refresh is shared: the other process of the build shows them too.
    expect(await countOn(baseURL)).toBe(before + 3);
  } finally {
    started.stop();
  }
});

test("guesses at the current password on the account page count like sign-in guesses", async ({ page }) => {
  createStaffAccount("keeper@bracebridge.test", "the keeper's own long password", "Kim Keeper");
  await signIn(page, "keeper@bracebridge.test", "the keeper's own long password");
  await page.goto("/staff/account");
  const attempt = async (current: string) => {
    await page.getByLabel("Current password").fill(current);
    await page.getByLabel("New password", { exact: true }).fill("a brand new long password");
    await page.getByLabel("New password again").fill("a brand new long password");
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Change password" }).click(),
    ]);
    // React empties the form once the answer is shown: the next guess is typed only after that,
    // or the emptying would wipe it (the error text alone cannot tell, being the same each time).
    await expect(page.getByLabel("Current password")).toHaveValue("");
  };
  for (let guess = 0; guess < 5; guess += 1) {
    await attempt(`guess number ${guess}`);
    await expect(page.locator("#current-password-error")).toHaveText("That is not your current password");
  }
  // Even the right one waits now: the account's allowance is spent.
  await attempt("the keeper's own long password");
  await expect(page.getByRole("status").filter({ hasText: "Too many" })).toHaveText(
    /^Too many wrong current passwords\. Please wait 1[45] minutes and try again\.$/,
  );
});

test("staff change their password and sign out", async ({ page }) => {
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await page.goto("/staff/account");
  await expectNoAxeViolations(page);
  await page.getByLabel("Current password").fill("wrong current password");
  await page.getByLabel("New password", { exact: true }).fill("an even longer new password");
  await page.getByLabel("New password again").fill("an even longer new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#current-password-error")).toHaveText("That is not your current password");

  await page.getByLabel("Current password").fill(STAFF_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("an even longer new password");
  await page.getByLabel("New password again").fill("an even longer new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password has been changed. Other devices have been signed out.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await signIn(page, STAFF_EMAIL, "an even longer new password");
});

// Last in this file: its 300 works would change the page counts the tests above read.
test("a long import shows its progress while staff wait", async ({ page }) => {
  const rows = Array.from(
    { length: 300 },
    (_, index) => `${index + 1}p,Progress Study ${index + 1},Progress Studies,Pencil,Image 8 x 10 in`,
  );
  // Its own account: the test before this one changed the usual staff password.
  createStaffAccount("importer@bracebridge.test", "the importer's own long password", "Ida Importer");
  await signIn(page, "importer@bracebridge.test", "the importer's own long password");
  await page.goto("/staff/import");
  await page.getByLabel("Spreadsheet file").setInputFiles({
    name: "long.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(["Cat No,Title,Section,Medium,Size", ...rows].join("\n")),
  });
  await page.getByLabel("Import into").selectOption("new");
  await page.getByLabel("New exhibition’s title (if new)").fill("Progress Shown");
  await page.getByRole("button", { name: "Read the file (dry run)" }).click();
  // On a quiet machine 300 rows go in within a second, before the page's first look at the progress: each
  // work written is made to take about as long as on a slow disk (a trigger doing some tens of ms of work).
  writeDatabase(
    `CREATE TRIGGER "slow_as_a_busy_disk" AFTER INSERT ON "Artwork" WHEN NEW."title" LIKE 'Progress Study %'
     BEGIN SELECT length(hex(randomblob(4000000))); END`,
  );
  try {
    const importButton = page.getByRole("button", { name: "Import 300 works into “Progress Shown”" });
    // Pressed before the page's scripts run, the form posts without them, and the page then shows no progress at all.
    await waitForHydration(importButton);
    await importButton.click();
    const progress = page.getByRole("progressbar", { name: /^Importing: [\d,]+ of 300 rows written$/ });
    await expect(progress).toBeVisible();
    await expect.poll(async () => Number(await progress.getAttribute("value")), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect(page.getByRole("status").first()).toHaveText(
      "Imported: 300 created, 0 updated, 0 unchanged, 0 rows not readable and skipped.",
      {
        timeout: 60_000,
      },
    );
    await expect(progress).toHaveCount(0);
  } finally {
    writeDatabase(`DROP TRIGGER IF EXISTS "slow_as_a_busy_disk"`);
  }
});
