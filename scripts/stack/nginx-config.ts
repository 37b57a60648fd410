/**
 * Renders deploy/nginx/gallery.conf.template with real paths and ports.
 *
 * For a server: `npm run stack:nginx-config -- --server-name gallery.example --listen 80 --root /srv/gallery --runtime /var/lib/gallery/nginx
 *   --upstream 127.0.0.1:3001 --upstream 127.0.0.1:3002 [--access-log /var/log/nginx/gallery-access.log] [--user www-data] > /etc/nginx/gallery.conf`
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type NginxSettings = {
  listen: string;
  /** The site's host name (SITE_URL's): the only one answered. */
  serverName: string;
  /** The project folder: the standalone server is in .next/standalone below it. */
  projectRoot: string;
  /** A writable folder for nginx's pid, logs, temporary files and page cache. */
  runtimeDir: string;
  upstreams: string[];
  /** Where requests are logged (buffered), or undefined for no access log (a local trial, the benchmark). */
  accessLog?: string;
  /** The user nginx's workers run as when its master starts as root (a server: www-data). */
  user?: string;
};

const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

export function renderNginxConfig(settings: NginxSettings): string {
  const template = readFileSync(path.join(import.meta.dirname, "../../deploy/nginx/gallery.conf.template"), "utf8");
  const brotli = existsSync(BROTLI_MODULE);
  const values: Record<string, string> = {
    // Debian's libnginx-mod-http-brotli-static serves the .br copies; without it, the .gz ones.
    LOAD_MODULES: brotli ? `load_module ${BROTLI_MODULE};` : "# (no brotli_static module installed: .gz copies are served)",
    USER: settings.user ? `user ${settings.user};` : "",
    RUNTIME_DIR: settings.runtimeDir,
    MIME_TYPES: "/etc/nginx/mime.types",
    UPSTREAM_SERVERS: settings.upstreams.map((upstream) => `    server ${upstream} max_fails=1 fail_timeout=2s;`).join("\n"),
    LISTEN: settings.listen,
    SERVER_NAME: settings.serverName,
    ACCESS_LOG: settings.accessLog ? `${settings.accessLog} combined buffer=64k flush=5s` : "off",
    STANDALONE_DIR: path.join(settings.projectRoot, ".next/standalone"),
    BROTLI_STATIC: brotli ? "      brotli_static on;" : "",
  };
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The nginx template names an unknown value {{${name}}}`);
    return value;
  });
}

function argumentsNamed(name: string): string[] {
  const values: string[] = [];
  process.argv.forEach((value, index) => {
    if (value === `--${name}` && process.argv[index + 1]) values.push(process.argv[index + 1]!);
  });
  return values;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const upstreams = argumentsNamed("upstream");
  const serverName = argumentsNamed("server-name")[0];
  if (!serverName) {
    console.error("Name the site's host with --server-name (SITE_URL's, e.g. gallery.example): nginx answers for it alone.");
    process.exit(1);
  }
  process.stdout.write(
    renderNginxConfig({
      serverName,
      listen: argumentsNamed("listen")[0] ?? "80",
      projectRoot: path.resolve(argumentsNamed("root")[0] ?? "."),
      runtimeDir: path.resolve(argumentsNamed("runtime")[0] ?? "/var/lib/gallery/nginx"),
      upstreams: upstreams.length > 0 ? upstreams : ["127.0.0.1:3001", "127.0.0.1:3002"],
      accessLog: argumentsNamed("access-log")[0] ?? "/var/log/nginx/gallery-access.log",
      user: argumentsNamed("user")[0] ?? "www-data",
    }),
  );
}
