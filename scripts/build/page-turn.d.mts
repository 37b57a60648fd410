import type { IncomingMessage, ServerResponse } from "node:http";

export const BUSY_PAGE: Buffer;
export const RETRY_AFTER_SECONDS: number;

export type PageTurn = {
  pass(request: IncomingMessage, response: ServerResponse): unknown;
  sweep(): void;
  takeBusyCount(): number;
  readonly waiting: number;
};

export function createPageTurn(options: {
  handle: (request: IncomingMessage, response: ServerResponse) => unknown;
  pagesAtOnce?: number;
  waitLimitMs?: number;
  waitingLimit?: number;
  now?: () => number;
}): PageTurn;
