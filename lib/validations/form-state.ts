/**
 * The state every staff form's action returns, apart from the schemas (lib/validations/staff-forms.ts
 * re-exports it): the forms import it in the browser, and zod must not come along.
 */
export type FormState<Field extends string = string> = {
  status: "idle" | "invalid" | "done" | "error";
  message: string;
  fieldErrors: Partial<Record<Field, string[]>>;
  values: Record<string, string>;
};

export const IDLE_FORM: FormState = { status: "idle", message: "", fieldErrors: {}, values: {} };
