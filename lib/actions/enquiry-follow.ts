"use server";

import { redirect } from "next/navigation";
import { addFollowUp, askErasureThroughFollowLink, FOLLOW_UPS_PER_DAY, withdrawErasureThroughFollowLink } from "@/lib/data/enquiry-follow";
import { followPath } from "@/lib/enquiries/link-token";
import { serverEnv } from "@/lib/env";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import {
  followErasureSchema,
  followKeepSchema,
  followUpSchema,
  type FollowErasureField,
  type FollowUpField,
} from "@/lib/validations/enquiry-follow";
import type { FormState } from "@/lib/validations/form-state";
import { failedForm, invalidForm } from "./form-results";

function linkNoLongerWorks(values: Record<string, string> = {}): FormState {
  return failedForm(
    `This link no longer opens an enquiry (it has expired, or the gallery has withdrawn it), so nothing was sent. Please write to ${serverEnv().GALLERY_EMAIL}.`,
    values,
  );
}

export async function sendFollowUp(_previous: FormState<FollowUpField>, formData: FormData): Promise<FormState<FollowUpField>> {
  const raw = { token: String(formData.get("token") ?? ""), message: String(formData.get("message") ?? "") };
  const parsed = followUpSchema.safeParse(raw);
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.path[0] === "token")) return linkNoLongerWorks({ message: raw.message });
    return invalidForm(parsed.error, "Your message was not sent: please see below.", { message: raw.message });
  }
  const outcome = await addFollowUp(parsed.data.token, parsed.data.message);
  if (!outcome.stored) {
    if (outcome.reason === "no_enquiry") return linkNoLongerWorks({ message: raw.message });
    return failedForm(
      `You have added ${FOLLOW_UPS_PER_DAY} messages to this enquiry today, so this one was not sent. The gallery will answer them together; please write again tomorrow, or to ${serverEnv().GALLERY_EMAIL}.`,
      { message: raw.message },
    );
  }
  deliverAfterResponse(outcome.outboxIds);
  redirect(`${followPath(parsed.data.token)}?notice=sent`);
}

export async function eraseMyDetails(_previous: FormState<FollowErasureField>, formData: FormData): Promise<FormState<FollowErasureField>> {
  const parsed = followErasureSchema.safeParse({
    token: String(formData.get("token") ?? ""),
    confirm: formData.get("confirm") ?? undefined,
  });
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.path[0] === "token")) return linkNoLongerWorks();
    return invalidForm(parsed.error, "Nothing was erased: please confirm first.");
  }
  const asked = await askErasureThroughFollowLink(parsed.data.token);
  if (!asked) return linkNoLongerWorks();
  redirect(`${followPath(parsed.data.token)}?notice=erasure-asked`);
}

export async function keepMyDetails(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = followKeepSchema.safeParse({ token: String(formData.get("token") ?? "") });
  if (!parsed.success) return linkNoLongerWorks();
  const withdrawn = await withdrawErasureThroughFollowLink(parsed.data.token);
  if (withdrawn === null) return linkNoLongerWorks();
  redirect(`${followPath(parsed.data.token)}?notice=${withdrawn ? "erasure-withdrawn" : "nothing-to-withdraw"}`);
}
