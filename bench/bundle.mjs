// Bundles one TypeScript entry for Node (the benchmarks run the project's own sources, not dist/).
import { build } from 'esbuild';
const [entry, outfile] = process.argv.slice(2);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'better-sqlite3-napi', '@resvg/resvg-js', 'pdfkit', 'fontkit', '@playwright/test', 'playwright-core', 'vite', '@vitejs/plugin-react', 'esbuild'],
});
