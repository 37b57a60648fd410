import "server-only";
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { assertSafeKey, ObjectStoreUnavailable, type ObjectStore } from "./object-store";

export { ObjectStoreUnavailable } from "./object-store";

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  keyPrefix: string;
  /** How long one request may take, connecting included, before it is given up (once more, then an error). */
  timeoutMs: number;
};

/** S3-compatible object storage: AWS S3, Cloudflare R2, MinIO, Backblaze B2… */
export function s3Store(settings: S3Settings): ObjectStore {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Checksums only where a service requires them: several S3-compatible stores mishandle the
    // trailing checksums the SDK otherwise adds, and store the body corrupted.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // Without these, a store that accepts the connection and never answers holds the request (a visitor's
    // photograph, a staff upload) for as long as the socket lives: each try is cut at the timeout, and one
    // retry follows a failure.
    // (@smithy/node-http-handler 4.4 and later only warn past requestTimeout unless told to throw.)
    requestHandler: { connectionTimeout: settings.timeoutMs, requestTimeout: settings.timeoutMs, throwOnRequestTimeout: true },
    maxAttempts: 2,
  });
  const description = `S3 bucket ${settings.bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ""}`;
  /** The store's answer, or ObjectStoreUnavailable when it did not give one in time. */
  async function answered<Output>(request: Promise<Output>): Promise<Output> {
    try {
      return await request;
    } catch (error) {
      const said = `${(error as { name?: string }).name ?? ""} ${(error as Error).message ?? ""}`;
      if (/timeout|ECONNREFUSED|ECONNRESET|socket hang up/i.test(said)) throw new ObjectStoreUnavailable(description, error);
      throw error;
    }
  }
  const fullKey = (key: string) => {
    assertSafeKey(key);
    return `${settings.keyPrefix}${key}`;
  };
  async function listFull(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await answered(
        client.send(new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: fullKey(prefix), ContinuationToken: continuationToken })),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
    return keys;
  }
  return {
    description,
    async put(key, body, contentType) {
      await answered(
        client.send(
          new PutObjectCommand({
            Bucket: settings.bucket,
            Key: fullKey(key),
            Body: body,
            ContentType: contentType,
            ContentLength: body.length,
          }),
        ),
      );
    },
    async get(key) {
      try {
        const object = await answered(client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: fullKey(key) })));
        if (!object.Body) return null;
        return {
          body: Buffer.from(await object.Body.transformToByteArray()),
          contentType: object.ContentType ?? "application/octet-stream",
        };
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async deletePrefix(prefix) {
      const keys = await listFull(prefix);
      for (let start = 0; start < keys.length; start += 1000) {
        const batch = keys.slice(start, start + 1000);
        await answered(
          client.send(
            new DeleteObjectsCommand({ Bucket: settings.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
          ),
        );
      }
    },
    async list(prefix) {
      return (await listFull(prefix)).map((key) => key.slice(settings.keyPrefix.length)).sort();
    },
  };
}
