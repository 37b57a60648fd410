import "server-only";
import { z } from "zod";
import { readTextWithin } from "@/lib/http/request-body";
import { logger } from "@/lib/logger";

/** A browser's report is a few hundred bytes; anything much larger is not one. */
const REPORT_MAX_BYTES = 16 * 1024;
/** Lines written per minute by one process; the rest are counted, and the count logged once the minute is over. */
const LINES_PER_MINUTE = 30;

// The two shapes browsers send: `report-uri` (application/csp-report) and the Reporting API (application/reports+json).
const legacyReport = z.object({
  "csp-report": z.object({
    "document-uri": z.string().optional(),
    "violated-directive": z.string().optional(),
    "effective-directive": z.string().optional(),
    "blocked-uri": z.string().optional(),
    "source-file": z.string().optional(),
    "line-number": z.number().optional(),
  }),
});
const reportingApiReports = z.array(
  z.object({
    type: z.string(),
    body: z.object({
      documentURL: z.string().optional(),
      effectiveDirective: z.string().optional(),
      blockedURL: z.string().optional(),
      sourceFile: z.string().optional(),
      lineNumber: z.number().optional(),
    }),
  }),
);

type Violation = { page: string; directive: string; blocked: string; source: string | null; line: number | null };

/**
 * A page's address without what makes it someone's: the query, and any long path segment (a follow,
 * offer or invitation link's token is the key to that page).
 */
function pageOf(address: string | undefined): string {
  if (!address) return "unknown";
  try {
    const url = new URL(address);
    return url.pathname.replace(/\/[^/]{20,}/g, "/…");
  } catch {
    return "unknown";
  }
}

/** Where a blocked script came from: its origin only ("inline" for inline code, "eval" for eval). */
function blockedOf(blocked: string | undefined): string {
  if (!blocked) return "unknown";
  if (blocked === "inline" || blocked === "eval" || blocked === "wasm-eval") return blocked;
  try {
    return new URL(blocked).origin;
  } catch {
    return blocked.slice(0, 40);
  }
}

function violationsIn(text: string): Violation[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const legacy = legacyReport.safeParse(json);
  if (legacy.success) {
    const report = legacy.data["csp-report"];
    return [
      {
        page: pageOf(report["document-uri"]),
        directive: report["effective-directive"] ?? report["violated-directive"] ?? "unknown",
        blocked: blockedOf(report["blocked-uri"]),
        source: report["source-file"] ? pageOf(report["source-file"]) : null,
        line: report["line-number"] ?? null,
      },
    ];
  }
  const modern = reportingApiReports.safeParse(json);
  if (!modern.success) return [];
  return modern.data
    .filter((report) => report.type === "csp-violation")
    .slice(0, 10)
    .map(({ body }) => ({
      page: pageOf(body.documentURL),
      directive: body.effectiveDirective ?? "unknown",
      blocked: blockedOf(body.blockedURL),
      source: body.sourceFile ? pageOf(body.sourceFile) : null,
      line: body.lineNumber ?? null,
    }));
}

let minute = 0;
let written = 0;
let dropped = 0;

/** Whether this line may be written, LINES_PER_MINUTE a minute; says how many were dropped in the last full minute. */
function mayWrite(now: number): boolean {
  const thisMinute = Math.floor(now / 60_000);
  if (thisMinute !== minute) {
    if (dropped > 0)
      logger.warn({ security: "content security policy reports dropped", dropped }, "content security policy reports dropped");
    minute = thisMinute;
    written = 0;
    dropped = 0;
  }
  if (written >= LINES_PER_MINUTE) {
    dropped += 1;
    return false;
  }
  written += 1;
  return true;
}

/**
 * Browsers post here what a page's Content-Security-Policy blocked (lib/http/security-headers.ts): each
 * becomes a warning in the log, for whoever watches it, without the page's token or query. Anyone can
 * post here, so lines are limited per minute and the body's size is capped before it is read.
 */
export async function receiveCspReport(request: Request, now = Date.now()): Promise<Response> {
  const text = await readTextWithin(request, REPORT_MAX_BYTES);
  if (text === null) return new Response(null, { status: 413 });
  const violations = violationsIn(text);
  if (violations.length === 0) return new Response(null, { status: 400 });
  for (const violation of violations) {
    if (mayWrite(now)) logger.warn({ security: "content security policy violation", ...violation }, "content security policy violation");
  }
  return new Response(null, { status: 204 });
}
