/** Where a search result's matched words are: text between these marks (never HTML, so nothing can be injected). */
export const MATCH_START = "\u0001";
export const MATCH_END = "\u0002";
