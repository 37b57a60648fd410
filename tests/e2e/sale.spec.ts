/** Issue 19, the sale: holds with an expiry, and "tell me if it becomes available". */
import { contextWithoutSiteScripts, expectNoAxeViolations } from "./support/axe";
import { enquireAsCollector } from "./support/collector";
import { queryDatabase, writeDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { capturedMessages, waitForMessage } from "./support/mailbox";
import { backdateFormToken } from "./support/form-token";
import { createStaffAccount, runImportCommand, signedInPage } from "./support/staff";
import { pdfText } from "../support/pdf-text";
import { appEnv, baseURL } from "./support/test-env";

test.describe.configure({ mode: "serial" });

const OWNER = { email: "olga.owner@bracebridge.test", password: "olga's own long password", name: "Olga Owner" };
const SELLER = { email: "sam.seller@bracebridge.test", password: "sam's own long password", name: "Sam Seller" };
const WORK = { slug: "50-the-taxman", label: "50 The Taxman" };

test.beforeAll(() => {
  createStaffAccount(SELLER.email, SELLER.password, SELLER.name, "staff");
  createStaffAccount(OWNER.email, OWNER.password, OWNER.name, "owner");
  // Two priced works of the sale's own, so the seeded catalogue the other files count stays as it was.
  runImportCommand(["tests/fixtures/sale-works.csv", "--new-exhibition", "Sale Rehearsal", "--apply"]);
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
  await alert.getByLabel("Your email address").fill("nora@example.test");
  await alert.getByRole("button", { name: "Tell me if it becomes available" }).click();
  await expect(collector.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
  await expectNoAxeViolations(collector);

  await staff.goto(`/staff/works/${workId}`);
  await staff.getByRole("button", { name: "Release the hold" }).click();
  await expect(staff.getByText("Not held.")).toBeVisible();
  await context.close();
});

test.describe("the sale, start to finish", () => {
  const WORK_PATH = "/works/401-the-cider-press";

  test("a collector offers without an account, staff counter, the collector accepts; the invoice arrives as a PDF; paid, the work is Sold everywhere", async ({
    browser,
  }) => {
    // The whole sale is one journey (some sixty steps, six emails, two PDFs read): the default 30 s is for one
    // feature, and a busy CI machine took longer than that.
    test.setTimeout(90_000);
    const owner = await signedInPage(browser, OWNER, "198.51.100.200");
    // The owner sets the bank details the invoice prints.
    await owner.goto("/staff/settings");
    const selling = owner.locator("form", { has: owner.getByRole("button", { name: "Save the sale settings" }) });
    await selling.getByLabel("Bank details (printed on invoices)").fill("Bracebridge Fine Art Ltd · sort code 20-00-00 · account 55779911");
    await selling.getByRole("button", { name: "Save the sale settings" }).click();
    await expect(selling.getByRole("status")).toContainText("Sale settings saved.");
    await expectNoAxeViolations(owner);

    // The collector, with no account, offers below the floor (told before anything is sent), then within it.
    const collector = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.201" } })).newPage();
    await collector.goto(WORK_PATH);
    const offerForm = collector.locator("#offer form");
    await expect(offerForm.getByText("The asking price is £3,750. The gallery considers offers from £2,625.")).toBeVisible();
    await offerForm.getByLabel("Your name").fill("Rosa Rivers");
    await offerForm.getByLabel("Email address").fill("rosa@example.test");
    await offerForm.getByLabel("Your offer (GBP)").fill("2000");
    await offerForm.getByLabel(/I agree/).check();
    await backdateFormToken(collector);
    await offerForm.getByRole("button", { name: "Send offer" }).click();
    await expect(collector.locator("#offer-401-the-cider-press-offerAmount-error")).toHaveText(
      "The gallery considers offers from £2,625 on this work; yours is below that. Raise it, or send an enquiry to talk about the price.",
    );
    await offerForm.getByLabel("Your offer (GBP)").fill("3,200");
    await offerForm.getByLabel(/Your message/).fill("I have wanted one of his orchard drawings for years.");
    // The form drew itself again with its own token after the refusal: a person takes longer than the minimum fill time.
    await backdateFormToken(collector);
    await offerForm.getByRole("button", { name: "Send offer" }).click();
    const reference = (await collector.getByTestId("enquiry-reference").first().textContent())!;
    await waitForMessage((message) => message.subject === `Your offer on 401 The Cider Press (${reference})`);
    await expectNoAxeViolations(collector);

    // Staff counter on the enquiry's page.
    await owner.goto(`/staff/enquiries/${reference}`);
    await expect(owner.getByTestId("offer")).toContainText("£3,200 for 401 The Cider Press (asking £3,750, 15 % below)");
    await owner.getByLabel("Counter-offer").fill("3500");
    await owner.getByRole("button", { name: "Send the counter-offer" }).click();
    await expect(owner.getByRole("status").filter({ hasText: "Counter-offer sent" })).toBeVisible();
    await expectNoAxeViolations(owner);

    // The collector accepts on the offer's page, from the email.
    const counterEmail = await waitForMessage((message) => message.subject === "A counter-offer on 401 The Cider Press");
    const offerLink = /(http:\/\/\S+\/offers\/\S+)/.exec(counterEmail.text)![1]!;
    await collector.goto(offerLink);
    await expect(collector.getByTestId("offer-status")).toHaveText("Countered");
    await expectNoAxeViolations(collector);
    await collector.getByRole("button", { name: "Accept £3,500" }).click();
    await expect(collector.getByTestId("offer-status")).toHaveText("Accepted");
    await expect(collector.getByText("Accepted: the work is reserved for you, and the invoice comes by email.")).toBeVisible();
    await collector.goto(WORK_PATH);
    await expect(collector.getByTestId("availability")).toHaveText("Reserved");
    await waitForMessage((message) => message.subject === `Counter-offer accepted: 401 The Cider Press (${reference})`);

    // Staff complete the draft and issue it.
    await owner.goto(`/staff/enquiries/${reference}`);
    await owner.getByRole("link", { name: "Draft invoice" }).click();
    await owner.getByLabel("Buyer's postal address").fill("Orchard House\n7 Bromyard Road\nWorcester WR2 5AB");
    await owner.locator("#draft-delivery").fill("50");
    await owner.getByRole("button", { name: "Save the draft" }).click();
    await expect(owner.getByTestId("invoice-total")).toHaveText("£3,550.00");
    await owner.getByRole("button", { name: "Issue and email it" }).click();
    await expect(owner.getByRole("status").filter({ hasText: "Invoice issued" })).toBeVisible();
    const number = ((await owner.getByRole("heading", { level: 1 }).textContent()) ?? "").replace("Invoice ", "");
    expect(number).toMatch(/^BFA-\d{4}-\d{4}$/);
    await expectNoAxeViolations(owner);

    const invoiceEmail = await waitForMessage((message) => message.subject === `Invoice ${number} from Bracebridge Fine Art`);
    expect(invoiceEmail.to).toEqual(["rosa@example.test"]);
    const printed = pdfText(Buffer.from(invoiceEmail.pdfs[0]!.base64, "base64"));
    expect(printed).toContain(`Invoice ${number}`);
    expect(printed).toContain("401 The Cider Press — Norman Neasom (1915–2010) — Pen and ink with wash");
    expect(printed).toContain("1962 — Image area 10ins x 14ins");
    expect(printed).toMatch(/Delivery\s+£50\.00/);
    expect(printed).not.toMatch(/\r|Ð/);
    expect(printed).toMatch(/Total due\s+£3,550\.00/);
    expect(printed).toContain("sort code 20-00-00 · account 55779911");
    expect(printed).toContain("Worcester WR2 5AB");

    // The collector downloads it from their follow page too.
    const acknowledgement = await waitForMessage(
      (message) => message.subject.startsWith("We have received") && message.to.includes("rosa@example.test"),
    );
    const followLink = /(http:\/\/\S+\/follow\/[A-Za-z0-9_-]{43})/.exec(acknowledgement.text)![1]!;
    await collector.goto(followLink);
    await expect(collector.getByTestId("follow-invoice")).toContainText(`Invoice ${number}, £3,550.00`);
    const download = await collector.request.get(`${followLink}/invoices/${number}`);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(pdfText(Buffer.from(await download.body()))).toContain(`Invoice ${number}`);

    // Payments: part, too much, the rest.
    await owner.getByLabel("Amount").fill("1000");
    await owner.getByRole("button", { name: "Record the payment" }).click();
    await expect(owner.getByTestId("outstanding")).toHaveText("Outstanding: £2,550.00");
    await owner.getByLabel("Amount").fill("9000");
    await owner.getByRole("button", { name: "Record the payment" }).click();
    await expect(owner.getByRole("status").filter({ hasText: "more than is owed" })).toHaveText(
      `That is more than is owed: GBP 2550.00 is outstanding on ${number}. Nothing was recorded.`,
    );
    await owner.getByLabel("Amount").fill("2,550");
    await owner.getByRole("button", { name: "Record the payment" }).click();
    await expect(owner.getByRole("status").filter({ hasText: "Paid in full" })).toBeVisible();
    await expect(owner.getByTestId("invoice-standing")).toContainText("Paid");

    for (const path of [WORK_PATH, "/exhibitions/sale-rehearsal/worcestershire-and-warwickshire"]) {
      await collector.goto(path);
      await expect(
        path === WORK_PATH ? collector.getByTestId("availability") : collector.getByRole("row").filter({ hasText: "The Cider Press" }),
      ).toContainText("Sold");
    }
    await owner.goto("/staff/invoices");
    await expect(owner.getByTestId("invoice-row").filter({ hasText: number })).toContainText("Paid");
    const csv = await owner.request.get("/staff/invoices/export");
    expect(await csv.text()).toContain(`${number}`);
    await expectNoAxeViolations(owner);

    // The dashboard counts the sale.
    await owner.goto("/staff/dashboard");
    await expect(owner.getByTestId("dashboard-sales")).toContainText(/→ [1-9]\d* ending in a sale paid for/);
    await expect(owner.getByTestId("chart-sales")).toContainText("Sales per month");
    const salesCsv = await owner.request.get("/staff/dashboard/sales.csv");
    // The work's value sold (the delivery line is not the work's).
    expect(await salesCsv.text()).toMatch(/2\d{3}-\d\d,1,3500\.00/);
  });
});

test("without the site's scripts, a collector asks to reserve a work, confirms from the email, and staff grant it on the work's page", async ({
  browser,
}) => {
  const collector = await (
    await contextWithoutSiteScripts(browser, { extraHTTPHeaders: { "x-forwarded-for": "198.51.100.210" } })
  ).newPage();
  await collector.goto("/works/402-evening-at-the-forge");
  const reserve = collector.locator("#reserve");
  await reserve.getByLabel("Your name").fill("Nell Noscript");
  await reserve.getByLabel("Your email address").fill("nell@");
  await reserve.getByRole("button", { name: "Reserve for 48 hours" }).click();
  await expect(collector.locator("#reserve-email-error")).toHaveText("Please give your email address, such as name@example.com");
  await collector.locator("#reserve").getByLabel("Your email address").fill("nell@example.test");
  await collector.locator("#reserve").getByRole("button", { name: "Reserve for 48 hours" }).click();
  await expect(collector.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
  await expectNoAxeViolations(collector);
  const confirmation = await waitForMessage((message) => message.subject === "Confirm: reserve 402 Evening at the Forge for 48 hours");
  await collector.goto(/(http:\/\/\S+\/reserve\/confirm\/[A-Za-z0-9_-]{43})/.exec(confirmation.text)![1]!);
  await collector.getByRole("button", { name: "Confirm the request" }).click();
  await expect(collector.getByRole("status").filter({ hasText: "is with the gallery" })).toBeVisible();
  await expectNoAxeViolations(collector);
  await waitForMessage((message) => message.subject === "Asked to reserve: 402 Evening at the Forge");

  const staff = await signedInPage(browser, SELLER, "198.51.100.211");
  const workId = queryDatabase<{ id: string }>(`SELECT id FROM Artwork WHERE slug = '402-evening-at-the-forge'`)[0]!.id;
  await staff.goto(`/staff/works/${workId}`);
  await expect(staff.getByTestId("hold-requests")).toContainText("Nell Noscript (nell@example.test)");
  await staff.getByRole("button", { name: "Grant Nell Noscript's request" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Request granted" })).toBeVisible();
  await expect(staff.getByTestId("open-hold")).toContainText("Held for Nell Noscript (nell@example.test)");
  await waitForMessage((message) => message.subject === "Reserved for you: 402 Evening at the Forge");
  await collector.goto("/works/402-evening-at-the-forge");
  await expect(collector.getByTestId("availability")).toHaveText("Reserved");
  // Left as found.
  await staff.getByRole("button", { name: "Release the hold" }).click();
  await expect(staff.getByText("Not held.")).toBeVisible();
});

// Left as found for the files that follow, whatever happened above: the sale's works are hidden
// (their counts of sold and reserved works stay theirs).
test.afterAll(async ({ browser }) => {
  const owner = await signedInPage(browser, OWNER, "198.51.100.202");
  await owner.goto("/staff/works");
  for (const label of ["401 The Cider Press", "402 Evening at the Forge"]) {
    const unpublish = owner.getByRole("button", { name: `Unpublish ${label}` });
    if (await unpublish.count()) {
      await unpublish.click();
      await expect(owner.getByRole("button", { name: `Publish ${label}` })).toBeVisible();
    }
  }
  await owner.context().close();
});
