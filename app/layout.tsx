import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { EnquiryListScript } from "@/components/enquiry-list-script";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getCurrentExhibition } from "@/lib/catalogue-cache/cached-catalogue";
import { siteInfo } from "@/lib/http/site";
import "./globals.css";

const sourceSerif = localFont({
  src: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
  style: "normal",
  weight: "200 900",
  variable: "--font-source-serif",
  display: "swap",
});

// Only the curator's note, below the fold of an artwork page, is set in italic: its 51 KB are fetched
// when a page uses them, not preloaded by every page ahead of what the visitor came for.
const sourceSerifItalic = localFont({
  src: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
  style: "italic",
  weight: "200 900",
  variable: "--font-source-serif-italic",
  display: "swap",
  preload: false,
});

export function generateMetadata(): Metadata {
  const site = siteInfo();
  return {
    metadataBase: new URL(site.url),
    title: { default: site.name, template: `%s | ${site.name}` },
    description: `${site.name}: online exhibitions of drawings and paintings, with enquiries answered by the gallery.`,
    openGraph: { siteName: site.name, type: "website", locale: "en_GB" },
  };
}

export const viewport: Viewport = { themeColor: "#faf8f4" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const site = siteInfo();
  const exhibition = await getCurrentExhibition();
  return (
    <html lang="en-GB" className={`${sourceSerif.variable} ${sourceSerifItalic.variable}`}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only z-50 bg-ink px-4 py-2 font-sans text-paper focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
        >
          Skip to content
        </a>
        <SiteHeader galleryName={site.name} exhibition={exhibition ? { slug: exhibition.slug, title: exhibition.title } : null} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-5 pb-16 pt-8 sm:px-8 focus:outline-none">
          {children}
        </main>
        <SiteFooter galleryName={site.name} />
        <EnquiryListScript />
      </body>
    </html>
  );
}
