/** What each staff account may do. Checked by every staff action and data function, not only by pages. */
export const STAFF_ROLES = ["owner", "staff", "viewer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_MIN_PASSWORD_LENGTH = 12;

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  owner: "Owner: staff accounts and settings, and everything staff do",
  staff: "Staff: enquiries and the catalogue",
  viewer: "Viewer: reads only",
};

const RANK: Record<StaffRole, number> = { viewer: 0, staff: 1, owner: 2 };

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Whether a role may do what needs `needed`: owners do all staff do, staff all viewers do. */
export function roleAllows(role: StaffRole, needed: StaffRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** What a member is told when their role does not allow an action: nothing was changed. */
export const NOT_PERMITTED: Record<Exclude<StaffRole, "viewer">, string> = {
  staff: "Your account can read only, so nothing was changed. An owner can give it more.",
  owner: "Only an owner can do that, so nothing was changed.",
};

/** A signed-in member of staff, as the session found them for this request (lib/auth/staff-session.ts). */
export type StaffMember = { id: string; name: string; email: string; role: StaffRole };

/** A signed-in member whose role does not allow what they asked: nothing is done. */
export class StaffNotPermitted extends Error {
  constructor(readonly needed: Exclude<StaffRole, "viewer">) {
    super(NOT_PERMITTED[needed]);
    this.name = "StaffNotPermitted";
  }
}

/**
 * Every function in lib/data/staff/ takes the signed-in member first and calls this itself before it
 * reads or changes anything: the page's or action's own check is not trusted alone. `needed` is the
 * least role allowed ("viewer" reads; changes need "staff"; accounts and settings "owner").
 */
export function requireRole(staff: StaffMember, needed: StaffRole = "viewer"): StaffMember {
  if (needed !== "viewer" && !roleAllows(staff.role, needed)) throw new StaffNotPermitted(needed);
  return staff;
}
