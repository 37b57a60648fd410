import { hashPassword as betterAuthScryptHash } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { createStaffAccount, staffPasswordSchema, upgradeStaffPasswordHash } from "@/lib/data/staff-accounts";
import { db } from "@/lib/db/client";
import { hashStaffPassword, isCurrentPasswordHash, verifyStaffPassword } from "@/lib/passwords/password-hashing";
import { isCommonPassword } from "@/lib/staff/common-passwords";
import { acceptInvitationSchema } from "@/lib/validations/staff-team";
import { changePasswordSchema } from "@/lib/validations/staff-forms";

describe("staff passwords", () => {
  it("are hashed with Argon2id at OWASP's cost (19 MiB, 2 passes, 1 lane), salted afresh each time", async () => {
    const first = await hashStaffPassword("a long and private passphrase");
    const second = await hashStaffPassword("a long and private passphrase");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(isCurrentPasswordHash(first)).toBe(true);
    expect(await verifyStaffPassword({ hash: first, password: "a long and private passphrase" })).toBe(true);
    expect(await verifyStaffPassword({ hash: first, password: "a long and private passphrasf" })).toBe(false);
  });

  it("made the old way (better-auth's scrypt) still sign in, and are replaced by an Argon2id hash at the next sign-in", async () => {
    const account = await createStaffAccount({
      email: "old.hash@passwords.test",
      name: "Old Hash",
      password: "my password from last year",
    });
    const legacy = await betterAuthScryptHash("my password from last year");
    await db.account.updateMany({ where: { userId: account.id }, data: { password: legacy } });
    expect(isCurrentPasswordHash(legacy)).toBe(false);
    expect(await verifyStaffPassword({ hash: legacy, password: "my password from last year" })).toBe(true);

    // A wrong password changes nothing; the right one upgrades the hash, once.
    expect(await upgradeStaffPasswordHash("old.hash@passwords.test", "not my password at all")).toBe(false);
    expect((await db.account.findFirstOrThrow({ where: { userId: account.id } })).password).toBe(legacy);
    expect(await upgradeStaffPasswordHash("Old.Hash@passwords.test", "my password from last year")).toBe(true);
    const upgraded = (await db.account.findFirstOrThrow({ where: { userId: account.id } })).password!;
    expect(isCurrentPasswordHash(upgraded)).toBe(true);
    expect(await verifyStaffPassword({ hash: upgraded, password: "my password from last year" })).toBe(true);
    expect(await upgradeStaffPasswordHash("old.hash@passwords.test", "my password from last year")).toBe(false);
  });

  it("refuse the 10,000 most common passwords, whatever their capitals, and one typed over again to reach twelve characters", () => {
    for (const common of [
      "qwerty123456",
      "1qaz2wsx3edc",
      "LeaveMeAlone",
      "  123456qwerty ",
      "qwertyqwerty",
      "iloveyouiloveyou",
      "dragondragondragon",
    ]) {
      expect(isCommonPassword(common), common).toBe(true);
    }
    for (const chosen of ["a long and private passphrase", "qwerty then something else", "correct horse battery staple"]) {
      expect(isCommonPassword(chosen), chosen).toBe(false);
    }
    const message = "That password is one of the most common, tried first by anyone guessing: choose another";
    // Every way a password is chosen: the command line, an invitation, the account page.
    expect(staffPasswordSchema.safeParse("qwerty123456").error?.issues[0]?.message).toBe(message);
    expect(
      acceptInvitationSchema
        .safeParse({ token: "x".repeat(43), password: "1q2w3e4r5t6y", confirmPassword: "1q2w3e4r5t6y" })
        .error?.issues.map((issue) => issue.message),
    ).toContain(message);
    expect(
      changePasswordSchema.safeParse({ currentPassword: "whatever it was", newPassword: "qazwsxedcrfv", confirmPassword: "qazwsxedcrfv" })
        .error?.issues[0]?.message,
    ).toBe(message);
    expect(staffPasswordSchema.safeParse("a long and private passphrase").success).toBe(true);
  });
});
