/** Issue 12, part 2: owners, staff and viewers; invitations; every staff action refused to a role without it. */
import type { APIRequestContext, Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { enquireAsCollector } from "./support/collector";
import { queryDatabase, writeDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { waitForMessage } from "./support/mailbox";
import { createStaffAccount, signedInPage } from "./support/staff";
import { baseURL, baseURLPattern } from "./support/test-env";

test.describe.configure({ mode: "serial" });

const OWNER = { email: "olive.owner@bracebridge.test", password: "the owner's own long password", name: "Olive Owner" };
const VIEWER = { email: "vince.viewer@bracebridge.test", password: "the viewer's chosen long password", name: "Vince Viewer" };
const EDITOR = { email: "sasha.staff@bracebridge.test", password: "sasha's chosen long password", name: "Sasha Staff" };

test.beforeAll(() => {
  createStaffAccount(OWNER.email, OWNER.password, OWNER.name, "owner");
});

async function invite(owner: Page, person: { email: string; name: string }, role: string): Promise<string> {
  await owner.goto("/staff/team");
  const form = owner.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("Name").fill(person.name);
  await form.getByLabel("Email address").fill(person.email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(form.getByRole("status")).toHaveText(`Invitation sent to ${person.email}. The link works once, for 48 hours.`);
  const email = await waitForMessage((message) => message.to.includes(person.email) && message.subject.includes("invites you"));
  return email.text.match(new RegExp(`${baseURLPattern}(/staff/invitation/[A-Za-z0-9_-]{43})`))![1]!;
}

test("an owner invites a viewer and a member of staff; each link is used once to choose a password, and not after 48 hours", async ({
  browser,
  page,
}) => {
  const owner = await signedInPage(browser, OWNER, "203.0.113.150");
  await expect(owner.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Staff accounts" })).toBeVisible();
  await expectNoAxeViolations(owner);
  const viewerLink = await invite(owner, VIEWER, "viewer");
  const editorLink = await invite(owner, EDITOR, "staff");

  // The invitation page needs no session: the link is the proof.
  await page.goto(viewerLink);
  await expect(page.getByText(`Choose a password for ${VIEWER.email} (viewer)`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Choose a password").fill(VIEWER.password);
  await page.getByLabel("The same password again").fill("something else entirely");
  await page.getByRole("button", { name: "Make my account" }).click();
  await expect(page.locator("#invitation-confirm-error")).toHaveText("The two passwords differ");
  await page.getByLabel("Choose a password").fill(VIEWER.password);
  await page.getByLabel("The same password again").fill(VIEWER.password);
  await page.getByRole("button", { name: "Make my account" }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\?welcome=/);
  await expect(page.getByText(`Your account ${VIEWER.email} is ready`)).toBeVisible();
  expect(queryDatabase<{ role: string }>(`SELECT "role" FROM "user" WHERE "email" = ?`, VIEWER.email)).toEqual([{ role: "viewer" }]);

  // Used twice: the second time is refused, and nothing changes.
  await page.goto(viewerLink);
  await expect(page.getByTestId("invitation-refused")).toHaveText(/has been used already/);

  await page.goto(editorLink);
  await page.getByLabel("Choose a password").fill(EDITOR.password);
  await page.getByLabel("The same password again").fill(EDITOR.password);
  await page.getByRole("button", { name: "Make my account" }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\?welcome=/);

  // An invitation opened after its 48 hours.
  const lateLink = await invite(owner, { email: "late.comer@bracebridge.test", name: "Late Comer" }, "staff");
  writeDatabase(`UPDATE "StaffInvitation" SET "expiresAt" = '2026-01-01 00:00:00' WHERE "email" = 'late.comer@bracebridge.test'`);
  await page.goto(lateLink);
  await expect(page.getByTestId("invitation-refused")).toHaveText(/has expired/);
  expect(queryDatabase(`SELECT "id" FROM "user" WHERE "email" = 'late.comer@bracebridge.test'`)).toHaveLength(0);
  await owner.context().close();
});

/** Every form of a staff page as the browser would post it without JavaScript: its hidden fields, by form. */
function formsOf(html: string): Array<Record<string, string>> {
  const forms: Array<Record<string, string>> = [];
  for (const [, body] of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    if (/Sign out/.test(body!)) continue;
    const fields: Record<string, string> = {};
    for (const match of body!.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
      fields[match[1]!] = (match[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    }
    if (Object.keys(fields).some((name) => name.startsWith("$ACTION"))) forms.push(fields);
  }
  return forms;
}

/** What the database holds that any staff action could change. */
function snapshot() {
  return JSON.stringify({
    enquiries: queryDatabase(`SELECT "reference", "status", "followRevokedAt", "assignedToId", "replyBy" FROM "Enquiry" ORDER BY "id"`),
    notes: queryDatabase(`SELECT count(*) AS n FROM "EnquiryNote"`),
    emails: queryDatabase(
      `SELECT "status", count(*) AS n FROM "OutboxEmail" WHERE "kind" NOT IN ('staff_invitation', 'daily_digest') GROUP BY "status" ORDER BY "status"`,
    ),
    works: queryDatabase(`SELECT "id", "title", "published", "position", "availability" FROM "Artwork" ORDER BY "id"`),
    sections: queryDatabase(`SELECT "id", "title", "position" FROM "Section" ORDER BY "id"`),
    exhibitions: queryDatabase(`SELECT "id", "title" FROM "Exhibition" ORDER BY "id"`),
    photographs: queryDatabase(`SELECT "id", "altText", "position" FROM "ArtworkImage" ORDER BY "id"`),
    viewings: queryDatabase(`SELECT "id", "closedAt", "capacity" FROM "ViewingSlot" ORDER BY "id"`),
    accounts: queryDatabase(`SELECT "email", "role", "disabledAt" FROM "user" ORDER BY "email"`),
    invitations: queryDatabase(`SELECT count(*) AS n FROM "StaffInvitation"`),
    history: queryDatabase(`SELECT count(*) AS n FROM "ActivityEntry"`),
    settings: queryDatabase(`SELECT * FROM "GallerySettings"`),
    savedReplies: queryDatabase(`SELECT "id", "name", "subject", "body", "forSold" FROM "ReplyTemplate" ORDER BY "id"`),
  });
}

/** Posts every action form of `path` (as the owner sees it) with the given member's session; returns each answer's text. */
async function postEveryForm(owner: APIRequestContext, member: APIRequestContext, path: string): Promise<string[]> {
  const forms = formsOf(await (await owner.get(path)).text());
  const answers: string[] = [];
  for (const fields of forms) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    // Plausible answers for every visible field any of these forms has.
    for (const [name, value] of Object.entries({
      status: "closed",
      body: "A note from someone who may only read.",
      subject: "Re: a reply",
      title: "Retitled by a viewer",
      introduction: "Changed",
      altText: "Changed by a viewer",
      from: "2027-01-04",
      to: "2027-01-04",
      opensAt: "10:00",
      closesAt: "12:00",
      minutes: "60",
      capacity: "2",
      day: "2027-01-04",
      role: "owner",
      name: "Someone",
      email: "someone.new@bracebridge.test",
    }))
      if (!(name in fields)) form.set(name, value);
    form.append("weekdays", "1");
    const response = await member.post(path, { multipart: form, headers: { Origin: baseURL } });
    answers.push(`${response.status()} ${await response.text()}`);
  }
  return answers;
}

test("a viewer reads everything but can change nothing, even by posting each staff form by hand; staff cannot do an owner's part", async ({
  browser,
}) => {
  const reference = await enquireAsCollector(browser, {
    path: "/works/38-comments-on-life",
    ip: "203.0.113.151",
    name: "Rhoda Roles",
    email: "rhoda.roles@collector.test",
    message: "Can a viewer answer me?",
  });
  const owner = await signedInPage(browser, OWNER, "203.0.113.152");
  const viewer = await signedInPage(browser, VIEWER, "203.0.113.153");
  const editor = await signedInPage(browser, EDITOR, "203.0.113.154");

  await viewer.goto(`/staff/enquiries/${reference}`);
  await expect(viewer.getByTestId("read-only-notice")).toBeVisible();
  await expect(viewer.getByTestId("enquiry-message")).toHaveText("Can a viewer answer me?");
  await expect(viewer.getByRole("form", { name: "Reply by email" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Save status" })).toHaveCount(0);
  await expect(viewer.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Staff accounts" })).toHaveCount(0);
  await expectNoAxeViolations(viewer);

  const [work] = queryDatabase<{ id: string }>(`SELECT "id" FROM "Artwork" WHERE "slug" = '63-the-auctioneer'`);
  const pages = [
    `/staff/enquiries/${reference}`,
    "/staff/works",
    `/staff/works/${work!.id}`,
    "/staff/viewings",
    "/staff/team",
    "/staff/privacy",
    "/staff/settings",
    "/staff/replies",
  ];
  const before = snapshot();
  let posted = 0;
  for (const path of pages) {
    for (const answer of await postEveryForm(owner.request, viewer.request, path)) {
      posted += 1;
      expect(answer).toMatch(/Your account can read only, so nothing was changed|Only an owner can do that, so nothing was changed/);
    }
  }
  expect(posted).toBeGreaterThanOrEqual(12);
  // The upload routes too.
  const photo = await viewer.request.post(`/staff/works/${work!.id}/photographs`, {
    multipart: { photograph: { name: "x.jpg", mimeType: "image/jpeg", buffer: Buffer.from("x") } },
    headers: { Origin: baseURL },
  });
  expect(photo.status()).toBe(403);
  const spreadsheet = await viewer.request.post("/staff/import/upload", {
    multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("Title\nX\n") }, target: "" },
    headers: { Origin: baseURL },
  });
  expect(spreadsheet.status()).toBe(403);
  expect(snapshot()).toBe(before);

  // Staff change enquiries and the catalogue, but an owner's forms refuse them.
  for (const path of ["/staff/team", "/staff/settings"]) {
    for (const answer of await postEveryForm(owner.request, editor.request, path)) {
      expect(answer).toMatch(/Only an owner can do that, so nothing was changed/);
    }
  }
  expect(snapshot()).toBe(before);
  await editor.goto("/staff/team");
  await expect(editor.getByText("Only an owner manages staff accounts.")).toBeVisible();
  await editor.goto("/staff/settings");
  await expect(editor.getByText("Only an owner changes these.")).toBeVisible();
  await expect(editor.getByRole("button", { name: "Save the settings" })).toHaveCount(0);

  for (const page of [owner, viewer, editor]) await page.context().close();
});

test("an owner changes roles and disables accounts: sessions end at once, and the last owner stays an owner", async ({ browser }) => {
  const owner = await signedInPage(browser, OWNER, "203.0.113.155");
  const viewer = await signedInPage(browser, VIEWER, "203.0.113.156");
  const editor = await signedInPage(browser, EDITOR, "203.0.113.157");

  await owner.goto("/staff/team");
  const row = (name: string) => owner.getByTestId("team-member").filter({ hasText: name });
  await row(VIEWER.name).getByLabel(`Role of ${VIEWER.name}`, { exact: true }).selectOption("staff");
  await row(VIEWER.name)
    .getByRole("button", { name: `Change the role of ${VIEWER.name}` })
    .click();
  await expect(owner.getByRole("status").first()).toHaveText("Role changed: it counts from the member's next click.");
  await viewer.goto("/staff");
  await expect(viewer.getByTestId("read-only-notice")).toHaveCount(0);

  await row(EDITOR.name)
    .getByRole("button", { name: `Disable ${EDITOR.name}'s account` })
    .click();
  await expect(owner.getByRole("status").first()).toHaveText("Account disabled: it cannot sign in, and its sessions have ended.");
  await editor.goto("/staff");
  await expect(editor).toHaveURL(/\/staff\/sign-in/);

  // The only owner cannot make themselves less.
  await row(`${OWNER.name} (you)`).getByLabel(`Role of ${OWNER.name}`, { exact: true }).selectOption("viewer");
  await row(`${OWNER.name} (you)`)
    .getByRole("button", { name: `Change the role of ${OWNER.name}` })
    .click();
  await expect(row(`${OWNER.name} (you)`).getByRole("alert")).toContainText("That is the last owner");
  expect(queryDatabase<{ role: string }>(`SELECT "role" FROM "user" WHERE "email" = ?`, OWNER.email)).toEqual([{ role: "owner" }]);
  for (const page of [owner, viewer, editor]) await page.context().close();
});

test("every change is in the history: on the enquiry, on the work, and on the activity page, filtered by what and by whom", async ({
  browser,
}) => {
  const reference = await enquireAsCollector(browser, {
    path: "/works/37-undertones-of-war",
    ip: "203.0.113.158",
    name: "Hal History",
    email: "hal.history@collector.test",
    message: "Please keep a record.",
  });
  const owner = await signedInPage(browser, OWNER, "203.0.113.159");
  await owner.goto(`/staff/enquiries/${reference}`);
  await owner.getByLabel("Set status").selectOption("in_progress");
  await owner.getByRole("button", { name: "Save status" }).click();
  await expect(owner.getByTestId("enquiry-status")).toHaveText("In progress");
  await expect(owner.getByTestId("activity-entry").first()).toContainText(`${OWNER.name} changed the status · status: New → In progress`);

  const [work] = queryDatabase<{ id: string }>(`SELECT "id" FROM "Artwork" WHERE "slug" = '37-undertones-of-war'`);
  await owner.goto(`/staff/works/${work!.id}`);
  await owner.getByLabel("Price").fill("£1,250");
  await owner.getByLabel("Availability").selectOption("reserved");
  await owner.getByLabel("Published on the site").uncheck();
  await owner.getByRole("button", { name: "Save changes" }).click();
  await expect(owner.getByRole("status").first()).toContainText("Saved");
  await owner.reload();
  const history = owner.getByRole("region", { name: "History" }).getByTestId("activity-entry");
  await expect(history.filter({ hasText: "price:" })).toContainText("price: no price → £1,250");
  await expect(history.filter({ hasText: "availability:" })).toContainText("availability: Available → Reserved");
  await expect(history.filter({ hasText: "publication:" })).toContainText("publication: published → hidden");
  await expectNoAxeViolations(owner);

  await owner.goto("/staff/activity");
  await owner.getByLabel("About").selectOption("artwork");
  await owner.getByLabel("By").selectOption(OWNER.name);
  await owner.getByRole("button", { name: "Show" }).click();
  await expect(owner).toHaveURL(/subject=artwork/);
  const entries = owner.getByTestId("activity-entry");
  await expect(entries.filter({ hasText: "37 Undertones of War" }).first()).toBeVisible();
  await expect(entries.filter({ hasText: reference })).toHaveCount(0);
  await owner.getByLabel("About").selectOption("staff");
  await owner.getByLabel("By").selectOption("");
  await owner.getByRole("button", { name: "Show" }).click();
  await expect(entries.filter({ hasText: "changed the role" }).first()).toContainText(`${VIEWER.email} · role: viewer → staff`);
  await expect(entries.filter({ hasText: "invited" }).first()).toBeVisible();
  await expectNoAxeViolations(owner);

  // Put the work back as it was for the tests that follow.
  await owner.goto(`/staff/works/${work!.id}`);
  await owner.getByLabel("Price").fill("");
  await owner.getByLabel("Availability").selectOption("available");
  await owner.getByLabel("Published on the site").check();
  await owner.getByRole("button", { name: "Save changes" }).click();
  await expect(owner.getByRole("status").first()).toContainText("Saved");
  await owner.context().close();
});

test("a privacy request in the staff area: find everything held about an address, download it, and erase it after confirming", async ({
  browser,
}) => {
  const references = [
    await enquireAsCollector(browser, {
      path: "/works/42-second-retreat-from-russia",
      ip: "203.0.113.160",
      name: "Pia Privacy",
      email: "Pia.Privacy@collector.test",
      message: "First question.",
    }),
    await enquireAsCollector(browser, {
      path: "/enquire",
      ip: "203.0.113.161",
      name: "Pia Privacy",
      email: "pia.privacy@collector.test",
      message: "Second question.",
    }),
  ];
  const owner = await signedInPage(browser, OWNER, "203.0.113.162");
  await owner.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Privacy requests" }).click();
  await owner.getByLabel("Collector's email address").fill("not an address");
  await owner.getByRole("button", { name: "Find what is held" }).click();
  await expect(owner.locator("#privacy-email-error")).toHaveText("Give the collector's email address, such as name@example.com");
  await owner.getByLabel("Collector's email address").fill("PIA.privacy@collector.test");
  await owner.getByRole("button", { name: "Find what is held" }).click();
  await expect(owner.getByRole("status").first()).toHaveText(/^Held about PIA\.privacy@collector\.test: 2 enquiries and \d+ emails\.$/);
  const held = owner.getByTestId("held-enquiries");
  for (const reference of references) await expect(held).toContainText(reference);
  await expect(held).toContainText("About: 42 Second Retreat from Russia");
  await expectNoAxeViolations(owner);

  const download = owner.waitForEvent("download");
  await owner.getByRole("button", { name: "Download everything (JSON)" }).click();
  const file = JSON.parse(
    await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")),
  );
  expect(file.enquiries.map((enquiry: { reference: string }) => enquiry.reference).sort()).toEqual([...references].sort());
  expect(file.enquiries[0].message).toBeDefined();

  await owner.getByRole("button", { name: "Erase it all" }).click();
  await expect(owner.locator("#erase-held-error")).toHaveText("Tick the box to confirm: erasing cannot be undone");
  expect(queryDatabase(`SELECT "id" FROM "Enquiry" WHERE lower("email") = 'pia.privacy@collector.test'`)).toHaveLength(2);
  await owner.getByLabel(/Erase every enquiry from/).check();
  await owner.getByRole("button", { name: "Erase it all" }).click();
  await expect(owner.getByRole("status").first()).toContainText("Erased everything held about PIA.privacy@collector.test: 2 enquiries");
  expect(queryDatabase(`SELECT "id" FROM "Enquiry" WHERE lower("email") = 'pia.privacy@collector.test'`)).toHaveLength(0);
  expect(
    queryDatabase(
      `SELECT "id" FROM "OutboxEmail" WHERE lower("toAddress") = 'pia.privacy@collector.test' OR lower("replyTo") = 'pia.privacy@collector.test'`,
    ),
  ).toHaveLength(0);

  // The erasure and the export are in the history, by reference and by whom, without the person.
  await owner.goto("/staff/activity?subject=privacy");
  const entries = owner.getByTestId("activity-entry");
  await expect(entries.filter({ hasText: "erased a collector's data" }).first()).toContainText(
    `${OWNER.name} erased a collector's data at their request · ${[...references].sort().join(", ")}`,
  );
  await expect(entries.filter({ hasText: "exported a collector's data" }).first()).toBeVisible();
  expect(JSON.stringify(queryDatabase(`SELECT * FROM "ActivityEntry"`)).toLowerCase()).not.toContain("pia");

  // A viewer cannot, even by posting the export by hand (the viewer above has since been made staff).
  const reader = { email: "rita.reader@bracebridge.test", password: "rita's own long password" };
  createStaffAccount(reader.email, reader.password, "Rita Reader", "viewer");
  const viewer = await signedInPage(browser, reader, "203.0.113.163");
  await viewer.goto("/staff/privacy");
  await expect(viewer.getByText("Your account can read only: privacy requests need a staff or owner account.")).toBeVisible();
  const export_ = await viewer.request.post("/staff/privacy/export", {
    form: { email: "anyone@collector.test" },
    headers: { Origin: baseURL },
  });
  expect(export_.status()).toBe(403);
  for (const page of [owner, viewer]) await page.context().close();
});
