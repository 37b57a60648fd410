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
 * (node-process-flags.test.ts) keeps them the same.
 */
export const WEB_PROCESS_NODE_FLAGS = ["--max-old-space-size=160", "--max-semi-space-size=8"];

/**
 * The outbox worker: node itself with tsx's loader (one process; tsx's launcher was a second node of
 * 48 MB that only waited for its child), the web processes' old-space limit (an inbound email of up to
 * 40 MB is parsed here), and a young generation of a fixed 4 MB a half. Left to V8, the young generation
 * grows (up to 16 MB a half by default) under a stream of emails and is handed back when it slows: the
 * worker's RSS fell by 36 MB and climbed back over the next minute (in the 30-minute soak, single samples
 * 13–14 % below the rest). Fixed, it rose from 184 to 195 MB in the first two minutes and then held, with
 * no dip, for the next three; its heap is 53 MB, of which 39–45 MB is used (5 enquiries a second through
 * the stack). Before, the launcher and its child held 258 MB, the child alone dipping from 232 to 176.
 * The stack and the benchmarks use these constants; `npm run worker` (package.json) and
 * deploy/systemd/gallery-worker.service cannot import them, and node-process-flags.test.ts keeps them the same.
 */
export const WORKER_PROCESS_NODE_FLAGS = ["--max-old-space-size=160", "--min-semi-space-size=4", "--max-semi-space-size=4"];
export const WORKER_SCRIPT_ARGS = ["--import", "tsx", "--conditions=react-server", "scripts/outbox-worker.ts"];
