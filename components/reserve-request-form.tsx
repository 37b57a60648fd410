"use client";

import { CollectorContactForm } from "@/components/collector-contact-form";
import { askToReserveAction } from "@/lib/actions/reserve-requests";

/** "Reserve for 48 hours": a name and an address; the emailed link confirms it. */
export function ReserveRequestForm({ artworkSlug, hours }: { artworkSlug: string; hours: number }) {
  return (
    <CollectorContactForm
      action={askToReserveAction}
      artworkSlug={artworkSlug}
      idPrefix="reserve"
      headingId="reserve-heading"
      nameLabel="Your name"
      nameRequired
      button={`Reserve for ${hours} hours`}
    />
  );
}
