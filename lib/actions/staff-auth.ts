"use server";

import { redirect } from "next/navigation";
import { changeStaffPassword, requireStaff, signInStaff, signOutStaff } from "@/lib/auth/staff-session";
import { changePasswordSchema, signInSchema, type FormState } from "@/lib/validations/staff-forms";
import { failedForm, invalidForm } from "./form-results";

const GENERIC_FAILURE = "That email address and password don't match a staff account.";

export async function signIn(_previous: FormState, formData: FormData): Promise<FormState> {
  const raw = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return invalidForm(parsed.error, "Please fill in both fields.", { email: raw.email });
  const outcome = await signInStaff(parsed.data.email, parsed.data.password);
  if (!outcome.ok) {
    const message =
      outcome.reason === "throttled"
        ? `Too many unsuccessful attempts. Please wait ${outcome.retryAfterMinutes} minute${outcome.retryAfterMinutes === 1 ? "" : "s"} and try again.`
        : GENERIC_FAILURE;
    return failedForm(message, { email: raw.email });
  }
  redirect("/staff");
}

export async function signOut(): Promise<FormState> {
  await requireStaff();
  await signOutStaff();
  redirect("/staff/sign-in?signed-out=1");
}

export async function changePassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const staff = await requireStaff();
  const parsed = changePasswordSchema.safeParse(
    Object.fromEntries(["currentPassword", "newPassword", "confirmPassword"].map((key) => [key, String(formData.get(key) ?? "")])),
  );
  if (!parsed.success) return invalidForm(parsed.error, "Please correct the fields marked below.");
  const result = await changeStaffPassword(staff, parsed.data.currentPassword, parsed.data.newPassword);
  if (typeof result === "object") {
    const minutes = result.retryAfterMinutes;
    return failedForm(`Too many wrong current passwords. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`);
  }
  if (result === "wrong-password") {
    return {
      status: "invalid",
      message: "Please correct the fields marked below.",
      fieldErrors: { currentPassword: ["That is not your current password"] },
      values: {},
    };
  }
  // better-auth rotates the session on a password change: a fresh request carries the new cookie.
  redirect("/staff/account?password-changed=1");
}
