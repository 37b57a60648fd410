import type { Metadata } from "next";
import { ArtworkVisual } from "@/components/artwork-visual";
import { Paragraphs } from "@/components/paragraphs";
import { ViewingRoomEnquiryForm } from "@/components/viewing-room-enquiry-form";
import { workLabel } from "@/lib/catalogue/describe";
import { openViewingRoom } from "@/lib/data/viewing-rooms";
import { issuePageFormToken } from "@/lib/enquiries/form-token";
import { serverEnv } from "@/lib/env";
import { galleryDate } from "@/lib/time/gallery-time";
import { RoomDoesNotOpen } from "@/components/room-does-not-open";

// One guest's room: drawn per visit, never cached or indexed, the link's token never sent to another site.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your viewing room", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }> };

export default async function ViewingRoomPage({ params }: Props) {
  const { token } = await params;
  const room = await openViewingRoom(token);
  if (!room) return <RoomDoesNotOpen />;
  return (
    <>
      <p className="eyebrow">A private viewing room for {room.guestName}</p>
      <h1 className="mt-2 text-4xl font-semibold">{room.title}</h1>
      {room.introduction && <Paragraphs text={room.introduction} className="mt-4 max-w-3xl text-lg" />}
      <p className="mt-3 font-sans text-sm text-ink-soft">
        Open until {galleryDate(room.expiresAt)} ·{" "}
        <a href={`/rooms/${token}/tear-sheets`} data-testid="room-tear-sheets">
          Tear sheets (PDF)
        </a>
      </p>
      <ul className="mt-10 grid gap-10 sm:grid-cols-2 lg:grid-cols-3">
        {room.works.map(({ work, note, price, availability }) => (
          <li key={work.id} data-testid="room-work">
            {/* A plain link, not next/link: its prefetch would count as the guest opening the work. */}
            <a href={`/rooms/${token}/works/${work.slug}`} className="block no-underline hover:underline">
              <ArtworkVisual
                photograph={work.photograph}
                dimensions={work.dimensions}
                // The link's own text names the work: the picture beside it is not said twice (as the catalogue's cards).
                label={null}
                sizes="(min-width: 1024px) 22rem, (min-width: 640px) 45vw, 90vw"
                className="aspect-[4/3] w-full"
              />
              <span className="mt-3 block text-lg font-semibold">{workLabel(work)}</span>
            </a>
            <p className="font-sans text-sm text-ink-soft">
              {work.technique ?? work.category}
              {work.year ? `, ${work.year}` : ""} · {availability}
              {price ? ` · ${price}` : ""}
            </p>
            {note && <p className="mt-2 italic">{note}</p>}
          </li>
        ))}
      </ul>
      {room.works.length > 0 && (
        <section aria-labelledby="room-enquiry-heading" className="mt-14 max-w-2xl border-t border-rule pt-8">
          <h2 id="room-enquiry-heading" className="text-2xl font-semibold">
            Ask about these works
          </h2>
          <p className="mt-2 mb-6 font-sans text-sm text-ink-soft">
            Tick the works you would like to know more about, to see, or to reserve; one enquiry goes to the gallery for them all.
          </p>
          <ViewingRoomEnquiryForm
            token={token}
            formToken={issuePageFormToken(serverEnv().FORM_SIGNING_SECRET)}
            works={room.works.map(({ work }) => ({ id: work.id, label: workLabel(work) }))}
            guestName={room.guestName}
          />
        </section>
      )}
    </>
  );
}
