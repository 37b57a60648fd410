/** Issue 22, part 3: "Tell me about new works like this", confirmed by email; an import of three matching works. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expectNoAxeViolations } from "./support/axe";
import { queryDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { capturedMessages, waitForMessage } from "./support/mailbox";
import { runImportCommand } from "./support/staff";
import { appEnv, baseURL, e2eRoot } from "./support/test-env";

test("a collector asks for new works by the artist up to a price, confirms from the email; an import of three matching works brings exactly one email that day", async ({
  browser,
  request,
}) => {
  const email = "nina.newworks@collector.test";
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.241" } });
  const page = await context.newPage();
  await page.goto("/works/42-second-retreat-from-russia");
  const form = page.getByTestId("new-works-alert");
  await expect(form.getByRole("heading", { name: "Hear about new works like this" })).toBeVisible();
  await expectNoAxeViolations(page);
  // A price that is not one is said beside the field; nothing is kept.
  await form.getByLabel("New drawings by Norman Neasom").check();
  await form.getByLabel(/Up to a price/).fill("lots");
  await form.getByLabel("Your email address").fill(email);
  await form.getByRole("button", { name: "Tell me about new works" }).click();
  await expect(form.locator("#new-works-price-error")).toHaveText("Give a price in whole pounds, such as 2000, or leave it empty");
  await expect(form.getByLabel(/Up to a price/)).toHaveAttribute("aria-describedby", /new-works-price-error/);
  expect(queryDatabase(`SELECT count(*) AS n FROM "NewWorkAlert" WHERE "email" = ?`, email)).toEqual([{ n: 0 }]);

  await form.getByLabel(/Up to a price/).fill("£2,000");
  await form.getByRole("button", { name: "Tell me about new works" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
  const confirmation = await waitForMessage((message) => message.to.includes(email) && message.subject.startsWith("Confirm:"));
  expect(confirmation.subject).toBe("Confirm: new drawings by Norman Neasom, up to £2,000");
  const confirmUrl = new RegExp(`${baseURL.replace(/[.]/g, "\\.")}/alerts/new-works/confirm/[A-Za-z0-9_-]+`).exec(confirmation.text)![0];
  await page.goto(confirmUrl);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Confirmed" })).toContainText(
    "Confirmed: New drawings by Norman Neasom, up to £2,000.",
  );

  // Three matching drawings, one too dear and one painting, imported as a gallery imports them.
  const csvPath = path.join(e2eRoot, "new-works.csv");
  mkdirSync(e2eRoot, { recursive: true });
  writeFileSync(
    csvPath,
    [
      "Cat No,Title,Section,Category,Medium,Size,Price",
      "70a,The Hop Pickers,Characters,Drawing,Ink drawing,Image: 10 x 14 in,£850",
      "70b,The Cattle Market,Characters,Drawing,Pencil drawing,Image: 12 x 16 in,£1200",
      "70c,Whitsun Fair,Characters,Drawing,Ink drawing,Image: 9 x 12 in,£1950",
      "70d,The Magistrate,Characters,Drawing,Ink drawing,Image: 9 x 12 in,£4500",
      "70e,Evening at Feckenham,Characters,Painting,Watercolour,Image: 9 x 12 in,£900",
    ].join("\n"),
  );
  runImportCommand([csvPath, "--exhibition", "norman-neasom-exhibition", "--apply"]);

  // Vercel's cron and the server's own loop both queue the round (the write lock lets one write it); the sweep sends it.
  const cron = { headers: { Authorization: `Bearer ${appEnv.CRON_SECRET}` } };
  await Promise.all([request.get("/api/outbox/sweep", cron), request.get("/api/outbox/sweep", cron)]);
  const newWorks = await waitForMessage((message) => message.to.includes(email) && message.subject.includes("new works at"));
  expect(newWorks.subject).toBe("3 new works at Bracebridge Fine Art: new drawings by Norman Neasom, up to £2,000");
  for (const title of ["The Hop Pickers", "The Cattle Market", "Whitsun Fair"]) expect(newWorks.text).toContain(title);
  expect(newWorks.text).not.toContain("The Magistrate");
  expect(newWorks.text).not.toContain("Evening at Feckenham");
  expect(newWorks.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  // However often the sweep runs that day, one email.
  await request.get("/api/outbox/sweep", cron);
  await request.get("/api/outbox/sweep", cron);
  expect(capturedMessages().filter((message) => message.to.includes(email) && message.subject.includes("new works at"))).toHaveLength(1);

  // One click from the mail program stops it.
  const oneClick = /<([^>]+)>/.exec(newWorks.headers["list-unsubscribe"]!)![1]!;
  const stopped = await request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect(stopped.status()).toBe(200);
  expect(
    queryDatabase<{ stopped: number }>(`SELECT "unsubscribedAt" IS NOT NULL AS stopped FROM "NewWorkAlert" WHERE "email" = ?`, email),
  ).toEqual([{ stopped: 1 }]);
  await context.close();
});
