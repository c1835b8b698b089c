// Prepares what `npm start` and packaging need from Electron, without touching node_modules:
//  1. the Electron binary (npm install does not download it; see README), and
//  2. better-sqlite3 compiled for Electron's ABI, in .native/, passed to the driver as `nativeBinding`.
// node_modules keeps Node's build of better-sqlite3, so `npm test` keeps working after `npm start`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const forPackaging = process.argv.includes('--package');

function run(command, args, cwd, env = process.env) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  return result.status === 0;
}

function ensureElectronBinary() {
  try {
    require('electron'); // resolves to the binary's path; throws when it was never downloaded
    return;
  } catch {
    console.log('Downloading the Electron binary (once)…');
  }
  if (!run(process.execPath, [require.resolve('electron/install.js')], root)) {
    console.error('Could not download Electron. `npm start` needs an internet connection the first time.');
    process.exit(1);
  }
}

function buildNativeModule() {
  const electronVersion = require('electron/package.json').version;
  const { platform, arch } = process;
  const outDir = path.join(root, '.native', `electron-${electronVersion}-${platform}-${arch}`);
  const outFile = path.join(outDir, 'better_sqlite3.node');
  if (!existsSync(outFile)) {
    const work = mkdtempSync(path.join(os.tmpdir(), 'throughline-native-'));
    const moduleDir = path.join(work, 'better-sqlite3');
    cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), moduleDir, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
    });
    // Electron's headers, not the local Node's: drop any nodedir the user's npm config sets.
    const env = { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron', npm_config_target: electronVersion };
    const target = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`];
    console.log(`Preparing better-sqlite3 for Electron ${electronVersion} (${platform}-${arch})…`);
    const prebuilt = run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...target, `--platform=${platform}`], moduleDir, env);
    const built =
      prebuilt ||
      run(
        process.execPath,
        [process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', ...target, '--dist-url=https://electronjs.org/headers'],
        moduleDir,
        env,
      );
    if (!built) {
      console.error('Could not build better-sqlite3 for Electron. See "How the native module is built" in README.md.');
      process.exit(1);
    }
    mkdirSync(outDir, { recursive: true });
    cpSync(path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), outFile);
    rmSync(work, { recursive: true, force: true });
  }
  if (forPackaging) {
    const packageDir = path.join(root, '.native', 'package');
    rmSync(packageDir, { recursive: true, force: true });
    mkdirSync(packageDir, { recursive: true });
    cpSync(outFile, path.join(packageDir, 'better_sqlite3.node'));
  }
}

ensureElectronBinary();
buildNativeModule();
