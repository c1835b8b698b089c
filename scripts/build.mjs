// One build for everything: the Node/Electron bundles with esbuild, the renderer with Vite.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
rmSync(path.join(root, 'dist'), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  // Native modules, Electron, and packages that read their own data files stay in node_modules.
  external: ['electron', 'better-sqlite3', 'better-sqlite3-napi', '@resvg/resvg-js', 'pdfkit', 'fontkit'],
};

await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/shell/main.ts'], outfile: 'dist/electron/main.cjs', target: 'node22' }),
  esbuild({ ...common, entryPoints: ['electron/shell/preload.ts'], outfile: 'dist/electron/preload.cjs', target: 'node22' }),
  esbuild({ ...common, entryPoints: ['electron/cli/entry.ts'], outfile: 'dist/cli/throughline.cjs', target: 'node20' }),
  // Slow exports run in a worker thread of the CLI's host and of the desktop app; both find it at dist/worker/.
  esbuild({ ...common, entryPoints: ['electron/export/exportWorker.ts'], outfile: 'dist/worker/exportWorker.cjs', target: 'node20' }),
  viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' }),
]);

console.log(`Built Throughline in ${((Date.now() - started) / 1000).toFixed(1)} s`);
