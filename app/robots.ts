import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/http/site";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/staff", "/api/"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
