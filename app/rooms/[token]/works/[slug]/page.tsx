import type { Metadata } from "next";
import { ArtworkPhotographs } from "@/components/artwork-photographs";
import { Paragraphs } from "@/components/paragraphs";
import { artistWithDates, workLabel } from "@/lib/catalogue/describe";
import { formatBothUnits } from "@/lib/catalogue/sizes";
import { openViewingRoomWork } from "@/lib/data/viewing-rooms";
import { RoomDoesNotOpen } from "@/components/room-does-not-open";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "A work in your viewing room",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

type Props = { params: Promise<{ token: string; slug: string }> };

export default async function ViewingRoomWorkPage({ params }: Props) {
  const { token, slug } = await params;
  const opened = await openViewingRoomWork(token, slug);
  if (!opened) return <RoomDoesNotOpen />;
  const { work, note, price, availability, roomTitle, onSite } = opened;
  return (
    <>
      <p className="font-sans text-sm">
        <a href={`/rooms/${token}`}>← {roomTitle}</a>
      </p>
      <div className="mt-6 grid gap-10 lg:grid-cols-[3fr_2fr]">
        <ArtworkPhotographs photographs={work.photographs} dimensions={work.dimensions} fallbackAlt={workLabel(work)} />
        <div>
          <h1 className="text-3xl font-semibold">{workLabel(work)}</h1>
          <p className="mt-1">by {artistWithDates(work.artist)}</p>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-sans text-sm">
            <dt className="text-ink-soft">Medium</dt>
            <dd>{work.technique ?? work.category}</dd>
            {work.dimensions.map((dimension) => (
              <div key={dimension.kind} className="contents">
                <dt className="text-ink-soft">{dimension.kind === "image" ? "Image" : dimension.kind === "framed" ? "Framed" : "Size"}</dt>
                <dd>{formatBothUnits(dimension)}</dd>
              </div>
            ))}
            {work.signature && (
              <>
                <dt className="text-ink-soft">Signed</dt>
                <dd>{work.signature}</dd>
              </>
            )}
            <dt className="text-ink-soft">Availability</dt>
            <dd>{availability}</dd>
            {price && (
              <>
                <dt className="text-ink-soft">Price</dt>
                <dd data-testid="room-work-price">{price}</dd>
              </>
            )}
          </dl>
          {note && <p className="mt-4 border-l-2 border-accent pl-4 italic">{note}</p>}
          {work.description && <Paragraphs text={work.description} className="mt-6" />}
          <p className="mt-6 font-sans text-sm">
            <a href={`/rooms/${token}#room-enquiry-heading`}>Ask about it from the room</a>
            {onSite && work.availability === "available" && (
              <>
                {" "}
                · <a href={`/works/${work.slug}#offer`}>Make an offer or ask to reserve it, on its page</a>
              </>
            )}
          </p>
        </div>
      </div>
    </>
  );
}
