"use server";

import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import {
  addWorkToRoom,
  closeViewingRoom,
  createViewingRoom,
  inviteRoomGuest,
  moveRoomWork,
  removeRoomWork,
  revokeRoomGuest,
  setRoomWorkNote,
  updateViewingRoom,
} from "@/lib/data/staff/viewing-rooms";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import { serverEnv } from "@/lib/env";
import { addDays, galleryTimeToInstant } from "@/lib/time/gallery-time";
import type { FormState } from "@/lib/validations/form-state";
import {
  roomCloseSchema,
  roomGuestRevokeSchema,
  roomGuestSchema,
  roomWorkMoveSchema,
  roomWorkNoteSchema,
  roomWorkSchema,
  viewingRoomSchema,
  type RoomGuestField,
  type RoomWorkField,
  type RoomWorkNoteField,
  type ViewingRoomField,
} from "@/lib/validations/viewing-rooms";
import { NOT_UNDERSTOOD } from "@/lib/validations/staff-forms";
import { failedForm, invalidForm, typedValues } from "@/lib/actions/form-results";
import { withNotice } from "@/lib/staff/notices";

const ROOM_GONE = "That viewing room is no longer there. Nothing was changed.";
const roomPath = (id: string) => `/staff/rooms/${id}`;

export async function saveViewingRoom(_previous: FormState<ViewingRoomField>, formData: FormData): Promise<FormState<ViewingRoomField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = viewingRoomSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The room was not saved: please see below.", values);
  const { roomId, expiresOn, ...fields } = parsed.data;
  // Open to the end of the day named, in the gallery's clock.
  const expiresAt = galleryTimeToInstant(addDays(expiresOn, 1), "00:00", serverEnv().GALLERY_TIME_ZONE);
  if (expiresAt.getTime() <= Date.now())
    return {
      status: "invalid",
      message: "The room was not saved: please see below.",
      fieldErrors: { expiresOn: ["That day has passed: give a day to come"] },
      values,
    };
  if (roomId) {
    if (!(await updateViewingRoom(permit.staff, roomId, { ...fields, expiresAt }))) return failedForm(ROOM_GONE, values);
    redirect(withNotice(roomPath(roomId), "rooms", "saved"));
  }
  const id = await createViewingRoom(permit.staff, { ...fields, expiresAt });
  redirect(withNotice(roomPath(id), "rooms", "made"));
}

export async function addRoomWork(_previous: FormState<RoomWorkField>, formData: FormData): Promise<FormState<RoomWorkField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = roomWorkSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "No work was added: please see below.", values);
  const outcome = await addWorkToRoom(permit.staff, parsed.data.roomId, parsed.data.which);
  if (!outcome.added) {
    if (outcome.reason === "no_room") return failedForm(ROOM_GONE, values);
    const message =
      outcome.reason === "several"
        ? `Several works have that number: type one of ${outcome.slugs.join(", ")}`
        : outcome.reason === "already"
          ? "That work is in the room already"
          : "No work has that catalogue number or web address name";
    return { status: "invalid", message: "No work was added: please see below.", fieldErrors: { which: [message] }, values };
  }
  redirect(withNotice(roomPath(parsed.data.roomId), "rooms", "workAdded"));
}

export async function saveRoomWorkNote(_previous: FormState<RoomWorkNoteField>, formData: FormData): Promise<FormState<RoomWorkNoteField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = roomWorkNoteSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The note was not saved: please see below.", values);
  if (!(await setRoomWorkNote(permit.staff, parsed.data.roomId, parsed.data.entryId, parsed.data.note)))
    return failedForm(ROOM_GONE, values);
  redirect(withNotice(roomPath(parsed.data.roomId), "rooms", "note"));
}

export async function arrangeRoomWork(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = roomWorkMoveSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const { roomId, entryId, direction } = parsed.data;
  const done =
    direction === "remove"
      ? await removeRoomWork(permit.staff, roomId, entryId)
      : await moveRoomWork(permit.staff, roomId, entryId, direction);
  if (!done) return failedForm(direction === "remove" ? "That work was taken out already." : "It is at that end already.");
  redirect(withNotice(roomPath(roomId), "rooms", direction === "remove" ? "removed" : "moved"));
}

export async function inviteGuest(_previous: FormState<RoomGuestField>, formData: FormData): Promise<FormState<RoomGuestField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = roomGuestSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "Nobody was invited: please see below.", values);
  const outcome = await inviteRoomGuest(permit.staff, parsed.data.roomId, parsed.data);
  if (!outcome.invited)
    return failedForm(outcome.reason === "closed" ? "The room is closed or has expired: change its last day first." : ROOM_GONE, values);
  deliverAfterResponse([outcome.outboxId]);
  redirect(withNotice(roomPath(parsed.data.roomId), "rooms", "invited"));
}

export async function revokeGuest(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = roomGuestRevokeSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  if (!(await revokeRoomGuest(permit.staff, parsed.data.roomId, parsed.data.guestId)))
    return failedForm("That link was withdrawn already.");
  redirect(withNotice(roomPath(parsed.data.roomId), "rooms", "revoked"));
}

export async function closeRoom(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = roomCloseSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  if (!(await closeViewingRoom(permit.staff, parsed.data.roomId))) return failedForm("The room was closed already.");
  redirect(withNotice(roomPath(parsed.data.roomId), "rooms", "closed"));
}
