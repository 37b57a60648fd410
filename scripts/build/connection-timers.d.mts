import type { Socket } from "node:net";

export function keepTimersOutsideRequests(socket: Socket): void;
