import net from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serverEnv } from "@/lib/env";
import { deletePhotographFiles, PhotographError, readPhotographCopy, storePhotograph } from "@/lib/images/photograph-files";
import { localFolderStore } from "@/lib/storage/local-folder-store";
import type { ObjectStore } from "@/lib/storage/object-store";
import { ObjectStoreUnavailable, s3Store } from "@/lib/storage/s3-store";
import { startS3TestServer, type S3TestServer } from "../support/s3-server";

const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 90, g: 60, b: 40 } } });

let s3: S3TestServer;
const stores: Record<string, () => ObjectStore> = {};

beforeAll(async () => {
  s3 = await startS3TestServer();
  stores["a local folder"] = () => localFolderStore(serverEnv().UPLOAD_DIR);
  stores["S3-compatible object storage"] = () =>
    s3Store({
      bucket: s3.bucket,
      region: "auto",
      endpoint: s3.endpoint,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
      keyPrefix: "site-a/",
      timeoutMs: 5_000,
    });
});

afterAll(async () => {
  await s3.close();
});

describe.each(["a local folder", "S3-compatible object storage"])("storing a photograph in %s", (name) => {
  const store = () => stores[name]!();

  it("keeps the original byte for byte, a WebP and an AVIF copy at each page width and a large WebP for zooming, and serves the copies", async () => {
    const original = await picture(2000, 1500).jpeg().toBuffer();
    const stored = await storePhotograph(original, store());
    expect(stored).toMatchObject({ mimeType: "image/jpeg", width: 2000, height: 1500, hasAvif: true, zoomWidth: 2400 });
    const folder = `photographs/${stored.storageKey}/`;
    expect(await store().list(folder)).toEqual(
      ["1600.avif", "1600.webp", "2400.webp", "480.avif", "480.webp", "960.avif", "960.webp", "original.jpg"].map((file) => folder + file),
    );
    expect((await store().get(`${folder}original.jpg`))?.body.equals(original)).toBe(true);
    const copy = await readPhotographCopy(stored.storageKey, "480.webp", store());
    expect(copy?.contentType).toBe("image/webp");
    expect((await sharp(copy!.body).metadata()).width).toBe(480);
    const avif = await readPhotographCopy(stored.storageKey, "960.avif", store());
    expect(avif?.contentType).toBe("image/avif");
    expect(await sharp(avif!.body).metadata()).toMatchObject({ format: "heif", width: 960 });
    // The zoom copy is never enlarged past the original.
    const zoom = await readPhotographCopy(stored.storageKey, "2400.webp", store());
    expect((await sharp(zoom!.body).metadata()).width).toBe(2000);
    expect(await readPhotographCopy(stored.storageKey, "2400.avif", store())).toBeNull();
    // Only the copies are public, and only under names this module writes.
    expect(await readPhotographCopy(stored.storageKey, "original.jpg", store())).toBeNull();
    expect(await readPhotographCopy("../../etc", "480.webp", store())).toBeNull();
    expect(await readPhotographCopy("0123456789abcdef", "480.webp", store())).toBeNull();

    await deletePhotographFiles(stored.storageKey, store());
    expect(await store().list(folder)).toEqual([]);
    expect(await readPhotographCopy(stored.storageKey, "480.webp", store())).toBeNull();
  });

  it("reports the size a person sees when the camera recorded the picture turned", async () => {
    // Stored 1200 wide and 800 high, with EXIF orientation 6: shown upright it is 800 × 1200.
    const turned = await picture(1200, 800).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const stored = await storePhotograph(turned, store());
    expect([stored.width, stored.height]).toEqual([800, 1200]);
    const copy = await readPhotographCopy(stored.storageKey, "960.webp", store());
    expect(await sharp(copy!.body).metadata()).toMatchObject({ width: 800, height: 1200 });
  });

  it("refuses a file that is not a JPEG, PNG or WebP, whatever its name, and keeps nothing", async () => {
    const before = await store().list("photographs/");
    await expect(storePhotograph(Buffer.from("not a picture at all"), store())).rejects.toBeInstanceOf(PhotographError);
    await expect(storePhotograph(await picture(10, 10).gif().toBuffer(), store())).rejects.toThrow("not a JPEG, PNG or WebP");
    await expect(storePhotograph(Buffer.alloc(0), store())).rejects.toThrow("empty");
    expect(await store().list("photographs/")).toEqual(before);
  });
});

describe("when the object storage is unreachable", () => {
  it("says the photograph was not stored, and nothing is left half-stored", async () => {
    const unreachable = s3Store({
      bucket: "gallery-photographs",
      region: "auto",
      endpoint: "http://127.0.0.1:9",
      accessKeyId: "x",
      secretAccessKey: "y",
      forcePathStyle: true,
      keyPrefix: "",
      timeoutMs: 5_000,
    });
    await expect(storePhotograph(await picture(600, 400).png().toBuffer(), unreachable)).rejects.toThrow(
      /could not be stored.*Nothing was kept/,
    );
  });

  it("a store that takes the connection and never answers is given up within its timeout, with a clear error", async () => {
    // A server that accepts every connection and says nothing: the worst a hung store can do.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const hung = s3Store({
      bucket: "gallery-photographs",
      region: "auto",
      endpoint: `http://127.0.0.1:${port}`,
      accessKeyId: "x",
      secretAccessKey: "y",
      forcePathStyle: true,
      keyPrefix: "",
      timeoutMs: 400,
    });
    const started = performance.now();
    try {
      await expect(hung.get("photographs/any/w640.webp")).rejects.toBeInstanceOf(ObjectStoreUnavailable);
      await expect(hung.get("photographs/any/w640.webp")).rejects.toThrow(/did not answer in time/);
      // Two tries of 400 ms each, twice over, and the SDK's short pause between: seconds, not the socket's lifetime.
      expect(performance.now() - started).toBeLessThan(8_000);
    } finally {
      silent.close();
    }
  });

  it("a bucket that does not exist is refused the same way", async () => {
    const missing = s3Store({
      bucket: "no-such-bucket",
      region: "auto",
      endpoint: s3.endpoint,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
      keyPrefix: "",
      timeoutMs: 5_000,
    });
    await expect(storePhotograph(await picture(600, 400).png().toBuffer(), missing)).rejects.toBeInstanceOf(PhotographError);
  });
});

describe("which store the gallery uses", () => {
  it("is the upload folder when no bucket is configured, and the bucket when one is", async () => {
    const { objectStore } = await import("@/lib/storage");
    expect(objectStore().description).toBe(`local folder ${serverEnv().UPLOAD_DIR}`);

    vi.resetModules();
    delete (globalThis as { galleryObjectStore?: unknown }).galleryObjectStore;
    Object.assign(process.env, {
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    });
    try {
      const fresh = await import("@/lib/storage");
      expect(fresh.objectStore().description).toBe(`S3 bucket ${s3.bucket} at ${s3.endpoint}`);
      const stored = await (await import("@/lib/images/photograph-files")).storePhotograph(await picture(500, 400).png().toBuffer());
      expect(await fresh.objectStore().list(`photographs/${stored.storageKey}/`)).toHaveLength(8); // the original, WebP and AVIF at three widths, the zoom copy
    } finally {
      for (const key of ["S3_BUCKET", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE"])
        delete process.env[key];
      delete (globalThis as { galleryObjectStore?: unknown }).galleryObjectStore;
    }
  });
});
