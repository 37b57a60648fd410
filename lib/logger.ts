import "server-only";
import pino from "pino";
import { logLevel } from "@/lib/env";

/** Structured logs (pino): one JSON line per event, easy to search on any host. */
export const logger = pino({
  base: undefined,
  level: logLevel(),
  redact: { paths: ["email", "*.email", "password", "*.password"], censor: "[redacted]" },
});
