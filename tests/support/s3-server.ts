/**
 * S3-compatible object storage for tests: s3rver on 127.0.0.1, with one bucket. The gallery's S3
 * code is tested against a real server speaking the S3 protocol, never a mocked client.
 *
 * Run on its own: `tsx tests/support/s3-server.ts --dir DIR --port PORT --bucket NAME`.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import S3rver from "s3rver";

export type S3TestServer = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  directory: string;
  close: () => Promise<void>;
};

export async function startS3TestServer(options: { bucket?: string; port?: number; directory?: string } = {}): Promise<S3TestServer> {
  const bucket = options.bucket ?? "gallery-photographs";
  const directory = options.directory ?? mkdtempSync(path.join(os.tmpdir(), "gallery-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  // s3rver accepts any request signed with its fixed development credentials.
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    directory,
    close: () => server.close(),
  };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const server = await startS3TestServer({ bucket: argument("bucket"), port: Number(argument("port") ?? 0), directory: argument("dir") });
  console.log(`S3 test server on ${server.endpoint}, bucket ${server.bucket}, data in ${server.directory}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
