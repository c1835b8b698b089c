// `npm test`: type-check, lint (`npm run lint`), unit tests (vitest), build, then end-to-end tests (Playwright in Debian's
// Chromium through `throughline serve`). Ends with one summary line over both suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args) => spawnSync(npx, args, { stdio: 'inherit' }).status ?? 1;
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

rmSync('reports', { recursive: true, force: true });
const steps = [];
const step = (name, args) => {
  const code = run(args);
  steps.push({ name, ok: code === 0 });
  return code === 0;
};

step('typecheck', ['tsc', '-p', 'tsconfig.json']);
step('lint', ['npm', 'run', '--silent', 'lint']);
step('unit tests', ['vitest', 'run']);
if (step('build', ['node', 'scripts/build.mjs'])) step('end-to-end tests', ['playwright', 'test']);

const unit = readJson('reports/unit-results.json');
const e2e = readJson('reports/e2e-results.json');
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (e2e?.stats?.skipped ?? 0);
const failedSteps = steps.filter((s) => !s.ok).map((s) => s.name);

console.log('');
if (failedSteps.length > 0) console.log(`Failed: ${failedSteps.join(', ')}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
