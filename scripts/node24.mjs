// `npm run test:node24`: the unit tests and the CLI under Node 24 LTS, the supported runtime, whichever Node
// ran `npm install` (CI's machine has Node 20). Nothing here needs nodejs.org:
//  1. Node itself comes from the npm registry (`node-<platform>-<arch>`, the package the `node` package
//     installs: the binary and the headers), unpacked into .native/node24/ (git-ignored, like Electron's
//     build in .native/; kept between runs);
//  2. nothing to compile: on Node >= 22 the store opens its database with better-sqlite3 13
//     (installed as better-sqlite3-napi; see electron/store/sqlite.ts), a Node-API build that ships
//     prebuilt in the package and loads in any such Node;
//  3. vitest runs under Node 24;
//  4. the built CLI (`npm run build`) runs under Node 24: help, validate, export, and serve started,
//     called and stopped on 127.0.0.1; validate's output must match the installing Node's byte for byte.
// Options: --prepare (step 1 only), --skip-unit, --skip-cli, --force (run even on Node 24 itself).
// THROUGHLINE_NODE24=24.x.y picks another 24.x (default below).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = process.env.THROUGHLINE_NODE24 || '24.21.0';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const cache = path.join(root, '.native', 'node24'); // .native/ is git-ignored; Electron's build lives beside it
const args = new Set(process.argv.slice(2));
const timings = [];

function fail(message) {
  console.error(`node24: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result;
}

async function timed(name, fn) {
  const started = Date.now();
  console.log(`\n── Node ${NODE_VERSION}: ${name}`);
  try {
    return await fn();
  } finally {
    const seconds = (Date.now() - started) / 1000;
    timings.push(`${name} ${seconds.toFixed(1)} s`);
    console.log(`── ${name}: ${seconds.toFixed(1)} s`);
  }
}

// 1. Node from the npm registry ------------------------------------------------------------------------------
function registryPackage() {
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  if (!platform) fail(`no Node package on the npm registry for ${process.platform}`);
  return `node-${platform}-${process.arch}`;
}

function nodeBinary(dir) {
  return process.platform === 'win32' ? path.join(dir, 'bin', 'node.exe') : path.join(dir, 'bin', 'node');
}

function ensureNode() {
  const dir = path.join(cache, `node-v${NODE_VERSION}-${process.platform}-${process.arch}`);
  if (existsSync(nodeBinary(dir)) && existsSync(path.join(dir, 'include', 'node', 'node.h'))) return dir;
  const spec = `${registryPackage()}@${NODE_VERSION}`;
  console.log(`Fetching ${spec} from the npm registry (once; kept in .native/node24/)…`);
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(path.join(cache, 'fetch-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const pack = run(npm, ['pack', spec, '--pack-destination', work, '--silent'], { stdio: ['ignore', 'pipe', 'inherit'], shell: process.platform === 'win32' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (pack.status !== 0 || !tarball) fail(`npm pack ${spec} failed`);
    if (run('tar', ['-xzf', path.join(work, tarball), '-C', work]).status !== 0) fail(`could not unpack ${tarball}`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(path.join(work, 'package'), dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!existsSync(path.join(dir, 'include', 'node', 'node.h'))) fail(`${spec} has no include/node headers`);
  return dir;
}

// The environment every Node 24 process of a run gets: that Node first on PATH.
function node24Env(nodeDir) {
  return { ...process.env, PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` };
}

function checkSqlite(node, env) {
  // Through the module the store uses on this Node: its prebuilt Node-API addon must load and work.
  const probe = "const D=require('better-sqlite3-napi');const d=new D(':memory:');console.log('better-sqlite3 '+require('better-sqlite3-napi/package.json').version+' on Node '+process.versions.node+', SQLite '+d.prepare('select sqlite_version() v').get().v);d.close()";
  if (run(node, ['-e', probe], { env }).status !== 0) fail('better-sqlite3 13 (better-sqlite3-napi) does not load under Node 24');
}

