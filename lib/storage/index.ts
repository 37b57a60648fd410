import "server-only";
import { serverEnv } from "@/lib/env";
import { localFolderStore } from "./local-folder-store";
import type { ObjectStore } from "./object-store";
import { s3Store } from "./s3-store";

const globalForStore = globalThis as unknown as { galleryObjectStore?: ObjectStore };

/** The one object store of this process: S3 when S3_BUCKET is set, the upload folder otherwise. */
export function objectStore(): ObjectStore {
  if (globalForStore.galleryObjectStore) return globalForStore.galleryObjectStore;
  const env = serverEnv();
  const store =
    env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? s3Store({
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          keyPrefix: env.S3_KEY_PREFIX,
          timeoutMs: env.S3_TIMEOUT_MS,
        })
      : localFolderStore(env.UPLOAD_DIR);
  globalForStore.galleryObjectStore = store;
  return store;
}

export type { ObjectStore } from "./object-store";
