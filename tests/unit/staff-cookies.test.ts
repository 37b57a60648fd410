import { getCookies } from "better-auth/cookies";
import { describe, expect, it } from "vitest";
import { staffCookieSettings } from "@/lib/auth/auth";

describe("staff cookies", () => {
  it("are __Host- cookies over https: Secure, for the whole site, for this host alone", () => {
    const cookies = getCookies({ baseURL: "https://gallery.example", advanced: staffCookieSettings(true) });
    for (const cookie of Object.values(cookies)) {
      expect(cookie.name).toMatch(/^__Host-better-auth\./);
      expect(cookie.attributes).toMatchObject({ secure: true, path: "/", httpOnly: true, sameSite: "lax" });
      expect(cookie.attributes).not.toHaveProperty("domain");
    }
    expect(cookies.sessionToken.name).toBe("__Host-better-auth.session_token");
  });

  it("keep their plain names over http on this machine, where a browser would refuse a __Host- cookie", () => {
    const cookies = getCookies({ baseURL: "http://127.0.0.1:3000", advanced: staffCookieSettings(false) });
    expect(cookies.sessionToken.name).toBe("better-auth.session_token");
    expect(cookies.sessionToken.attributes).toMatchObject({ secure: false, path: "/", httpOnly: true });
  });
});

describe("the proxy's quick check for a staff session", () => {
  it("lets a staff page through with the session cookie by either name, and sends anyone without one to sign in", async () => {
    const { NextRequest } = await import("next/server");
    const { proxy } = await import("@/proxy");
    const visit = (cookie?: string) =>
      proxy(new NextRequest("https://gallery.example/staff/enquiries", cookie ? { headers: { cookie } } : {}));
    for (const cookie of ["__Host-better-auth.session_token=abc.def", "better-auth.session_token=abc.def"]) {
      const response = await visit(cookie);
      expect(response.headers.get("location"), cookie).toBeNull();
    }
    const anonymous = await visit();
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("https://gallery.example/staff/sign-in");
  });

  it("sends a stranger's post to a staff page to sign in without reading a byte of its body", async () => {
    const { NextRequest } = await import("next/server");
    const { proxy } = await import("@/proxy");
    let bytesAskedFor = 0;
    // No high-water mark: the stream is pulled only when someone reads it.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          bytesAskedFor += 64 * 1024;
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      },
      { highWaterMark: 0 },
    );
    const post = new NextRequest("https://gallery.example/staff/works", {
      method: "POST",
      body,
      duplex: "half",
      headers: {
        host: "gallery.example",
        origin: "https://gallery.example",
        "content-type": "multipart/form-data; boundary=x",
        "content-length": "200000",
      },
    } as ConstructorParameters<typeof NextRequest>[1]);
    const response = await proxy(post);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("https://gallery.example/staff/sign-in");
    expect(bytesAskedFor).toBe(0);
  });
});

describe("a disabled account's refusal", () => {
  it("does a real password check's work, against a hash made as every account's is, and never matches", async () => {
    const { hashStaffPassword } = await import("@/lib/passwords/password-hashing");
    const { decoyPasswordHash, spendPasswordCheckTime } = await import("@/lib/auth/equal-time");
    // The same scheme and cost as a real account's hash (Argon2id: "$argon2id$v=19$m=…,t=…,p=…$salt$key", of equal lengths).
    const scheme = (hash: string) => hash.split("$").map((part, index) => (index < 4 ? part : part.length));
    expect(scheme(await decoyPasswordHash())).toEqual(scheme(await hashStaffPassword("the account's own password")));
    for (const guess of ["a guess", "", "a decoy that no account has, checked for its time alone".toUpperCase()]) {
      expect(await spendPasswordCheckTime(guess)).toBe(false);
    }
  });
});
