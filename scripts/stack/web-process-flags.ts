/**
 * Every web process keeps its JavaScript heap small: the gallery's working set is a few tens of MB,
 * and without a limit V8 lets a busy process grow past 500 MB before collecting (measured with
 * `npm run bench`: 512 MB after 1,000 enquiries, 223 MB with these flags, at the same speed). The young
 * generation is 8 MB a half rather than 2: under a stream of enquiries a 2 MB one promoted the request's
 * own garbage and collected four times as often (alternating runs here: 10–15% more enquiries a
 * second and a lower p99 with 8, for ~10 MB more resident). 160 MB, not 128: in the browser tests an
 * upload refused as a zip bomb ran out of 128 MB in three of five full runs (the cause not yet found).
 * The stack, the preview, the benchmarks and the browser tests' second lane use this constant; `npm start`
 * (package.json) and deploy/systemd/gallery-web@.service cannot import it, and a unit test
 * (web-process-flags.test.ts) keeps them the same.
 */
export const WEB_PROCESS_NODE_FLAGS = ["--max-old-space-size=160", "--max-semi-space-size=8"];
