/**
 * A viewing's calendar invitation (iCalendar, RFC 5545), made with ical-generator: collectors' mail
 * programs offer to add it to their calendar. Times are written in UTC, which every calendar reads.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export type ViewingInvitation = {
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  galleryName: string;
  galleryEmail: string;
  galleryAddress: string;
  collectorEmail: string;
  summary: string;
  description: string;
  cancelUrl: string;
  siteHost: string;
};

export function viewingInvitation(viewing: ViewingInvitation): string {
  const calendar = ical({
    name: viewing.galleryName,
    method: ICalCalendarMethod.REQUEST,
    prodId: { company: viewing.galleryName, product: "viewings" },
  });
  calendar.createEvent({
    id: `${viewing.bookingId}@${viewing.siteHost}`,
    start: viewing.startsAt,
    end: viewing.endsAt,
    summary: viewing.summary,
    description: viewing.description,
    location: viewing.galleryAddress || viewing.galleryName,
    url: viewing.cancelUrl,
    status: ICalEventStatus.CONFIRMED,
    organizer: { name: viewing.galleryName, email: viewing.galleryEmail },
    attendees: [{ email: viewing.collectorEmail }],
  });
  return calendar.toString();
}
