/** Issue 19, the sale: holds with an expiry, and "tell me if it becomes available". */
import { contextWithoutSiteScripts, expectNoAxeViolations } from "./support/axe";
import { enquireAsCollector } from "./support/collector";
import { queryDatabase, writeDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { capturedMessages, waitForMessage } from "./support/mailbox";
import { createStaffAccount, signedInPage } from "./support/staff";
import { appEnv, baseURL } from "./support/test-env";

test.describe.configure({ mode: "serial" });

const SELLER = { email: "sam.seller@bracebridge.test", password: "sam's own long password", name: "Sam Seller" };
const WORK = { slug: "50-the-taxman", label: "50 The Taxman" };

test.beforeAll(() => {
  createStaffAccount(SELLER.email, SELLER.password, SELLER.name, "staff");
});

const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");

test("a hold shows the work Reserved at once; when its time passes the work is available again and each person waiting hears once", async ({
  browser,
}) => {
  const workId = queryDatabase<{ id: string }>(`SELECT id FROM Artwork WHERE slug = ?`, WORK.slug)[0]!.id;
  const staff = await signedInPage(browser, SELLER, "198.51.100.190");
  await staff.goto(`/staff/works/${workId}`);
  const hold = staff.locator("section", { has: staff.getByRole("heading", { name: "Hold", exact: true }) });
  await hold.getByLabel("For (the collector's name)").fill("Ada Collector");
  await hold.getByLabel("Their email address").fill("not an address");
  await hold.getByRole("button", { name: "Hold it" }).click();
  await expect(hold.locator("#hold-email-error")).toHaveText("Please give the collector's email address, such as name@example.com");
  await expect(hold.getByLabel("For (the collector's name)")).toHaveValue("Ada Collector");
  await hold.getByLabel("Their email address").fill("ada@example.test");
  await hold.getByRole("button", { name: "Hold it" }).click();
  await expect(hold.getByRole("status").filter({ hasText: "Hold placed" })).toHaveText(
    "Hold placed. The public pages show the work as Reserved now.",
  );
  await expect(hold.getByTestId("open-hold")).toContainText("Held for Ada Collector (ada@example.test) until");
  await expectNoAxeViolations(staff);

  const collector = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.191" } })).newPage();
  await collector.goto(`/works/${WORK.slug}`);
  await expect(collector.getByTestId("availability")).toHaveText("Reserved");

  // A collector asks to be told, and confirms from the email.
  const alert = collector.getByTestId("availability-alert");
  await alert.getByLabel("Your email address").fill("pat@example.test");
  await alert.getByRole("button", { name: "Tell me if it becomes available" }).click();
  await expect(alert.getByRole("status")).toContainText("Check your email");
  await expectNoAxeViolations(collector);
  const confirmation = await waitForMessage((message) => message.to.includes("pat@example.test"));
  const confirmLink = /(http:\/\/\S+\/alerts\/confirm\/[A-Za-z0-9_-]{43})/.exec(confirmation.text)![1]!;
  await collector.goto(confirmLink);
  await collector.getByRole("button", { name: "Confirm" }).click();
  await expect(collector.getByRole("status").filter({ hasText: "Confirmed" })).toHaveText(
    `Confirmed. We will email you once if ${WORK.label} becomes available.`,
  );
  await expectNoAxeViolations(collector);

  // Another enquires about the reserved work: their acknowledgement promises to tell them, and that is kept.
  await enquireAsCollector(browser, {
    path: `/works/${WORK.slug}`,
    ip: "198.51.100.192",
    name: "Enid Enquirer",
    email: "enid@example.test",
    message: "Is it still to be had?",
  });
  const acknowledgement = await waitForMessage((message) => message.to.includes("enid@example.test"));
  expect(acknowledgement.text).toContain("If it becomes available again, we will tell you.");

  // The clock moves past the hold's end (the test moves it, it does not wait): the running site's own loop ends it.
  writeDatabase(
    `UPDATE "WorkHold" SET "heldUntil" = ? WHERE "artworkId" = ? AND "endedAt" IS NULL`,
    stored(new Date(Date.now() - 60_000)),
    workId,
  );
  await expect
    .poll(async () => {
      await collector.goto(`/works/${WORK.slug}`);
      return collector.getByTestId("availability").textContent();
    })
    .toBe("Available");
  const subject = `${WORK.label} is available again`;
  await waitForMessage((message) => message.subject === subject && message.to.includes("pat@example.test"));
  await waitForMessage((message) => message.subject === subject && message.to.includes("enid@example.test"));
  await staff.reload();
  await expect(staff.getByText("Not held.")).toBeVisible();
  await expect(staff.getByRole("list").filter({ hasText: "hold ran out" }).first()).toBeVisible();

  // A mail program's one-click unsubscribe, as RFC 8058 has it: a POST with no cookie and no page.
  const toPat = capturedMessages().find((message) => message.subject === subject && message.to.includes("pat@example.test"))!;
  const oneClick = /<(http:\/\/\S+)>/.exec(toPat.headers["list-unsubscribe"]!)![1]!;
  expect(oneClick.startsWith(`${baseURL}/api/alerts/unsubscribe/`)).toBe(true);
  const unsubscribed = await fetch(oneClick, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
  expect(unsubscribed.status).toBe(200);

  // Held and freed again: nobody hears a second time.
  await staff.goto(`/staff/works/${workId}`);
  await hold.getByLabel("For (the collector's name)").fill("Bea Buyer");
  await hold.getByLabel("Their email address").fill("bea@example.test");
  await hold.getByRole("button", { name: "Hold it" }).click();
  await expect(hold.getByTestId("open-hold")).toContainText("Bea Buyer");
  await hold.getByRole("button", { name: "Release the hold" }).click();
  await expect(hold.getByText("Not held.")).toBeVisible();
  await collector.goto(`/works/${WORK.slug}`);
  await expect(collector.getByTestId("availability")).toHaveText("Available");
  await new Promise((resolve) => setTimeout(resolve, Number(appEnv.OUTBOX_SWEEP_INTERVAL_SECONDS) * 1000 + 1000));
  expect(capturedMessages().filter((message) => message.subject === subject)).toHaveLength(2);
});

test("two members of staff hold the same work at the same moment: one hold, and the other is told whose it is", async ({ browser }) => {
  const workId = queryDatabase<{ id: string }>(`SELECT id FROM Artwork WHERE slug = ?`, WORK.slug)[0]!.id;
  const [first, second] = await Promise.all([
    signedInPage(browser, SELLER, "198.51.100.193"),
    signedInPage(browser, SELLER, "198.51.100.194"),
  ]);
  for (const [page, name] of [
    [first, "Carla Quick"],
    [second, "Dan Sametime"],
  ] as const) {
    await page.goto(`/staff/works/${workId}`);
    await page.getByLabel("For (the collector's name)").fill(name);
    await page.getByLabel("Their email address").fill(`${name.split(" ")[0]!.toLowerCase()}@example.test`);
  }
  await Promise.all([first, second].map((page) => page.getByRole("button", { name: "Hold it" }).click()));
  const outcomes = await Promise.all(
    [first, second].map(async (page) => {
      const status = page.getByRole("status").filter({ hasText: /Hold placed|held already/ });
      await expect(status).toBeVisible();
      return status.textContent();
    }),
  );
  expect(outcomes.filter((text) => text?.startsWith("Hold placed"))).toHaveLength(1);
  expect(outcomes.filter((text) => text?.includes("This work is held already for"))).toHaveLength(1);
  expect(queryDatabase<{ n: number }>(`SELECT count(*) AS n FROM WorkHold WHERE artworkId = ? AND endedAt IS NULL`, workId)[0]!.n).toBe(1);
  // Left as it was found for the files that follow.
  await first.reload();
  await first.getByRole("button", { name: "Release the hold" }).click();
  await expect(first.getByText("Not held.")).toBeVisible();
});

test("without JavaScript: a hold is placed from the work's staff page, and a collector asks to be told", async ({ browser }) => {
  const workId = queryDatabase<{ id: string }>(`SELECT id FROM Artwork WHERE slug = ?`, WORK.slug)[0]!.id;
  const context = await contextWithoutSiteScripts(browser, { extraHTTPHeaders: { "x-forwarded-for": "198.51.100.195" } });
  const staff = await context.newPage();
  await staff.goto("/staff/sign-in");
  await staff.getByLabel("Email address").fill(SELLER.email);
  await staff.getByLabel("Password").fill(SELLER.password);
  await staff.getByRole("button", { name: "Sign in" }).click();
  await staff.goto(`/staff/works/${workId}`);
  await staff.getByLabel("For (the collector's name)").fill("Noel Noscript");
  await staff.getByLabel("Their email address").fill("noel@example.test");
  await staff.getByRole("button", { name: "Hold it" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Hold placed" })).toBeVisible();
  await expect(staff.getByTestId("open-hold")).toContainText("Held for Noel Noscript (noel@example.test)");
  await expectNoAxeViolations(staff);

  const collector = await (
    await contextWithoutSiteScripts(browser, { extraHTTPHeaders: { "x-forwarded-for": "198.51.100.196" } })
  ).newPage();
  await collector.goto(`/works/${WORK.slug}`);
  await expect(collector.getByTestId("availability")).toHaveText("Reserved");
  const alert = collector.getByTestId("availability-alert");
  await alert.getByLabel("Your email address").fill("no-script@");
  await alert.getByRole("button", { name: "Tell me if it becomes available" }).click();
  await expect(collector.locator("#alert-email-error")).toHaveText("Please give your email address, such as name@example.com");
  await collector.getByLabel("Your email address").fill("nora@example.test");
  await collector.getByRole("button", { name: "Tell me if it becomes available" }).click();
  await expect(collector.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
  await expectNoAxeViolations(collector);

  await staff.goto(`/staff/works/${workId}`);
  await staff.getByRole("button", { name: "Release the hold" }).click();
  await expect(staff.getByText("Not held.")).toBeVisible();
  await context.close();
});
