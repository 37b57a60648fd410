/** Public addresses of resized photographs; kept apart from the sharp code so pages don't load it. */
export const PHOTOGRAPH_WIDTHS = [480, 960, 1600] as const;
/** The largest copy, opened by the zoom view (WebP only: AVIF at this size costs seconds per upload). */
export const PHOTOGRAPH_ZOOM_WIDTH = 2400;

export type PhotographFormat = "webp" | "avif";
export type PhotographCopyWidth = (typeof PHOTOGRAPH_WIDTHS)[number] | typeof PHOTOGRAPH_ZOOM_WIDTH;

export function photographUrl(storageKey: string, width: PhotographCopyWidth, format: PhotographFormat = "webp"): string {
  return `/media/photographs/${storageKey}/${width}.${format}`;
}

export function photographSrcSet(storageKey: string, format: PhotographFormat): string {
  return PHOTOGRAPH_WIDTHS.map((width) => `${photographUrl(storageKey, width, format)} ${width}w`).join(", ");
}
