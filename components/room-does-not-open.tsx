/** What any link that does not open a room shows: nothing about why, nor whether a room was ever there. */
export function RoomDoesNotOpen() {
  return (
    <section aria-labelledby="no-room-heading" className="max-w-2xl">
      <h1 id="no-room-heading" className="text-4xl font-semibold" data-testid="room-refused">
        This link does not open a room
      </h1>
    </section>
  );
}
