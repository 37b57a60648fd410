"use client";

import { useActionState } from "react";
import { addRoomWork, inviteGuest, saveRoomWorkNote, saveViewingRoom } from "@/lib/actions/staff-viewing-rooms";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";
import type { RoomGuestField, RoomWorkField, RoomWorkNoteField, ViewingRoomField } from "@/lib/validations/viewing-rooms";
import { Field, FormStatus } from "@/components/form-field";

export function ViewingRoomForm({
  room,
}: {
  room: { id: string; title: string; introduction: string; showPrices: boolean; expiresOn: string } | null;
}) {
  const [state, action, pending] = useActionState<FormState<ViewingRoomField>, FormData>(saveViewingRoom, IDLE_FORM);
  const value = (field: ViewingRoomField, fallback: string) => state.values[field] ?? fallback;
  return (
    <form action={action} noValidate className="space-y-3 font-sans" aria-label={room ? "The room" : "Make a viewing room"}>
      <FormStatus status={state.status} message={state.message} />
      {room && <input type="hidden" name="roomId" value={room.id} />}
      <Field
        id="room-title"
        name="title"
        label="Title"
        defaultValue={value("title", room?.title ?? "")}
        error={state.fieldErrors.title?.[0]}
        maxLength={200}
        required
      />
      <Field
        id="room-introduction"
        name="introduction"
        label="Introduction (shown at the top of the room)"
        multiline
        rows={4}
        defaultValue={value("introduction", room?.introduction ?? "")}
        error={state.fieldErrors.introduction?.[0]}
        maxLength={5000}
      />
      <Field
        id="room-expires"
        name="expiresOn"
        type="date"
        label="Last day it opens"
        defaultValue={value("expiresOn", room?.expiresOn ?? "")}
        error={state.fieldErrors.expiresOn?.[0]}
        required
      />
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name="showPrices"
          defaultChecked={state.values.showPrices ? state.values.showPrices === "on" : (room?.showPrices ?? true)}
        />
        Show prices in the room
      </label>
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Saving…" : room ? "Save the room" : "Make the room"}
      </button>
    </form>
  );
}

export function AddRoomWorkForm({ roomId }: { roomId: string }) {
  const [state, action, pending] = useActionState<FormState<RoomWorkField>, FormData>(addRoomWork, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3 font-sans" aria-label="Add a work to the room">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="roomId" value={roomId} />
      <Field
        id="room-work"
        name="which"
        label="Catalogue number or web address name"
        hint="Published or not: 42, or 42-second-retreat-from-russia where several works share a number."
        defaultValue={state.values.which}
        error={state.fieldErrors.which?.[0]}
        maxLength={200}
      />
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Adding…" : "Add to the room"}
      </button>
    </form>
  );
}

export function RoomWorkNoteForm({ roomId, entryId, note, label }: { roomId: string; entryId: string; note: string; label: string }) {
  const [state, action, pending] = useActionState<FormState<RoomWorkNoteField>, FormData>(saveRoomWorkNote, IDLE_FORM);
  return (
    <form action={action} noValidate className="mt-2 space-y-2 font-sans text-sm" aria-label={`Note on ${label}`}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="roomId" value={roomId} />
      <input type="hidden" name="entryId" value={entryId} />
      <Field
        id={`room-note-${entryId}`}
        name="note"
        label={`Note to the collector on ${label}`}
        multiline
        rows={2}
        defaultValue={state.values.note ?? note}
        error={state.fieldErrors.note?.[0]}
        maxLength={2000}
      />
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Saving…" : "Save the note"}
      </button>
    </form>
  );
}

export function InviteGuestForm({ roomId }: { roomId: string }) {
  const [state, action, pending] = useActionState<FormState<RoomGuestField>, FormData>(inviteGuest, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3 font-sans" aria-label="Invite a collector">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="roomId" value={roomId} />
      <Field
        id="guest-name"
        name="name"
        label="Collector's name"
        defaultValue={state.values.name}
        error={state.fieldErrors.name?.[0]}
        maxLength={120}
      />
      <Field
        id="guest-email"
        name="email"
        type="email"
        label="Their email address"
        defaultValue={state.values.email}
        error={state.fieldErrors.email?.[0]}
        maxLength={254}
      />
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Inviting…" : "Email them their link"}
      </button>
    </form>
  );
}
