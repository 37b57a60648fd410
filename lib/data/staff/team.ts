import "server-only";
import { queueEmail } from "@/lib/data/outbox";
import { isStaffRole, type StaffRole } from "@/lib/staff/roles";
import { createStaffAccount } from "@/lib/data/staff-accounts";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { activityEntry, recordActivity } from "@/lib/data/activity";
import { db } from "@/lib/db/client";
import { hashLinkToken, issueLinkToken } from "@/lib/enquiries/link-token";
import { serverEnv } from "@/lib/env";
import { staffInvitation } from "@/lib/emails/templates";

/**
 * The owner's side of staff accounts: who has one and with what role, invitations (a single-use
 * link that lasts 48 hours; the person sets their own password), role changes and disabling. Every
 * function asks for an owner itself. The last active owner can be neither demoted nor disabled.
 */

export const INVITATION_HOURS = 48;

export type TeamMember = { id: string; name: string; email: string; role: StaffRole; disabled: boolean; you: boolean };
export type PendingInvitation = { id: string; name: string; email: string; role: StaffRole; expiresAt: string };

export async function readTeam(owner: StaffMember, now = new Date()): Promise<{ members: TeamMember[]; invitations: PendingInvitation[] }> {
  requireRole(owner, "owner");
  const [users, invitations] = await Promise.all([
    db.user.findMany({
      orderBy: [{ disabledAt: "asc" }, { name: "asc" }],
      select: { id: true, name: true, email: true, role: true, disabledAt: true },
    }),
    db.staffInvitation.findMany({ where: { usedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    members: users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: isStaffRole(user.role) ? user.role : "viewer",
      disabled: user.disabledAt !== null,
      you: user.id === owner.id,
    })),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      name: invitation.name,
      email: invitation.email,
      role: isStaffRole(invitation.role) ? invitation.role : "viewer",
      expiresAt: invitation.expiresAt.toISOString(),
    })),
  };
}

export type InvitationOutcome = { invited: true; outboxIds: string[] } | { invited: false; reason: "has_account" };

/** Stores the invitation and its email together (the outbox sends it); a second invitation to the same address replaces the first. */
export async function inviteStaffMember(
  owner: StaffMember,
  input: { email: string; name: string; role: StaffRole },
  now = new Date(),
): Promise<InvitationOutcome> {
  requireRole(owner, "owner");
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) return { invited: false, reason: "has_account" };
  const env = serverEnv();
  const link = issueLinkToken();
  const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3_600_000);
  const rendered = staffInvitation(
    { name: env.GALLERY_NAME, siteUrl: env.SITE_URL },
    { name: input.name, invitedBy: owner.name, role: input.role, url: `${env.SITE_URL}/staff/invitation/${link.token}`, expiresAt },
  );
  const emailId = await db.$transaction(async (tx) => {
    // An earlier invitation not yet used stops working: only the latest link opens.
    await tx.staffInvitation.updateMany({ where: { email: input.email, usedAt: null }, data: { expiresAt: now } });
    await tx.staffInvitation.create({ data: { ...input, tokenHash: link.hash, expiresAt, invitedById: owner.id, createdAt: now } });
    await recordActivity(tx, { actor: owner, action: "invited", subjectType: "staff", subjectLabel: input.email, newValue: input.role });
    return queueEmail({ kind: "staff_invitation", to: input.email, from: env.MAIL_FROM, replyTo: owner.email, ...rendered }, tx);
  });
  return { invited: true, outboxIds: [emailId] };
}

export type InvitationState = { state: "open"; name: string; email: string; role: StaffRole } | { state: "used" | "expired" | "unknown" };

/** What an invitation link opens (no session needed: the link is the proof). */
export async function readInvitation(token: string, now = new Date()): Promise<InvitationState> {
  const invitation = await db.staffInvitation.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!invitation) return { state: "unknown" };
  if (invitation.usedAt) return { state: "used" };
  if (invitation.expiresAt <= now) return { state: "expired" };
  return { state: "open", name: invitation.name, email: invitation.email, role: isStaffRole(invitation.role) ? invitation.role : "viewer" };
}

/**
 * Uses an invitation once: it is claimed first (one statement, so two presses cannot both use it),
 * then the account is made with the role the owner chose. If that fails the claim is released.
 */
export async function acceptInvitation(
  token: string,
  password: string,
  now = new Date(),
): Promise<InvitationState | { state: "accepted"; email: string }> {
  const tokenHash = hashLinkToken(token);
  const { count } = await db.staffInvitation.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 0) return readInvitation(token, now);
  const invitation = await db.staffInvitation.findUniqueOrThrow({ where: { tokenHash } });
  try {
    const role = isStaffRole(invitation.role) ? invitation.role : "viewer";
    const account = await createStaffAccount({ email: invitation.email, name: invitation.name, password, role });
    await activityEntry({
      actor: { id: account.id, name: invitation.name },
      action: "accepted the invitation",
      subjectType: "staff",
      subjectId: account.id,
      subjectLabel: account.email,
      newValue: role,
    });
    return { state: "accepted", email: account.email };
  } catch (error) {
    await db.staffInvitation.update({ where: { tokenHash }, data: { usedAt: null } });
    throw error;
  }
}

export type TeamChangeOutcome = "changed" | "no_account" | "last_owner" | "yourself";

async function activeOwnersOtherThan(userId: string): Promise<number> {
  return db.user.count({ where: { role: "owner", disabledAt: null, id: { not: userId } } });
}

export async function changeStaffRole(owner: StaffMember, userId: string, role: StaffRole): Promise<TeamChangeOutcome> {
  requireRole(owner, "owner");
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, email: true } });
  if (!user) return "no_account";
  if (user.role === "owner" && role !== "owner" && (await activeOwnersOtherThan(userId)) === 0) return "last_owner";
  if (user.role === role) return "changed";
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { role } }),
    activityEntry({
      actor: owner,
      action: "changed the role",
      subjectType: "staff",
      subjectId: userId,
      subjectLabel: user.email,
      field: "role",
      oldValue: user.role,
      newValue: role,
    }),
  ]);
  return "changed";
}

/** Disables an account (it cannot sign in, and every session it has ends at once) or enables it again. */
export async function setStaffMemberDisabled(owner: StaffMember, userId: string, disabled: boolean): Promise<TeamChangeOutcome> {
  requireRole(owner, "owner");
  if (disabled && userId === owner.id) return "yourself";
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, email: true } });
  if (!user) return "no_account";
  if (disabled && user.role === "owner" && (await activeOwnersOtherThan(userId)) === 0) return "last_owner";
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } }),
    ...(disabled ? [db.session.deleteMany({ where: { userId } })] : []),
    activityEntry({
      actor: owner,
      action: disabled ? "disabled the account" : "enabled the account",
      subjectType: "staff",
      subjectId: userId,
      subjectLabel: user.email,
    }),
  ]);
  return "changed";
}
