"use client";

import "photoswipe/style.css";
import { useEffect } from "react";

/**
 * The full-size view of a work's photographs: PhotoSwipe (keyboard arrows and Escape, pinch, wheel
 * and double-tap zoom, swipe between photographs), loaded only when a visitor opens a photograph, so
 * the page carries none of it until then. Without JavaScript each photograph is a plain link to its
 * largest copy, which the browser shows and zooms itself.
 */
export function PhotographZoom({ galleryId }: { galleryId: string }) {
  useEffect(() => {
    const gallery = document.getElementById(galleryId);
    if (!gallery) return;
    const links = () => [...gallery.querySelectorAll<HTMLAnchorElement>("a[data-zoom]")];
    async function open(event: MouseEvent) {
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[data-zoom]");
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      const all = links();
      const { default: PhotoSwipe } = await import("photoswipe");
      const viewer = new PhotoSwipe({
        dataSource: all.map((item) => ({
          src: item.href,
          width: Number(item.dataset.width),
          height: Number(item.dataset.height),
          alt: item.querySelector("img")?.alt ?? "",
        })),
        index: Math.max(0, all.indexOf(link)),
        wheelToZoom: true,
        bgOpacity: 0.92,
        closeTitle: "Close the full-size view (Escape)",
        zoomTitle: "Zoom in or out",
        arrowPrevTitle: "Previous photograph",
        arrowNextTitle: "Next photograph",
        errorMsg: "This photograph could not be loaded.",
        // Focus goes back to the photograph that was opened.
        returnFocus: true,
      });
      viewer.init();
    }
    gallery.addEventListener("click", open);
    return () => gallery.removeEventListener("click", open);
  }, [galleryId]);
  return null;
}
