/** Issue 22, part 2: private viewing rooms. */
import { contextWithoutSiteScripts, expectNoAxeViolations } from "./support/axe";
import { queryDatabase, writeDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { waitForMessage } from "./support/mailbox";
import { createStaffAccount, signedInPage } from "./support/staff";
import { baseURL } from "./support/test-env";
import { pdfText } from "../support/pdf-text";

const STAFF = { email: "rufus.rooms@bracebridge.test", password: "rufus's own long password", name: "Rufus Rooms" };

test("a viewing room: an unpublished work seen only inside it, opened and counted, asked about; closed, expired and withdrawn links open nothing", async ({
  browser,
  request,
}) => {
  createStaffAccount(STAFF.email, STAFF.password, STAFF.name, "staff");
  // A drawing the gallery has not published: not on the site.
  const now = new Date().toISOString().replace("Z", "+00:00");
  writeDatabase(
    `INSERT INTO "Artwork" ("id", "slug", "catalogueNumber", "title", "sectionId", "position", "category", "technique", "priceMinor", "currency", "published", "createdAt", "updatedAt")
     SELECT 'room-preview-work', '44-harvest-sketch', '44', 'Harvest Sketch', "id", 90, 'drawing', 'Stipple drawing', 95000, 'GBP', 0, ?, ? FROM "Section"
     WHERE "slug" = 'wars-and-conflicts' AND "exhibitionId" = (SELECT "id" FROM "Exhibition" WHERE "slug" = 'norman-neasom-exhibition')`,
    now,
    now,
  );
  expect((await request.get("/works/44-harvest-sketch")).status()).toBe(404);

  const staff = await signedInPage(browser, STAFF, "203.0.113.251");
  await staff.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Viewing rooms" }).click();
  await staff.getByLabel("Title").fill("Wartime drawings for Mr Hale");
  await staff.getByLabel("Introduction (shown at the top of the room)").fill("Three pieces I mentioned on the telephone.");
  await staff.getByLabel("Last day it opens").fill("2020-01-01");
  await staff.getByRole("button", { name: "Make the room" }).click();
  await expect(staff.locator("#room-expires-error")).toHaveText("That day has passed: give a day to come");
  const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
  await staff.getByLabel("Last day it opens").fill(nextYear);
  await staff.getByRole("button", { name: "Make the room" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Room made" })).toBeVisible();
  const roomUrl = staff.url();

  const addWork = staff.getByLabel("Catalogue number or web address name");
  for (const which of ["42-second-retreat-from-russia", "44"]) {
    // React empties a form once its action is done: typing before that would be lost.
    await expect(addWork).toHaveValue("");
    await addWork.fill(which);
    await staff.getByRole("button", { name: "Add to the room" }).click();
    await expect(
      staff.getByTestId("room-work").filter({ hasText: which === "44" ? "44 Harvest Sketch" : "42 Second Retreat" }),
    ).toBeVisible();
  }
  await expect(addWork).toHaveValue("");
  await staff.getByLabel("Catalogue number or web address name").fill("9999");
  await staff.getByRole("button", { name: "Add to the room" }).click();
  await expect(staff.locator("#room-work-error")).toHaveText("No work has that catalogue number or web address name");
  await staff.getByRole("button", { name: "Move up: 44 Harvest Sketch" }).click();
  await expect(staff.getByTestId("room-work").first()).toContainText("44 Harvest Sketch");
  await expect(staff.getByTestId("room-work").first()).toContainText("not published");
  await staff.getByLabel("Note to the collector on 44 Harvest Sketch").fill("The stipple drawing I described: not yet shown anywhere.");
  await staff.getByRole("button", { name: "Save the note" }).first().click();
  await expect(staff.getByRole("status").filter({ hasText: "Note saved." })).toBeVisible();

  const guest = "hugh.hale@collector.test";
  await staff.getByLabel("Collector's name").fill("Hugh Hale");
  await staff.getByLabel("Their email address").fill(guest);
  await staff.getByRole("button", { name: "Email them their link" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Invited" })).toBeVisible();
  await expectNoAxeViolations(staff);
  const invitation = await waitForMessage(
    (message) => message.to.includes(guest) && message.subject.startsWith("A private viewing room for you"),
  );
  const link = new RegExp(`${baseURL.replace(/[.]/g, "\\.")}/rooms/[A-Za-z0-9_-]{43}`).exec(invitation.text)![0];

  // The collector, in a browser of their own.
  const collectorContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.252" } });
  const collector = await collectorContext.newPage();
  const opened = await collector.goto(link);
  expect(opened!.headers()["cache-control"]).toContain("no-store");
  expect(opened!.headers()["x-robots-tag"]).toContain("noindex");
  await expect(collector.getByRole("heading", { level: 1, name: "Wartime drawings for Mr Hale" })).toBeVisible();
  await expect(collector.getByTestId("room-work").first()).toContainText("The stipple drawing I described");
  await expectNoAxeViolations(collector);
  await collector.getByRole("link", { name: "44 Harvest Sketch" }).click();
  await expect(collector.getByRole("heading", { level: 1, name: "44 Harvest Sketch" })).toBeVisible();
  await expect(collector.getByTestId("room-work-price")).toBeVisible();
  await expectNoAxeViolations(collector);

  const pdf = await collector.request.get(`${link}/tear-sheets`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const sheets = pdfText(Buffer.from(await pdf.body()));
  expect(sheets.split("\f").filter((page) => page.trim())).toHaveLength(2);
  expect(sheets).toContain("44 Harvest Sketch");

  // Without the site's scripts the room reads the same, and passes axe.
  const noScripts = await contextWithoutSiteScripts(browser, { extraHTTPHeaders: { "x-forwarded-for": "203.0.113.253" } });
  const plain = await noScripts.newPage();
  await plain.goto(link);
  await expect(plain.getByRole("heading", { level: 1, name: "Wartime drawings for Mr Hale" })).toBeVisible();
  await expectNoAxeViolations(plain);
  await noScripts.close();

  // One enquiry about both, from the room.
  await collector.goto(link);
  await collector.getByRole("checkbox", { name: "44 Harvest Sketch" }).check();
  await collector.getByRole("checkbox", { name: "42 Second Retreat from Russia" }).check();
  await collector.getByLabel("Email address").fill(guest);
  await collector.getByLabel("Your message").fill("May I see both on Saturday?");
  await collector.getByLabel(/I agree/).check();
  await collector.waitForTimeout(1200);
  await collector.getByRole("button", { name: "Send enquiry" }).click();
  const reference = (await collector.getByTestId("enquiry-reference").textContent())!;
  const works = queryDatabase<{ slug: string }>(
    `SELECT a."slug" FROM "EnquiryWork" w JOIN "Artwork" a ON a."id" = w."artworkId" JOIN "Enquiry" e ON e."id" = w."enquiryId" WHERE e."reference" = ? ORDER BY w."position"`,
    reference,
  );
  expect(works.map((work) => work.slug).sort()).toEqual(["42-second-retreat-from-russia", "44-harvest-sketch"]);

  // Staff see what was opened.
  await staff.goto(roomUrl);
  await expect(staff.getByTestId("room-guest-opens")).toContainText("Opened 3 times");
  await expect(staff.getByTestId("room-work").first().getByTestId("room-work-opens")).toContainText("opened 1 time");

  // Expired: nothing but "This link does not open a room"; then closed by staff; a withdrawn link too.
  writeDatabase(
    `UPDATE "ViewingRoom" SET "expiresAt" = ? WHERE "title" = ?`,
    new Date(Date.now() - 60_000).toISOString().replace("Z", "+00:00"),
    "Wartime drawings for Mr Hale",
  );
  await collector.goto(link);
  await expect(collector.getByTestId("room-refused")).toHaveText("This link does not open a room");
  await expect(collector.locator("main")).not.toContainText("Harvest Sketch");
  writeDatabase(
    `UPDATE "ViewingRoom" SET "expiresAt" = ? WHERE "title" = ?`,
    new Date(Date.now() + 86_400_000).toISOString().replace("Z", "+00:00"),
    "Wartime drawings for Mr Hale",
  );
  await collector.goto(link);
  await expect(collector.getByRole("heading", { level: 1, name: "Wartime drawings for Mr Hale" })).toBeVisible();
  await staff.goto(roomUrl);
  await staff.getByRole("button", { name: "Withdraw the link of Hugh Hale" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Link withdrawn" })).toBeVisible();
  await collector.goto(link);
  await expect(collector.getByTestId("room-refused")).toHaveText("This link does not open a room");
  await staff.getByRole("button", { name: "Close the room now" }).click();
  await expect(staff.getByTestId("room-state")).toContainText("Closed");
  expect((await collector.request.get(`${link}/tear-sheets`)).status()).toBe(404);
  // The unpublished work is still nowhere on the public site, nor in its sitemap.
  expect((await request.get("/works/44-harvest-sketch")).status()).toBe(404);
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain("/rooms/");
  await collectorContext.close();
  await staff.context().close();
});
