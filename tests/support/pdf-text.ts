import { execFileSync } from "node:child_process";

/**
 * A PDF's text as a person reading it would see it, through poppler's `pdftotext` (Debian's
 * poppler-utils, which .ci/run installs), with the layout kept so a line reads as printed.
 */
export function pdfText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8");
}
