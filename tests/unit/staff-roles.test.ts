import { describe, expect, it } from "vitest";
import { roleAllows, STAFF_ROLES } from "@/lib/staff/roles";
import { createStaffAccount } from "@/lib/data/staff-accounts";
import { acceptInvitation, readInvitation } from "@/lib/data/staff/team";
import { db } from "@/lib/db/client";
import { issueLinkToken } from "@/lib/enquiries/link-token";

describe("roles", () => {
  it("rank owner over staff over viewer", () => {
    const allowed = STAFF_ROLES.flatMap((role) =>
      STAFF_ROLES.filter((needed) => roleAllows(role, needed)).map((needed) => `${role}:${needed}`),
    );
    expect(allowed.sort()).toEqual(["owner:owner", "owner:staff", "owner:viewer", "staff:staff", "staff:viewer", "viewer:viewer"]);
  });

  it("make the first account the owner and later ones staff, unless told otherwise", async () => {
    const first = await createStaffAccount({ email: "first@roles.test", name: "First", password: "a long enough password" });
    const second = await createStaffAccount({ email: "second@roles.test", name: "Second", password: "a long enough password" });
    const third = await createStaffAccount({
      email: "third@roles.test",
      name: "Third",
      password: "a long enough password",
      role: "viewer",
    });
    expect([first.role, second.role, third.role]).toEqual(["owner", "staff", "viewer"]);
    expect((await db.user.findUniqueOrThrow({ where: { email: "third@roles.test" } })).role).toBe("viewer");
  });
});

describe("an invitation", () => {
  async function invitation(email: string, role: string, hoursLeft = 48) {
    const link = issueLinkToken();
    await db.staffInvitation.create({
      data: { email, name: "Invited Person", role, tokenHash: link.hash, expiresAt: new Date(Date.now() + hoursLeft * 3_600_000) },
    });
    return link.token;
  }

  it("makes the account with the role the owner chose, once, even when used twice at the same moment", async () => {
    const token = await invitation("invited@roles.test", "viewer");
    expect(await readInvitation(token)).toEqual({ state: "open", name: "Invited Person", email: "invited@roles.test", role: "viewer" });
    const outcomes = await Promise.all([acceptInvitation(token, "my own long password"), acceptInvitation(token, "another long password")]);
    expect(outcomes.map((outcome) => outcome.state).sort()).toEqual(["accepted", "used"]);
    expect(await db.user.count({ where: { email: "invited@roles.test" } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { email: "invited@roles.test" } })).role).toBe("viewer");
    expect(await readInvitation(token)).toEqual({ state: "used" });
  });

  it("opens nothing after 48 hours, or when it was never made", async () => {
    const token = await invitation("late@roles.test", "staff", -1);
    expect(await acceptInvitation(token, "my own long password")).toEqual({ state: "expired" });
    expect(await db.user.count({ where: { email: "late@roles.test" } })).toBe(0);
    expect(await readInvitation(issueLinkToken().token)).toEqual({ state: "unknown" });
  });

  it("is released again when the account cannot be made, so the person can try once more", async () => {
    await createStaffAccount({ email: "taken@roles.test", name: "Taken", password: "a long enough password" });
    const token = await invitation("taken@roles.test", "staff");
    await expect(acceptInvitation(token, "my own long password")).rejects.toThrow(/exists already/);
    expect(await readInvitation(token)).toMatchObject({ state: "open" });
  });
});
