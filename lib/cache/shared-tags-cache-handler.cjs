/**
 * Next.js's own file-system cache, with one addition: tag revalidations are shared between every
 * server process that runs from the same build folder (the Node stack runs two behind nginx).
 *
 * Next keeps "tag X was revalidated at time T" in memory, per process, so a staff edit made through
 * one instance would leave the other serving the old page. Here every revalidation is also appended
 * to a small log file beside the cache, and each process reads what the others appended before it
 * answers from its cache (one stat per read while nothing changed). Appends of a line are atomic, so
 * no lock is needed; the pages themselves are already shared through the build folder on disk.
 *
 * Plain CommonJS because Next.js loads it at run time, unbundled. Not used on Vercel, which has its
 * own shared cache.
 */
const { appendFileSync, closeSync, mkdirSync, openSync, readSync, statSync } = require("node:fs");
const path = require("node:path");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external.js");

class SharedTagsCacheHandler extends FileSystemCache {
  constructor(context) {
    super(context);
    this.logPath = context.serverDistDir ? path.join(context.serverDistDir, "..", "cache", "revalidated-tags.log") : undefined;
    this.readUpTo = 0;
    this.unfinishedLine = "";
  }

  /** Applies the revalidations other processes logged since the last call: one stat while nothing changed. */
  catchUp() {
    if (!this.logPath) return;
    // No log yet means no revalidation since this build.
    const size = statSync(this.logPath, { throwIfNoEntry: false })?.size ?? 0;
    if (size < this.readUpTo) {
      this.readUpTo = 0; // A new build started the log again.
      this.unfinishedLine = "";
    }
    if (size === this.readUpTo) return;
    let descriptor;
    try {
      descriptor = openSync(this.logPath, "r");
    } catch {
      return; // Removed since the stat (a rebuild): nothing to apply.
    }
    try {
      const buffer = Buffer.alloc(size - this.readUpTo);
      const read = readSync(descriptor, buffer, 0, buffer.length, this.readUpTo);
      this.readUpTo += read;
      const lines = (this.unfinishedLine + buffer.subarray(0, read).toString("utf8")).split("\n");
      this.unfinishedLine = lines.pop() ?? "";
      for (const line of lines) {
        if (!line) continue;
        try {
          const { tag, entry } = JSON.parse(line);
          const known = tagsManifest.get(tag) ?? {};
          tagsManifest.set(tag, {
            stale: Math.max(known.stale ?? 0, entry.stale ?? 0) || undefined,
            expired: Math.max(known.expired ?? 0, entry.expired ?? 0) || undefined,
          });
        } catch {
          // A line from an older format or a torn write: the next revalidation of that tag repairs it.
        }
      }
    } finally {
      closeSync(descriptor);
    }
  }

  async get(...args) {
    this.catchUp();
    return super.get(...args);
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    if (!this.logPath) return;
    const lines = (typeof tags === "string" ? [tags] : tags).map(
      (tag) => JSON.stringify({ tag, entry: tagsManifest.get(tag) ?? {} }) + "\n",
    );
    if (lines.length === 0) return;
    mkdirSync(path.dirname(this.logPath), { recursive: true });
    appendFileSync(this.logPath, lines.join(""));
  }
}

module.exports = SharedTagsCacheHandler;
