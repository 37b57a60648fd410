import "server-only";
import pino from "pino";

/** Structured logs (pino): one JSON line per event, easy to search on any host. */
export const logger = pino({
  base: undefined,
  level: "info",
  redact: { paths: ["email", "*.email", "password", "*.password"], censor: "[redacted]" },
});
