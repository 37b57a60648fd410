"use client";

import { useActionState, type ReactNode } from "react";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
};

/**
 * A one-button staff form (publish, move, retry, remove, sign out). Success goes to the page that
 * shows the change; when the action refuses (the object is gone, the form was tampered with), its
 * message appears beside the button and is announced. Works without JavaScript: the page comes back
 * with the same message.
 */
export function ActionForm({ action, children, className }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE_FORM);
  return (
    <form action={formAction} className={className} aria-busy={pending || undefined}>
      {children}
      {state.status === "error" && (
        <span role="alert" className="ml-2 font-sans text-sm text-alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
