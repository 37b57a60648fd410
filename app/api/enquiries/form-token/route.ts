import { issueFormToken } from "@/lib/enquiries/form-token";
import { serverEnv } from "@/lib/env";

/** A fresh form token for forms on pre-rendered pages, whose built-in token dates from the build. */
export function GET() {
  return Response.json({ token: issueFormToken(serverEnv().FORM_SIGNING_SECRET) }, { headers: { "Cache-Control": "no-store" } });
}
