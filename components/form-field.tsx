import type { ReactNode } from "react";

type Props = {
  id: string;
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  defaultValue?: string;
  type?: "text" | "email" | "tel" | "password" | "number" | "date" | "search" | "time";
  multiline?: boolean;
  rows?: number;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  step?: string;
};

/** A labelled field whose hint and error are tied to it with aria-describedby. */
export function Field({
  id,
  name,
  label,
  error,
  hint,
  defaultValue,
  type = "text",
  multiline,
  rows = 5,
  autoComplete,
  required,
  maxLength,
  step,
}: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const shared = {
    id,
    name,
    defaultValue,
    className: "field-input",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": required ? true : undefined,
    autoComplete,
    maxLength,
    "data-field": name,
  } as const;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? <textarea {...shared} rows={rows} /> : <input {...shared} type={type} step={step} />}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The live region every staff form announces its outcome in. */
export function FormStatus({ status, message }: { status: string; message: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={message ? `border-l-4 bg-white p-3 font-sans ${status === "done" ? "border-ok" : "border-alert"}` : "sr-only"}
    >
      {message}
    </p>
  );
}

/** A file to upload, with its label and a hint saying what it takes. */
export function FileField({ id, name, label, accept, hint }: { id: string; name: string; label: string; accept: string; hint: string }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input id={id} name={name} type="file" accept={accept} aria-describedby={`${id}-hint`} className="mt-1 block" />
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  );
}
