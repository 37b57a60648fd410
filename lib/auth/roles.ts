/** What each staff account may do. Checked by every staff action and data function, not only by pages. */
export const STAFF_ROLES = ["owner", "staff", "viewer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

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
