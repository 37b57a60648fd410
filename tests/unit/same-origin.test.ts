import { describe, expect, it } from "vitest";
import { fromThisSite } from "@/lib/http/same-origin";

const headers = (entries: Record<string, string>) => new Headers({ host: "gallery.test", ...entries });

describe("one same-origin check for every form that changes something", () => {
  it("accepts a post from the site's own page, and refuses one from another site or an opaque origin", () => {
    expect(fromThisSite(headers({ origin: "https://gallery.test" }))).toBe(true);
    expect(fromThisSite(headers({ origin: "https://evil.test" }))).toBe(false);
    expect(fromThisSite(headers({ origin: "null" }))).toBe(false);
  });

  it("without Origin, believes the browser's Sec-Fetch-Site: a cross-site request is refused", () => {
    expect(fromThisSite(headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(fromThisSite(headers({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(fromThisSite(headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(fromThisSite(headers({ "sec-fetch-site": "none" }))).toBe(true);
  });

  it("lets a request with neither header through only when it carries no staff session", () => {
    expect(fromThisSite(headers({}))).toBe(true);
    expect(fromThisSite(headers({ cookie: "enquiry-list=abc" }))).toBe(true);
    expect(fromThisSite(headers({ cookie: "better-auth.session_token=abc.def" }))).toBe(false);
    expect(fromThisSite(headers({ cookie: "theme=dark; __Host-better-auth.session_token=abc.def" }))).toBe(false);
    // With a header, the header decides, as before.
    expect(fromThisSite(headers({ cookie: "better-auth.session_token=abc.def", origin: "https://gallery.test" }))).toBe(true);
  });
});
