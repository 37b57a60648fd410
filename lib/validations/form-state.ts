/**
 * The one result every form action returns (staff and public alike share its fields; the enquiry's
 * own state adds its reference), apart from the schemas: the forms import it in the browser, and zod
 * must not come along. Server-side helpers that build it: lib/actions/form-results.ts.
 */
export type FormState<Field extends string = string, Result = undefined> = {
  status: "idle" | "invalid" | "done" | "error";
  message: string;
  fieldErrors: Partial<Record<Field, string[]>>;
  values: Record<string, string>;
  /** What the action produced, where the form shows more than a message (an import's report). */
  result?: Result;
};

export const IDLE_FORM: FormState = { status: "idle", message: "", fieldErrors: {}, values: {} };
