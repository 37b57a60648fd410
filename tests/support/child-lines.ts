/**
 * A child process's output, line by line, each with the stream of ours it belongs on (its stdout on
 * ours, its stderr on ours): for the test runners that pass a child's output through while keeping
 * some of it (npm test's two lanes).
 */
import type { ChildProcess } from "node:child_process";

export function onEachLine(child: ChildProcess, handle: (line: string, target: NodeJS.WritableStream) => void): void {
  for (const [stream, target] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    if (!stream) continue;
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) handle(line, target);
    });
    stream.on("end", () => pending && handle(pending, target));
  }
}
