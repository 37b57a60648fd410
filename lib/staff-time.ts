/** "26 Nov 2026, 08:04": how the staff area writes a moment (one place, for server pages and client forms alike). */
export function staffTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
}
