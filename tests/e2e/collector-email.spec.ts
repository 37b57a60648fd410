/** Issue 22, parts 1 and 4: a collector's answer by email comes back into their enquiry; one record per collector. */
import path from "node:path";
import { contextWithoutSiteScripts, expectNoAxeViolations } from "./support/axe";
import { enquireAsCollector } from "./support/collector";
import { queryDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { waitForMessage } from "./support/mailbox";
import { createStaffAccount, signedInPage } from "./support/staff";
import { dovecotDir } from "./support/test-env";
import { deliverToMaildir } from "../support/dovecot";
import { composeEmail, photograph, quoting } from "../support/compose-email";

const STAFF = { email: "rhea.replies@bracebridge.test", password: "rhea's own long password", name: "Rhea Replies" };
const maildir = path.join(dovecotDir, "Maildir");

// The last test reads the record the first one made.
test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  createStaffAccount(STAFF.email, STAFF.password, STAFF.name, "staff");
});

test("a collector answers the gallery's reply from their mail program: in the enquiry within a read of the mailbox, trimmed, with their photograph; an out-of-office waits in Emails to check", async ({
  browser,
}) => {
  const collector = "mara.mailer@collector.test";
  const reference = await enquireAsCollector(browser, {
    path: "/works/42-second-retreat-from-russia",
    ip: "203.0.113.221",
    name: "Mara Mailer",
    email: collector,
    message: "Could I see it before deciding?",
  });
  const staff = await signedInPage(browser, STAFF, "203.0.113.222");
  await staff.goto(`/staff/enquiries/${reference}`);
  await staff.getByLabel("Reply", { exact: true }).fill("Dear Mara,\n\nOf course. Would Thursday at eleven suit you?\n\nRhea");
  await staff.getByRole("button", { name: "Send reply" }).click();
  await expect(staff.getByTestId("enquiry-status")).toHaveText("Replied");
  const reply = await waitForMessage((message) => message.to.includes(collector) && message.subject.startsWith("Re: "));
  // Answering goes to the enquiry's own address, which the gallery's mailbox receives.
  expect(reply.replyTo).toEqual([expect.stringMatching(/^replies\+e\d+\.[0-9a-f]{12}@bracebridge\.test$/)]);

  const photo = await photograph(480, 360);
  deliverToMaildir(
    maildir,
    await composeEmail({
      from: `Mara Mailer <${collector}>`,
      to: reply.replyTo[0]!,
      subject: `Re: ${reply.subject}`,
      inReplyTo: reply.messageId,
      references: [reply.messageId],
      text: `Thursday at eleven is perfect. This is the wall I have in mind.\n\n${quoting(reply.text)}`,
      attachments: [{ filename: "the-wall.jpg", content: photo, contentType: "image/jpeg" }],
    }),
  );

  // The server reads its mailbox every two seconds here (INBOUND_POLL_SECONDS).
  const answer = staff.getByTestId("email-answer");
  await expect(async () => {
    await staff.reload();
    await expect(answer).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(answer).toContainText("Thursday at eleven is perfect. This is the wall I have in mind.");
  // The quoted history is not shown as theirs, only behind "the whole email".
  await expect(answer.locator("p.whitespace-pre-wrap")).not.toContainText("Would Thursday at eleven suit you?");
  await answer.getByText("The whole email, with what it quoted").click();
  await expect(answer.locator("details pre")).toContainText("> Of course. Would Thursday at eleven suit you?");
  const image = answer.getByRole("img", { name: "the-wall.jpg" });
  await expect(image).toBeVisible();
  expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(480);
  // It waits for an answer again.
  await expect(staff.getByTestId("enquiry-status")).toHaveText("In progress");
  await expectNoAxeViolations(staff);

  // An out-of-office is not the collector's words: it waits in Emails to check.
  deliverToMaildir(
    maildir,
    await composeEmail({
      from: collector,
      to: reply.replyTo[0]!,
      subject: "Automatic reply: away until Monday",
      text: "I am away from my desk until Monday.",
      headers: { "Auto-Submitted": "auto-replied" },
    }),
  );
  await expect(async () => {
    await staff.goto("/staff/emails");
    await expect(staff.getByTestId("email-to-check").filter({ hasText: "away until Monday" })).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  const away = staff.getByTestId("email-to-check").filter({ hasText: "away until Monday" });
  await expect(away.getByTestId("check-reason")).toHaveText("An automatic reply (out of office or similar), not the collector's own words");
  await expect(staff.getByRole("navigation", { name: "Staff" }).getByTestId("emails-to-check-count")).toBeVisible();
  await expectNoAxeViolations(staff);
  // Naming an enquiry that does not exist is said beside the field; nothing moves.
  await away.getByLabel("Enquiry reference").fill("ENQ-1999-000001");
  await away.getByRole("button", { name: "Put into the enquiry's conversation" }).click();
  await expect(away.locator(".field-error")).toHaveText("There is no enquiry ENQ-1999-000001");
  await away.getByRole("button", { name: "Set aside" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Set aside" })).toHaveText("Set aside: it is kept, out of this list.");
  await expect(staff.getByTestId("email-to-check").filter({ hasText: "away until Monday" })).toHaveCount(0);

  expect(
    queryDatabase<{ status: string; n: number }>(
      `SELECT "status", count(*) AS n FROM "InboundEmail" WHERE lower("fromAddress") = ? GROUP BY "status" ORDER BY "status"`,
      collector,
    ),
  ).toEqual([
    { status: "conversation", n: 1 },
    { status: "dismissed", n: 1 },
  ]);
  await staff.context().close();
});

test("a collector's record: two addresses of one person merged, their history in one place, then the person erased from every table", async ({
  browser,
}) => {
  const names = { name: "Otto Twoaddress", home: "otto@home.collector.test", office: "o.twoaddress@office.collector.test" };
  const fromHome = await enquireAsCollector(browser, {
    path: "/works/63-the-auctioneer",
    ip: "203.0.113.231",
    name: names.name,
    email: names.home,
    message: "For my study.",
  });
  const fromOffice = await enquireAsCollector(browser, {
    path: "/works/69-gossips",
    ip: "203.0.113.232",
    name: names.name,
    email: names.office,
    message: "For the office.",
  });
  const staff = await signedInPage(browser, STAFF, "203.0.113.233");

  // From the enquiry to the person's record.
  await staff.goto(`/staff/enquiries/${fromHome}`);
  await staff.getByRole("link", { name: "Their record: everything they did" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: names.name })).toBeVisible();
  await expect(staff.getByTestId("collector-addresses")).toHaveText(names.home);
  // The record's address names no collector's address.
  expect(staff.url()).not.toContain("collector.test");

  await staff.getByLabel("Interest tags").fill("Characters, ink drawings");
  await staff.getByRole("button", { name: "Save tags" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Tags saved." })).toBeVisible();
  await staff.getByLabel("Note (staff only)").fill("Buys for himself and for his practice.");
  await staff.getByRole("button", { name: "Add note" }).click();
  await expect(staff.getByTestId("collector-note")).toContainText("Buys for himself and for his practice.");

  await staff.getByLabel("An address of the other record").fill("nobody@nowhere.collector.test");
  await staff.getByRole("button", { name: "Merge into this record" }).click();
  await expect(staff.locator("#merge-other-email-error")).toHaveText("No collector record has that address");
  await expect(staff.getByLabel("An address of the other record")).toHaveAttribute("aria-describedby", /merge-other-email-error/);
  await staff.getByLabel("An address of the other record").fill(names.office.toUpperCase());
  await staff.getByRole("button", { name: "Merge into this record" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Merged" })).toBeVisible();
  await expect(staff.getByTestId("collector-event").filter({ hasText: "Enquired" })).toHaveCount(2);
  await expect(staff.getByTestId("collector-event").filter({ hasText: fromOffice })).toBeVisible();
  await expectNoAxeViolations(staff);

  // Found by an interest from the list; one row for the person.
  await staff.goto("/staff/collectors?q=ink+drawings");
  await expect(staff.getByTestId("collector-row")).toHaveCount(1);
  await expect(staff.getByTestId("collector-row")).toContainText(names.office);
  await expectNoAxeViolations(staff);
  await staff.getByTestId("collector-row").getByRole("link", { name: names.name }).click();

  await staff.getByLabel(/type erase/).fill("yes");
  await staff.getByRole("button", { name: "Erase this collector" }).click();
  await expect(staff.locator("#erase-confirm-error")).toHaveText('Type "erase" to confirm: it cannot be undone');
  await staff.getByLabel(/type erase/).fill("erase");
  await staff.getByRole("button", { name: "Erase this collector" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Erased" })).toHaveText(
    "Erased: nothing of that collector is held any more, under any of their addresses.",
  );

  // Nothing of the person in any table: their addresses, name, words, note and interests.
  const tables = queryDatabase<{ name: string }>(
    `SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%'`,
  );
  for (const { name } of tables) {
    const columns = queryDatabase<{ name: string }>(`SELECT "name" FROM pragma_table_info('${name}')`);
    const text = JSON.stringify(
      queryDatabase(`SELECT ${columns.map((column, index) => `CAST("${column.name}" AS TEXT) AS "c${index}"`).join(", ")} FROM "${name}"`),
    ).toLowerCase();
    for (const trace of [names.home, names.office, names.name.toLowerCase(), "for my study", "buys for himself", "ink drawings"]) {
      expect(text.includes(trace), `${name} still holds "${trace}"`).toBe(false);
    }
  }
  await staff.context().close();
});

test("without the site's scripts, the collector list, a record, the emails to check, the rooms, the alerts and a work's alert form read and pass axe", async ({
  browser,
}) => {
  const context = await contextWithoutSiteScripts(browser, { extraHTTPHeaders: { "x-forwarded-for": "203.0.113.234" } });
  const page = await context.newPage();
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enquiries" })).toBeVisible();
  for (const path of ["/staff/collectors", "/staff/emails", "/staff/rooms", "/staff/alerts", "/works/63-the-auctioneer"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
  await page.goto("/staff/collectors?q=mara");
  await page.getByTestId("collector-row").getByRole("link", { name: "Mara Mailer" }).click();
  await expect(page.getByTestId("collector-event").filter({ hasText: "Answered by email" })).toContainText(
    "Thursday at eleven is perfect.",
  );
  await expectNoAxeViolations(page);
  await context.close();
});
