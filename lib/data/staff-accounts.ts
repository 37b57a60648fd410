import "server-only";
import { isUniqueViolation } from "@/lib/data/database-errors";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { newStaffPassword } from "@/lib/validations/staff-forms";
import { hashStaffPassword, isCurrentPasswordHash, verifyStaffPassword } from "@/lib/passwords/password-hashing";
import { isStaffRole, STAFF_MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole } from "@/lib/staff/roles";
import { clearSignInFailures } from "@/lib/data/sign-in-throttle";

export const staffPasswordSchema = newStaffPassword(`The password must be at least ${STAFF_MIN_PASSWORD_LENGTH} characters`);

export const newStaffSchema = z.object({
  email: z.email("Give the staff member's email address").trim().toLowerCase(),
  name: z.string().trim().min(1, "Give a name").max(120),
  password: staffPasswordSchema,
  // Left out: the first account is the owner, later ones staff.
  role: z.enum(STAFF_ROLES, "The role must be owner, staff or viewer").optional(),
});

/**
 * Creates a staff account as better-auth keeps one (a User and its "credential" Account, the password
 * hashed as better-auth is configured to: Argon2id, lib/passwords), in one transaction: a crash leaves no account half
 * made. Used by `npm run staff:create` and by an owner's invitation; nobody can sign up on the site.
 * Plain Node: no better-auth instance (that one is configured for Next's cookies) is needed to write rows.
 */
export async function createStaffAccount(input: z.input<typeof newStaffSchema>): Promise<{ id: string; email: string; role: StaffRole }> {
  const { email, name, password, role: asked } = newStaffSchema.parse(input);
  const passwordHash = await hashStaffPassword(password);
  return db.$transaction(async (tx) => {
    // The write first: the transaction then holds SQLite's write lock from its start, so nothing it
    // reads can go stale while the site (another process) writes meanwhile ("database is locked").
    const id = randomUUID();
    try {
      await tx.user.create({ data: { id, email, name, emailVerified: true, role: asked ?? "staff" } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Error(`A staff account for ${email} exists already`);
      throw error;
    }
    const role: StaffRole = asked ?? ((await tx.user.count({ where: { role: "owner" } })) === 0 ? "owner" : "staff");
    if (role !== (asked ?? "staff")) await tx.user.update({ where: { id }, data: { role } });
    await tx.account.create({ data: { id: randomUUID(), userId: id, providerId: "credential", accountId: id, password: passwordHash } });
    return { id, email, role };
  });
}

/** Sets a new password for a staff member who has forgotten theirs, and signs out all their sessions. */
export async function resetStaffPassword(input: { email: string; password: string }): Promise<void> {
  const { email, password } = newStaffSchema.pick({ email: true, password: true }).parse(input);
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new Error(`There is no staff account for ${email}`);
  const passwordHash = await hashStaffPassword(password);
  await db.$transaction([
    db.account.updateMany({ where: { userId: user.id, providerId: "credential" }, data: { password: passwordHash } }),
    db.session.deleteMany({ where: { userId: user.id } }),
  ]);
  // Someone locked out by their own wrong guesses can sign in with the new password at once.
  await clearSignInFailures(email);
}

/**
 * After a successful sign-in, with the password just checked: an account whose hash was made the old
 * way (better-auth's scrypt, before Argon2id) gets a new hash. Only if the stored hash is still the one
 * checked: a password changed meanwhile is left alone.
 */
export async function upgradeStaffPasswordHash(email: string, password: string): Promise<boolean> {
  const account = await db.account.findFirst({
    where: { providerId: "credential", user: { email: email.trim().toLowerCase() } },
    select: { id: true, password: true },
  });
  if (!account?.password || isCurrentPasswordHash(account.password)) return false;
  if (!(await verifyStaffPassword({ hash: account.password, password }))) return false;
  const { count } = await db.account.updateMany({
    where: { id: account.id, password: account.password },
    data: { password: await hashStaffPassword(password) },
  });
  return count === 1;
}

/**
 * `npm run staff:disable`: the account can no longer sign in, and every session it has ends at
 * once (the next request of each is signed out). `enable` lets it sign in again.
 */
export async function setStaffAccountDisabled(email: string, disabled: boolean): Promise<{ sessionsEnded: number }> {
  const address = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  if (!user) throw new Error(`There is no staff account for ${address}`);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: disabled ? new Date() : null } });
    const ended = disabled ? await tx.session.deleteMany({ where: { userId: user.id } }) : { count: 0 };
    return { sessionsEnded: ended.count };
  });
}

export async function isStaffAccountDisabled(email: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { disabledAt: true } });
  return Boolean(user?.disabledAt);
}

export async function endStaffSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Records that a session was used just now (its updatedAt), for the idle limit. */
export async function touchStaffSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId }, data: { updatedAt: new Date() } });
}

/** The role of an account that may sign in now (null once disabled or deleted), read afresh on every request. */
export async function readActiveStaffRole(userId: string): Promise<StaffRole | null> {
  const account = await db.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!account || account.disabledAt) return null;
  return isStaffRole(account.role) ? account.role : "viewer";
}
