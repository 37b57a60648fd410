/** Public addresses of resized photographs; kept apart from the sharp code so pages don't load it. */
export const PHOTOGRAPH_WIDTHS = [480, 960, 1600] as const;

export function photographUrl(storageKey: string, width: (typeof PHOTOGRAPH_WIDTHS)[number]): string {
  return `/media/photographs/${storageKey}/${width}.webp`;
}
