import { z } from "zod";

const id = z.string().min(1).max(64);
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** A room's title, introduction, prices shown or not, and the day it stops opening (the gallery's date). */
export const viewingRoomSchema = z.object({
  roomId: id.optional(),
  title: z.string().trim().min(1, "Give the room a title").max(200, "At most 200 characters"),
  introduction: z.string().trim().max(5000, "At most 5,000 characters"),
  showPrices: checkbox,
  expiresOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the last day the room opens, such as 2027-01-31"),
});
export type ViewingRoomField = keyof z.input<typeof viewingRoomSchema>;

export const roomWorkSchema = z.object({
  roomId: id,
  which: z.string().trim().min(1, "Type the work's catalogue number or its web address name").max(200),
});
export type RoomWorkField = keyof z.input<typeof roomWorkSchema>;

export const roomWorkNoteSchema = z.object({ roomId: id, entryId: id, note: z.string().trim().max(2000, "At most 2,000 characters") });
export type RoomWorkNoteField = keyof z.input<typeof roomWorkNoteSchema>;

export const roomWorkMoveSchema = z.object({ roomId: id, entryId: id, direction: z.enum(["up", "down", "remove"]) });

export const roomGuestSchema = z.object({
  roomId: id,
  name: z.string().trim().min(1, "Give the collector's name").max(120, "At most 120 characters"),
  email: z.email("Give the collector's email address, such as anna@example.com").max(254),
});
export type RoomGuestField = keyof z.input<typeof roomGuestSchema>;

export const roomGuestRevokeSchema = z.object({ roomId: id, guestId: id });
export const roomCloseSchema = z.object({ roomId: id });

/** A guest's enquiry from inside the room: the works ticked, and who is asking. */
export const roomEnquirySchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  works: z.array(id).min(1, "Tick at least one work").max(50),
});
