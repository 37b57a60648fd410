/**
 * An enquiry exactly as a browser without JavaScript posts it (to ENQUIRY_ENDPOINT, the submit
 * button's formAction): the page's server-action fields, which a refused post is replayed to, a
 * form token issued a while ago, and the collector's answers.
 * Shared by the stack and Vercel tests and the enquiry benchmark.
 */
import { issueFormToken } from "@/lib/enquiries/form-token";

/** The hidden `$ACTION_…` fields a server-action form on the page posts without JavaScript (the enquiry form, the staff sign-in). */
export async function formActionFields(pageUrl: string): Promise<Record<string, string>> {
  const page = await (await fetch(pageUrl)).text();
  const fields: Record<string, string> = {};
  for (const match of page.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g)) {
    fields[match[1]!] = (match[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  }
  if (Object.keys(fields).length === 0) throw new Error(`${pageUrl} has no form action fields`);
  return fields;
}

export type Collector = { artworkSlug: string; name: string; email: string; message: string; questions?: string[] };

export function noJavaScriptEnquiry(actionFields: Record<string, string>, formSigningSecret: string, collector: Collector): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(actionFields)) form.set(key, value);
  form.set("formToken", issueFormToken(formSigningSecret, Date.now() - 10_000));
  form.set("artworkSlug", collector.artworkSlug);
  form.set("name", collector.name);
  form.set("email", collector.email);
  form.set("message", collector.message);
  for (const question of collector.questions ?? []) form.append("questions", question);
  form.set("consent", "on");
  return form;
}

/** Where the enquiry form posts, with or without JavaScript (the submit button's formAction). */
export const ENQUIRY_ENDPOINT = "/api/enquiries";

/**
 * The same enquiry as the form's script sends it: the same fields, asking for the form's state as
 * JSON instead of a redirect.
 */
export function scriptedEnquiry(
  actionFields: Record<string, string>,
  formSigningSecret: string,
  collector: Collector,
): { body: FormData; headers: Record<string, string> } {
  return { body: noJavaScriptEnquiry(actionFields, formSigningSecret, collector), headers: { accept: "application/json" } };
}
