// `npm run bench`: builds the app, bundles the benchmarks and runs them. Figures print one per line and
// land in bench/results.json ({ name, value, unit, budget, ok }).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
// `--room`: only the room session under load (bench/room.ts), its figures merged into results.json.
const entry = process.argv.includes('--room') ? 'room' : 'main';
const out = path.join(root, 'dist', 'bench', `${entry}.cjs`);
execFileSync(process.execPath, [path.join(here, 'bundle.mjs'), path.join(here, `${entry}.ts`), out], { stdio: 'inherit', cwd: root });
execFileSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
