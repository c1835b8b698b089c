// `npm run lint`: the house rules that keep each folder to its runtime (see README, "How it is built").
//   shared/    runs anywhere: no Node built-ins, no Electron, React, React Flow or better-sqlite3, and
//              nothing from electron/ or renderer/ (DOM globals are caught by `tsc -p tsconfig.shared.json`)
//   renderer/  runs in the browser: no Node built-ins, no 'electron', nothing from electron/
//   electron/  only electron/shell/ imports 'electron' (the rest also runs in `throughline serve`)
//   anywhere   no import cycles
// Plus typescript-eslint's recommended rules, less the ones that only restyle working code.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const ROOT = import.meta.dirname; // zones are relative to this file, wherever ESLint runs from
const SOURCES = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'];

/** `no-restricted-imports` + the same ban on `import('…')`, which that rule does not see. */
function banPackages(packages, why) {
  const names = packages.map((name) => name.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')).join('|');
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.map((name) => ({ name, message: why })),
        patterns: packages.map((name) => ({ group: [`${name}/*`], message: why })),
      },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: `ImportExpression > Literal.source[value=/^(${names})(\\u002F|$)/]`,
        message: why,
      },
    ],
  };
}

const SHARED_WHY = 'shared/ runs anywhere (Node, browser, Electron): it imports no runtime.';
const RENDERER_WHY = 'renderer/ runs in the browser: it talks to the main process only through renderer/api.';
const ELECTRON_WHY = "Only electron/shell/ imports 'electron': the rest of electron/ also runs in `throughline serve`.";

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      '.native/',
      'reports/',
      'test-results/',
      'playwright-report/',
      'renderer/public/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: SOURCES,
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: { tsconfigRootDir: ROOT },
      globals: { ...globals.node, ...globals.browser },
    },
    settings: {
      // Without these, import-x does not read .ts files when it follows imports, and sees no cycle.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'] }),
      ],
    },
    rules: {
      // Cycles through a value import (type-only imports vanish at runtime and are not counted).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Control characters in a regular expression are how this code strips them from untrusted text.
      'no-control-regex': 'off',
      // Unused variables are real findings; a leading underscore says "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Test doubles and benchmark probes reach into untyped corners on purpose.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Playwright's fixture signature is `async ({}, use) => …`.
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            { target: './shared', from: './electron', message: SHARED_WHY },
            { target: './shared', from: './renderer', message: SHARED_WHY },
          ],
        },
      ],
      ...banPackages(
        ['electron', 'react', 'react-dom', '@xyflow/react', 'better-sqlite3', '@resvg/resvg-js', 'pdfkit', 'fontkit'],
        SHARED_WHY,
      ),
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic hook rules; the React Compiler's rules are left out (this app does not use it).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-nodejs-modules': 'error',
      'import-x/no-restricted-paths': [
        'error',
        { basePath: ROOT, zones: [{ target: './renderer', from: './electron', message: RENDERER_WHY }] },
      ],
      ...banPackages(['electron', 'better-sqlite3', '@resvg/resvg-js', 'pdfkit', 'fontkit'], RENDERER_WHY),
    },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/shell/**'],
    rules: banPackages(['electron'], ELECTRON_WHY),
  },
);
