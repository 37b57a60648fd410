/**
 * The layering of lib/, kept by `npm run lint` (dependency-cruiser). README.md, "Layout", says the
 * same in a table. From the bottom up:
 *   settings   lib/env.ts, lib/logger.ts                       import nothing else of lib/
 *   domain     pure rules: no database, no Next.js, no I/O      import settings and other domain folders
 *   services   ways out of the process (database client, object store, SMTP, image files, HTTP helpers,
 *              uploaded archives and workbooks, the gallery's mailbox)
 *                                                               import settings and domain
 *   data       lib/data, the only holder of the database      imports services, domain, settings; plain Node
 *   glue       actions, route bodies, the session, the caches, jobs: everything Next.js-specific
 *                                                               imports any layer below
 *   app/, components/, scripts/ sit above lib/; tests/ may reach anything.
 */
const SETTINGS = "^lib/(env|logger)\\.ts$";
const DOMAIN = "^lib/(catalogue|csv|dashboard|emails|enquiries|sales|staff|time|validations|viewings)/";
const SERVICES = "^lib/(archives|db|http|images|mailbox|passwords|smtp|storage)/";
const DATA = "^lib/data/";
const GLUE = "^lib/(actions|auth|cache|catalogue-cache|enquiry-intake|jobs|routes)/";
const NEXT = "^(next|@next)($|/)|node_modules/next/|better-auth/next-js";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Two modules that import each other (directly or round a loop) cannot be understood or loaded apart.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-folder-cycle",
      comment: "Two folders of lib/ that import each other are one layer in two places: move the shared part down.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/" },
      to: { circular: true },
    },
    {
      name: "no-lazy-import-within-lib",
      comment: "import() of a lib/ module hides a dependency from this tool (and usually dodges a cycle): import it, or move it.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^lib/", dynamic: true },
    },
    {
      name: "every-lib-file-has-a-layer",
      comment: "A new folder of lib/ needs its place in the layers: add it to one of the lists above (and to the README's Layout).",
      severity: "error",
      from: { path: "^lib/", pathNot: [SETTINGS, DOMAIN, SERVICES, DATA, GLUE, "^lib/generated/"] },
      to: {},
    },
    {
      name: "settings-import-no-lib",
      severity: "error",
      from: { path: SETTINGS },
      to: { path: "^lib/", pathNot: SETTINGS },
    },
    {
      name: "domain-is-pure",
      comment: "Catalogue, enquiry rules, gallery time, viewings, email templates, schemas: no database, services, Next.js or glue.",
      severity: "error",
      from: { path: DOMAIN },
      to: { path: [SERVICES, DATA, GLUE, "^lib/generated/", NEXT, "^@prisma/", "^(node:)?(fs|net|http|https|child_process)($|/)"] },
    },
    {
      name: "services-know-no-data-or-glue",
      severity: "error",
      from: { path: SERVICES },
      to: { path: [DATA, GLUE, NEXT] },
    },
    {
      name: "data-runs-in-plain-node",
      comment: "lib/data is used by the worker and the command line too: no Next.js, no glue.",
      severity: "error",
      from: { path: DATA },
      to: { path: [GLUE, NEXT] },
    },
    {
      name: "public-data-does-not-need-a-session",
      comment: "lib/data/staff/ takes the signed-in member; the public data modules never reach into it.",
      severity: "error",
      from: { path: DATA, pathNot: "^lib/data/staff/" },
      to: { path: "^lib/data/staff/" },
    },
    {
      name: "only-data-holds-the-database",
      comment: "The Prisma client and raw SQL are reached through lib/data only (scripts that set up or back up the file excepted).",
      severity: "error",
      from: {
        pathNot: [
          "^lib/data/",
          "^lib/db/",
          "^tests/",
          "^prisma/",
          "^prisma\\.config\\.ts$",
          "^scripts/(db-setup|db-backup|db-restore)\\.ts$",
        ],
      },
      to: { path: ["^lib/db/(client|adapter)\\.ts$", "^lib/generated/"] },
    },
    {
      name: "lib-knows-no-pages",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components|scripts|tests)/" },
    },
    {
      name: "scripts-do-not-import-tests",
      comment: "What a script and a test share lives in lib/ or scripts/.",
      severity: "error",
      from: { path: "^scripts/" },
      to: { path: "^tests/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(lib/generated|\\.next|\\.vercel|tmp|data)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mjs", ".cjs", ".js", ".d.ts"],
    },
  },
};