// 3. Unit tests ----------------------------------------------------------------------------------------------
function unitTests(node, env) {
  const vitest = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const reportFile = path.join(root, 'reports', 'node24', 'unit-results.json');
  rmSync(reportFile, { force: true });
  const result = run(node, [vitest, 'run', '--config', path.join('scripts', 'vitest.node24.config.mjs')], { env });
  if (!existsSync(reportFile)) return false;
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  console.log(`Unit tests on Node ${NODE_VERSION}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
  return result.status === 0 && report.numFailedTests === 0 && report.numPassedTests > 0;
}

// 4. The CLI -------------------------------------------------------------------------------------------------
async function cli(node, env) {
  const bin = path.join(root, 'bin', 'throughline.cjs');
  if (!existsSync(path.join(root, 'dist', 'cli', 'throughline.cjs'))) fail('the CLI is not built; run "npm run build" first');
  const problems = [];
  const check = (ok, what) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) problems.push(what);
  };
  const capture = (runtime, runtimeEnv, cliArgs) =>
    spawnSync(runtime, [bin, ...cliArgs], { cwd: root, env: runtimeEnv, encoding: 'utf8', timeout: 120_000 });
  const out = mkdtempSync(path.join(os.tmpdir(), 'throughline-node24-cli-'));
  try {
    const help = capture(node, env, ['help']);
    check(help.status === 0 && help.stdout.includes('Usage: throughline'), 'help');

    for (const fixture of ['full-map.json', 'workshop-map.json']) {
      const file = path.join('test', 'fixtures', fixture);
      for (const extra of [[], ['--json']]) {
        const mine = capture(node, env, ['validate', file, ...extra]);
        const theirs = capture(process.execPath, process.env, ['validate', file, ...extra]);
        check(
          mine.status !== null && mine.status < 2 && mine.status === theirs.status && mine.stdout === theirs.stdout && mine.stdout.length > 0,
          `validate ${[fixture, ...extra].join(' ')} (exit ${mine.status}, same output as Node ${process.versions.node})`,
        );
        if (mine.stderr) console.log(mine.stderr.trimEnd());
      }
    }

    const wanted = { pdf: 'deck.pdf', png: 'grid.png', svg: 'grid.svg', pptx: 'deck.pptx', csv: 'map.csv' };
    const exportArgs = Object.entries(wanted).flatMap(([flag, name]) => [`--${flag}`, path.join(out, name)]);
    const exported = capture(node, env, ['export', path.join('test', 'fixtures', 'full-map.json'), ...exportArgs, '--agreement', path.join(out, 'agreement.md')]);
    if (exported.status !== 0) console.log(exported.stderr.trimEnd());
    const made = [...Object.values(wanted), 'agreement.md'].filter((name) => existsSync(path.join(out, name)) && statSync(path.join(out, name)).size > 0);
    const magic = (name, bytes) => readFileSync(path.join(out, name)).subarray(0, bytes.length).equals(Buffer.from(bytes));
    check(
      exported.status === 0 && made.length === 6 && magic('deck.pdf', '%PDF') && magic('grid.png', [0x89, 0x50, 0x4e, 0x47]) && magic('deck.pptx', 'PK'),
      `export --pdf --png --svg --pptx --csv --agreement (${made.length}/6 files)`,
    );

    const csvBack = capture(node, env, ['validate', path.join(out, 'map.csv')]);
    check(csvBack.status !== null && csvBack.status < 2, `validate the exported CSV (exit ${csvBack.status})`);

    await serveCheck(node, env, path.join(out, 'data'), check);

    const backups = capture(node, env, ['backups', '--data', path.join(out, 'data')]);
    check(backups.status === 0, `backups --data (exit ${backups.status})`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return problems.length === 0;
}

async function serveCheck(node, env, dataDir, check) {
  const child = spawn(node, [path.join(root, 'bin', 'throughline.cjs'), 'serve', '--port', '0', '--data', dataDir], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve printed no address in 30 s: ${stdout}${stderr}`)), 30_000);
      const look = () => {
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve({ origin: match[1], token: match[2] });
        }
      };
      child.stdout.on('data', look);
      exited.then(({ code }) => reject(new Error(`serve exited (${code}) before printing its address: ${stderr}`)));
    });
    check(true, `serve listens on ${url.origin}`);
    const page = await fetch(url.origin);
    check(page.status === 200 && (await page.text()).includes('<'), `GET / (${page.status})`);
    const call = async (channel, input) => {
      const response = await fetch(new URL(`api/${channel}`, url.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-throughline-token': url.token },
        body: JSON.stringify(input),
      });
      return { status: response.status, body: await response.json() };
    };
    const document = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'full-map.json'), 'utf8'));
    const imported = await call('maps.import', { document });
    check(imported.status === 200 && imported.body.ok === true, `POST /api/maps.import (${imported.status})`);
    const listed = await call('maps.list', {});
    check(listed.status === 200 && listed.body.ok === true && listed.body.value?.length === 1, `POST /api/maps.list (${listed.body.value?.length} map)`);
    const refused = await fetch(new URL('api/maps.list', url.origin), { method: 'POST', body: '{}' });
    check(refused.status === 401, `an API call without the token is refused (${refused.status})`);
  } catch (error) {
    check(false, `serve: ${error.message}`);
  } finally {
    child.kill('SIGTERM');
    const { code, signal } = await Promise.race([exited, new Promise((r) => setTimeout(() => r({ code: 'timeout' }), 15_000))]);
    if (code === 'timeout') child.kill('SIGKILL');
    check(code === 0, `serve stops on SIGTERM (exit ${code ?? signal})`);
    if (stderr.trim()) console.log(stderr.trimEnd());
  }
}

// ------------------------------------------------------------------------------------------------------------
if (process.versions.node.split('.')[0] === '24' && !args.has('--force')) {
  console.log(`node24: this is Node ${process.versions.node} already; \`npm test\` covers it (--force runs this pass anyway)`);
  process.exit(0);
}
const started = Date.now();
const nodeDir = await timed('fetch Node', () => ensureNode());
const node = nodeBinary(nodeDir);
const env = node24Env(nodeDir);
checkSqlite(node, env);
const failed = [];
if (!args.has('--prepare')) {
  if (!args.has('--skip-unit') && !(await timed('unit tests', () => unitTests(node, env)))) failed.push('unit tests');
  if (!args.has('--skip-cli') && !(await timed('CLI', () => cli(node, env)))) failed.push('CLI');
}
console.log(`\nNode ${NODE_VERSION}: ${timings.join(', ')}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
if (failed.length > 0) fail(`failed on Node ${NODE_VERSION}: ${failed.join(', ')}`);
console.log(`Node ${NODE_VERSION}: all passed`);
