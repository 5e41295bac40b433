// Bundles the CLI and its worker into dist/ with esbuild, so that a run starts without
// compiling TypeScript on the fly (bin/claimlint.js uses dist/ when it is newer than src/).
//   npm run build
import { build } from 'esbuild';

const banner = { js: "import { createRequire as __claimlintRequire } from 'node:module'; const require = __claimlintRequire(import.meta.url);" };
await build({
  entryPoints: { claimlint: 'src/cli/main.ts', worker: 'src/run/worker-entry.ts', 'report-thread': 'src/report/thread-entry.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner,
  logLevel: 'warning',
  legalComments: 'none',
});
