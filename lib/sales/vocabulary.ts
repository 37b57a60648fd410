/** The sale's words: why a hold ended, where an availability alert came from. */

export const HOLD_END_REASONS = ["released", "expired", "sold"] as const;
export type HoldEndReason = (typeof HOLD_END_REASONS)[number];

export const HOLD_END_LABELS: Record<HoldEndReason, string> = {
  released: "Released by staff",
  expired: "Ran out",
  sold: "Sold",
};

export function isHoldEndReason(value: string): value is HoldEndReason {
  return (HOLD_END_REASONS as readonly string[]).includes(value);
}

export const ALERT_SOURCES = ["page", "enquiry"] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export function isAlertSource(value: string): value is AlertSource {
  return (ALERT_SOURCES as readonly string[]).includes(value);
}
