import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  // CommonJS that Next.js loads unbundled at run time (the cache handler): require() is its import.
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // SQL is written with Prisma's tagged templates ($queryRaw`…${value}`), which always send values as
  // parameters; the *Unsafe forms take a string that input could be pasted into. Tests may use them to
  // set up a state (a trigger, an aged row) that no code path makes.
  {
    files: ["lib/**", "app/**", "components/**", "scripts/**", "prisma/**", "proxy.ts", "instrumentation.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { property: "$queryRawUnsafe", message: "Use the tagged $queryRaw`…` (values become parameters)." },
        { property: "$executeRawUnsafe", message: "Use the tagged $executeRaw`…` (values become parameters)." },
      ],
    },
  },
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "tmp/**",
      "data/**",
      ".vercel/**",
    ],
  },
];

export default config;
