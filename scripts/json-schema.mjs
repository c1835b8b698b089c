// Writes docs/journey-map.schema.json from the zod schemas of format v1 (npm run schema).
// The schemas are TypeScript: esbuild bundles the generator into a temporary CommonJS file to run it.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'throughline-schema-'));
try {
  const bundle = path.join(temp, 'jsonSchema.cjs');
  await build({ entryPoints: [path.join(root, 'shared/format/jsonSchema.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', absWorkingDir: root });
  const { journeyMapJsonSchemaText } = createRequire(import.meta.url)(bundle);
  const out = path.join(root, 'docs', 'journey-map.schema.json');
  writeFileSync(out, journeyMapJsonSchemaText());
  console.log(`Wrote ${path.relative(root, out)}`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
