/**
 * Which spec files each lane runs (Playwright takes a lane's files in alphabetical order). The split keeps
 * the lanes near equal in time (about six minutes each in a clean clone beside the checks; 418 s of tests
 * against 303 s before catalogue, viewing-rooms and new-work-alerts moved to lane 2) and keeps together
 * what must be: the stack's tests use fixed ports (nginx's upstreams), so they stay in lane 1 with the
 * project's own .next/standalone, which the stack serves; collector-email reads lane 1's Dovecot.
 */
export const LANE_FILES: Record<1 | 2, string[]> = {
  1: ["collector-email.spec.ts", "stack.spec.ts", "staff-desk.spec.ts", "staff.spec.ts", "startup.spec.ts"],
  2: [
    "catalogue.spec.ts",
    "client-address.spec.ts",
    "collector.spec.ts",
    "enquiry.spec.ts",
    "fuzz.spec.ts",
    "new-work-alerts.spec.ts",
    "probes.spec.ts",
    "roles.spec.ts",
    "sale.spec.ts",
    "security.spec.ts",
    "viewing-rooms.spec.ts",
  ],
};
