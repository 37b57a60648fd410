import "server-only";
import { serverEnv } from "@/lib/env";

/** Public facts about the site, read once from the validated environment. */
export function siteInfo() {
  const env = serverEnv();
  return { name: env.GALLERY_NAME, url: env.SITE_URL };
}

export function absoluteUrl(pathname: string): string {
  return new URL(pathname, siteInfo().url + "/").toString();
}
