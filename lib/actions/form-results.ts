import "server-only";
import { z } from "zod";
import type { FormState } from "@/lib/validations/form-state";

/**
 * Builders for the shared FormState, so every action answers the same way: what went wrong in a
 * sentence, the mistakes beside their fields, and what was typed kept. Never a thrown error for
 * input a person or a tampered form sent.
 */
export function invalidForm<Field extends string>(
  error: z.ZodError,
  message: string,
  values: Record<string, string> = {},
): FormState<Field> {
  return { status: "invalid", message, fieldErrors: z.flattenError(error).fieldErrors as FormState<Field>["fieldErrors"], values };
}

export function failedForm(message: string, values: Record<string, string> = {}): FormState {
  return { status: "error", message, fieldErrors: {}, values };
}

export function doneForm(message: string, values: Record<string, string> = {}): FormState {
  return { status: "done", message, fieldErrors: {}, values };
}

/** The form's typed text fields, to show them again (never files, never Next.js's own $ACTION fields). */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}
