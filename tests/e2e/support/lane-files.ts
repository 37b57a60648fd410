/**
 * Which spec files each lane runs (Playwright takes a lane's files in alphabetical order). The split keeps
 * the lanes near equal in time (about 350 s of tests each in a clean clone beside the checks) and keeps
 * together what must be: the stack's tests use fixed ports (nginx's upstreams), so they stay in lane 1
 * with the project's own .next/standalone, which the stack serves; collector-email reads lane 1's
 * Dovecot; catalogue reads robots.txt, which the build pre-rendered with lane 1's address.
 */
export const LANE_FILES: Record<1 | 2, string[]> = {
  1: [
    "catalogue.spec.ts",
    "collector-email.spec.ts",
    "new-work-alerts.spec.ts",
    "stack.spec.ts",
    "staff.spec.ts",
    "startup.spec.ts",
    "viewing-rooms.spec.ts",
  ],
  2: [
    "client-address.spec.ts",
    "collector.spec.ts",
    "enquiry.spec.ts",
    "fuzz.spec.ts",
    "probes.spec.ts",
    "roles.spec.ts",
    "sale.spec.ts",
    "security.spec.ts",
    "staff-desk.spec.ts",
  ],
};
