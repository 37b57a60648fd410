"use client";

import { CollectorContactForm } from "@/components/collector-contact-form";
import { askToBeToldAction } from "@/lib/actions/availability-alerts";

/** On a reserved or sold work: leave an address to hear, once, if it becomes available. */
export function AvailabilityAlertForm({ artworkSlug }: { artworkSlug: string }) {
  return (
    <CollectorContactForm
      action={askToBeToldAction}
      artworkSlug={artworkSlug}
      idPrefix="alert"
      headingId="alert-heading"
      nameLabel="Your name (optional)"
      nameRequired={false}
      button="Tell me if it becomes available"
    />
  );
}
