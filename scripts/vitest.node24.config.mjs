// vitest.config.mts with the JSON report written to reports/node24/, so that the Node 24 pass
// (scripts/node24.mjs) never overwrites the report `npm test` sums up.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import base from '../vitest.config.mts';

export default {
  ...base,
  root: path.join(path.dirname(fileURLToPath(import.meta.url)), '..'),
  test: {
    ...base.test,
    reporters: ['default', ['json', { outputFile: 'reports/node24/unit-results.json' }]],
  },
};
