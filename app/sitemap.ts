import type { MetadataRoute } from "next";
import { listPublicAddresses } from "@/lib/data/catalogue";
import { absoluteUrl } from "@/lib/site";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const addresses = await listPublicAddresses();
  return [
    { url: absoluteUrl("/"), changeFrequency: "weekly", priority: 1 },
    { url: absoluteUrl("/works"), changeFrequency: "weekly", priority: 0.8 },
    ...addresses.exhibitions.map(({ exhibitionSlug }) => ({ url: absoluteUrl(`/exhibitions/${exhibitionSlug}`), priority: 0.9 })),
    ...addresses.sections.map(({ exhibitionSlug, sectionSlug }) => ({
      url: absoluteUrl(`/exhibitions/${exhibitionSlug}/${sectionSlug}`),
      priority: 0.7,
    })),
    ...addresses.artworks.map(({ slug, updatedAt }) => ({ url: absoluteUrl(`/works/${slug}`), lastModified: updatedAt, priority: 0.8 })),
    { url: absoluteUrl("/enquire"), priority: 0.5 },
  ];
}
