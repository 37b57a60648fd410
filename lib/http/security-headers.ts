/**
 * The headers every response carries (next.config.ts), and the Content-Security-Policy, which comes in
 * two kinds. Not server-only: next.config imports it.
 *
 * Pages made per request (the staff area, a collector's follow, offer and invitation pages, the
 * enquiry form, the enquiry list, search): a fresh nonce for each response, set by proxy.ts, with
 * 'strict-dynamic'. Next.js reads the nonce from the request's policy and puts it on every script it
 * writes; the chunks those scripts load are trusted through them; an inline script anyone slips into
 * the HTML has no nonce and does not run.
 *
 * Pre-rendered pages (home, exhibitions, sections, works, privacy): one policy for all, allowing inline
 * scripts ('unsafe-inline'), because no way out of that works for a page made once and served to all:
 * - a nonce must differ per response, and these responses are the same bytes for every visitor;
 * - hashes: Next.js writes each page's data for the browser as inline scripts whose content differs
 *   per page and per render (a work page is made again hourly, with a fresh form token), so no header
 *   fixed at build time can list them; and a policy that lists any hash makes browsers ignore
 *   'unsafe-inline', blocking those scripts;
 * - Next.js's Subresource Integrity (experimental.sri), tried with this build: it puts a digest on the
 *   framework's own script tags but not on the chunks of client components, so it would vouch for half.
 * Those pages hold no one's personal details and render only the catalogue, which staff write. What
 * their policy still stops: scripts, styles, fonts, frames and connections from any other origin,
 * plugins, any <base> element, forms posting elsewhere, and the site inside another site's frame.
 *
 * Both kinds report violations to /api/csp-report, which logs them (app/api/csp-report/route.ts).
 */

/**
 * The pages made per request, which carry a nonce. proxy.ts's matcher lists the same (Next.js reads a
 * matcher only as written there); tests/unit/security-headers.test.ts checks the two agree.
 */
export const PER_REQUEST_PAGE_PREFIXES = [
  "/staff",
  "/follow/",
  "/enquire",
  "/enquiry-list",
  "/offers/",
  "/viewings/",
  "/alerts/",
  "/reserve/",
  "/rooms/",
  "/search",
] as const;

export const CSP_REPORT_PATH = "/api/csp-report";

export function madePerRequest(pathname: string): boolean {
  return PER_REQUEST_PAGE_PREFIXES.some((prefix) =>
    prefix.endsWith("/") ? pathname.startsWith(prefix) : pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}

type PolicyOptions = { https: boolean; development: boolean };

export function contentSecurityPolicy(options: PolicyOptions & { nonce?: string }): string {
  const eval_ = options.development ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    options.nonce ? `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${eval_}` : `script-src 'self' 'unsafe-inline'${eval_}`,
    // next/font and React set inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // report-uri alone: every engine sends it at once. With report-to beside it, Chromium uses only the
    // Reporting API, which batches reports for up to a minute, and Firefox does not send those for CSP.
    `report-uri ${CSP_REPORT_PATH}`,
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Every response's headers except the policy, which depends on the page. */
export function securityHeaders(options: PolicyOptions): Array<{ key: string; value: string }> {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    // Only over https: a browser that saw it would refuse http for a year, which a local http build must not teach it.
    ...(options.https ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}

/**
 * next.config's source pattern for every page not made per request: the static policy goes there,
 * and proxy.ts sets the nonce policy on the rest.
 */
export const PRE_RENDERED_PAGES_SOURCE = `/((?!${PER_REQUEST_PAGE_PREFIXES.map((prefix) =>
  prefix.endsWith("/") ? prefix.slice(1) : `${prefix.slice(1)}(?:/|$)`,
).join("|")}).*)`;
