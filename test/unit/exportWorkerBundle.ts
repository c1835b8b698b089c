import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.join(__dirname, '..', '..');

/**
 * Bundles the export worker from the current sources, as scripts/build.mjs does, so worker tests never run a
 * stale dist/. It lands inside node_modules/ so the worker finds pdfkit, fontkit and resvg as the real one does.
 */
export async function buildExportWorker(): Promise<{ file: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(root, 'node_modules', '.throughline-test-worker-'));
  const file = path.join(dir, 'exportWorker.cjs');
  await build({
    entryPoints: [path.join(root, 'electron', 'export', 'exportWorker.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', 'better-sqlite3-napi', '@resvg/resvg-js', 'pdfkit', 'fontkit'],
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
