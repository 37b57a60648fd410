/** Next.js passes a repeated query key as an array; a filter takes the first value, and "" as none. */
export function firstQueryValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

export type SearchParams = Record<string, string | string[] | undefined>;
