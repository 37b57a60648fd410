import "server-only";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertSafeKey, type ObjectStore } from "./object-store";

const CONTENT_TYPES: Record<string, string> = { ".webp": "image/webp", ".jpg": "image/jpeg", ".png": "image/png" };

/** Files under one folder on the local disk: a Node server's default, nothing to set up. */
export function localFolderStore(root: string): ObjectStore {
  const fileFor = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key);
  };
  return {
    description: `local folder ${root}`,
    async put(key, body) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written beside and renamed would be safer against a crash mid-write, but a half-written
      // photograph is never referenced: the database row is written only after every file is stored.
      await writeFile(file, body);
    },
    async get(key) {
      try {
        const body = await readFile(fileFor(key));
        return { body, contentType: CONTENT_TYPES[path.extname(key)] ?? "application/octet-stream" };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async deletePrefix(prefix) {
      await rm(fileFor(prefix), { recursive: true, force: true });
    },
    async list(prefix) {
      try {
        const entries = await readdir(fileFor(prefix), { recursive: true, withFileTypes: true });
        return entries
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
          .sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
    },
  };
}
