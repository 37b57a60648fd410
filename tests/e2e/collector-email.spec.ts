/** Issue 22, part 1: a collector's answer by email comes back into their enquiry. */
import path from "node:path";
import { expectNoAxeViolations } from "./support/axe";
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

test("a collector answers the gallery's reply from their mail program: in the enquiry within a read of the mailbox, trimmed, with their photograph; an out-of-office waits in Emails to check", async ({
  browser,
}) => {
  createStaffAccount(STAFF.email, STAFF.password, STAFF.name, "staff");
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
