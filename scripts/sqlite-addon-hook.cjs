'use strict';
// Preloaded with `--require` (through NODE_OPTIONS) by scripts/node24.mjs, so that every process and worker of
// a test or CLI run under another Node loads better-sqlite3's addon from THROUGHLINE_SQLITE_ADDON instead of
// node_modules/better-sqlite3/build/Release/better_sqlite3.node, which is compiled for the Node that ran
// `npm install` (a native addon only loads in the Node ABI it was built for). Only that one file is swapped:
// better-sqlite3's JavaScript still comes from node_modules, and node_modules is never written.
// Without THROUGHLINE_SQLITE_ADDON this file does nothing.
const addon = process.env.THROUGHLINE_SQLITE_ADDON;
if (addon) {
  const fs = require('node:fs');
  const path = require('node:path');
  const real = (file) => {
    try {
      return fs.realpathSync(file);
    } catch {
      return path.resolve(file);
    }
  };
  const moduleDir = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [path.join(__dirname, '..')] }));
  const installed = real(path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node'));
  const replacement = path.resolve(addon);
  if (!fs.existsSync(replacement)) throw new Error(`THROUGHLINE_SQLITE_ADDON: ${replacement} does not exist`);
  const dlopen = process.dlopen;
  process.dlopen = function (module, filename, ...rest) {
    const target = typeof filename === 'string' && real(filename) === installed ? replacement : filename;
    return dlopen.call(this, module, target, ...rest);
  };
}
