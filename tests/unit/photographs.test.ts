import { readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { serverEnv } from "@/lib/env";
import { PhotographError, storePhotograph } from "@/lib/images/photographs";

const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 90, g: 60, b: 40 } } });

describe("storing a photograph", () => {
  it("keeps the original and writes a WebP copy at each page width", async () => {
    const stored = await storePhotograph(await picture(2000, 1500).jpeg().toBuffer());
    expect(stored).toMatchObject({ mimeType: "image/jpeg", width: 2000, height: 1500 });
    const folder = path.join(serverEnv().UPLOAD_DIR, "photographs", stored.storageKey);
    expect(readdirSync(folder).sort()).toEqual(["1600.webp", "480.webp", "960.webp", "original.jpg"]);
    expect((await sharp(path.join(folder, "480.webp")).metadata()).width).toBe(480);
  });

  it("reports the size a person sees when the camera recorded the picture turned", async () => {
    // Stored 1200 wide and 800 high, with EXIF orientation 6: shown upright it is 800 × 1200.
    const turned = await picture(1200, 800).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const stored = await storePhotograph(turned);
    expect([stored.width, stored.height]).toEqual([800, 1200]);
    const copy = path.join(serverEnv().UPLOAD_DIR, "photographs", stored.storageKey, "960.webp");
    expect(await sharp(copy).metadata()).toMatchObject({ width: 800, height: 1200 });
  });

  it("refuses a file that is not a JPEG, PNG or WebP, whatever its name, and keeps nothing", async () => {
    const before = readdirSync(path.join(serverEnv().UPLOAD_DIR, "photographs")).length;
    await expect(storePhotograph(Buffer.from("not a picture at all"))).rejects.toBeInstanceOf(PhotographError);
    await expect(storePhotograph(await picture(10, 10).gif().toBuffer())).rejects.toThrow("not a JPEG, PNG or WebP");
    await expect(storePhotograph(Buffer.alloc(0))).rejects.toThrow("empty");
    expect(readdirSync(path.join(serverEnv().UPLOAD_DIR, "photographs"))).toHaveLength(before);
  });
});
