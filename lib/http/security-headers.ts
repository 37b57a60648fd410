/**
 * The headers every response carries (next.config.ts). Not server-only: next.config imports it.
 *
 * The Content-Security-Policy is the same for every page, with no per-request nonce: a nonce would
 * make every catalogue page render per visit instead of being pre-rendered. Scripts come only from
 * this site ('self'); inline scripts are allowed ('unsafe-inline'), and neither way out of that works:
 * - hashes: Next.js writes each page's data for the browser as inline scripts whose content differs
 *   per page and per render (a work page is made again hourly, with a fresh form token), so no header
 *   fixed at build time can list them; and a policy that lists any hash makes browsers ignore
 *   'unsafe-inline', blocking those scripts;
 * - Next.js's Subresource Integrity (experimental.sri), tried with this build: it puts a digest on the
 *   framework's own script tags but not on the chunks of client components, which React loads
 *   without one, so it would vouch for half the files; not enabled.
 * What the policy still stops: scripts, styles, fonts, frames and connections from any other origin,
 * plugins, a changed <base>, forms posting elsewhere, and the site inside another site's frame.
 */
export function securityHeaders(options: { https: boolean; development: boolean }): Array<{ key: string; value: string }> {
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${options.development ? " 'unsafe-eval'" : ""}`,
    // next/font and React set inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: policy },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    // Only over https: a browser that saw it would refuse http for a year, which a local http build must not teach it.
    ...(options.https ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}
