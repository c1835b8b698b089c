#!/usr/bin/env node
'use strict';
// The command line entry: runs the bundled CLI built by `npm run build` (which `npm install` runs too).
try {
  require('../dist/cli/throughline.cjs');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/cli')) {
    console.error('throughline: the app is not built yet; run "npm run build" (or "npm install") first');
    process.exit(2);
  }
  throw error;
}
