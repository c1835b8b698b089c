// The house rules in eslint.config.mjs and tsconfig.shared.json (`npm run lint`): the tree passes, and a
// planted break of each boundary fails, naming the rule and the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** Lints `code` as if it were the file at `relativePath` (nothing is written to the tree). */
async function lintAs(relativePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relativePath) });
  expect(result?.filePath).toBe(path.join(root, relativePath));
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('the tree as it is', () => {
  it('passes the lint', async () => {
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((r) =>
      r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`),
    );
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(200);
  }, 180_000);
});

describe('shared/ imports no runtime', () => {
  it('refuses a Node built-in, with or without node:', async () => {
    const messages = await lintAs(
      'shared/model/planted.ts',
      "import fs from 'node:fs';\nimport path from 'path';\nexport const read = () => [fs, path];\n",
    );
    expect(messages).toEqual([
      { rule: 'import-x/no-nodejs-modules', message: expect.stringContaining('node:fs') },
      { rule: 'import-x/no-nodejs-modules', message: expect.stringContaining('"path"') },
    ]);
  });

  it('refuses electron, React, React Flow and better-sqlite3, also through import()', async () => {
    const messages = await lintAs(
      'shared/layout/planted.ts',
      [
        "import { app } from 'electron';",
        "import { useState } from 'react';",
        "import { createRoot } from 'react-dom/client';",
        "import { ReactFlow } from '@xyflow/react';",
        "import type Database from 'better-sqlite3';",
        "export const later = () => import('electron');",
        'export type T = [typeof app, typeof useState, typeof createRoot, typeof ReactFlow, Database];',
      ].join('\n'),
    );
    expect(messages.map((m) => m.rule)).toEqual([
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-syntax',
    ]);
    for (const m of messages) expect(m.message).toContain('shared/ runs anywhere');
  });

  it('refuses a file from electron/ or renderer/', async () => {
    const messages = await lintAs(
      'shared/format/planted.ts',
      "import { openDatabase } from '../../electron/store/database';\nimport { client } from '../../renderer/api/client';\nexport const x = [openDatabase, client];\n",
    );
    expect(messages.map((m) => m.rule)).toEqual(['import-x/no-restricted-paths', 'import-x/no-restricted-paths']);
    expect(messages[0]?.message).toContain('shared/ runs anywhere');
  });

  it('has no DOM or Node globals to type-check against (tsconfig.shared.json)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-lint-'));
    try {
      const file = path.join(dir, 'planted.ts');
      fs.writeFileSync(
        file,
        [
          'export const width = window.innerWidth;',
          "export const saved = localStorage.getItem('x');",
          "export const bytes = Buffer.from('x');",
          'export const env = process.env;',
          'export const fine = Math.max(1, [1, 2].at(-1) ?? 0);',
        ].join('\n'),
      );
      const config = ts.readConfigFile(path.join(root, 'tsconfig.shared.json'), ts.sys.readFile);
      const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
      const program = ts.createProgram([file], { ...options, incremental: false, tsBuildInfoFile: undefined });
      const errors = ts
        .getPreEmitDiagnostics(program)
        .map((d) => `${d.start === undefined ? '' : d.file?.getLineAndCharacterOfPosition(d.start).line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
      expect(errors).toEqual([
        expect.stringMatching(/^0: Cannot find name 'window'/),
        expect.stringMatching(/^1: Cannot find name 'localStorage'/),
        expect.stringMatching(/^2: Cannot find name 'Buffer'/),
        expect.stringMatching(/^3: Cannot find name 'process'/),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('renderer/ stays in the browser', () => {
  it('refuses a file from electron/, electron itself and a Node built-in', async () => {
    const messages = await lintAs(
      'renderer/home/Planted.tsx',
      [
        "import { openDatabase } from '../../electron/store/database';",
        "import { ipcRenderer } from 'electron';",
        "import { readFileSync } from 'node:fs';",
        'export const x = [openDatabase, ipcRenderer, readFileSync];',
      ].join('\n'),
    );
    expect(messages).toEqual([
      { rule: 'import-x/no-restricted-paths', message: expect.stringContaining('renderer/ runs in the browser') },
      { rule: 'no-restricted-imports', message: expect.stringContaining('renderer/ runs in the browser') },
      { rule: 'import-x/no-nodejs-modules', message: expect.stringContaining('node:fs') },
    ]);
  });
});

describe("only electron/shell/ imports 'electron'", () => {
  it.each(['api', 'store', 'host', 'room', 'cli', 'export', 'platform'])('electron/%s may not, not even its types', async (folder) => {
    const messages = await lintAs(
      `electron/${folder}/planted.ts`,
      "import { app } from 'electron';\nimport type { BrowserWindow } from 'electron';\nexport const x: [typeof app, BrowserWindow?] = [app];\n",
    );
    expect(messages).toEqual([
      { rule: 'no-restricted-imports', message: expect.stringContaining("Only electron/shell/ imports 'electron'") },
      { rule: 'no-restricted-imports', message: expect.stringContaining("Only electron/shell/ imports 'electron'") },
    ]);
  });

  it('electron/shell/ may', async () => {
    expect(await lintAs('electron/shell/planted.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});

describe('no import cycles', () => {
  let dir: string;

  beforeAll(() => {
    // A cycle needs both files on disk: a scratch project with this config and these node_modules.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-lint-'));
    fs.copyFileSync(path.join(root, 'eslint.config.mjs'), path.join(dir, 'eslint.config.mjs'));
    fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
    fs.mkdirSync(path.join(dir, 'shared', 'model'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'shared', 'model', 'a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
    fs.writeFileSync(path.join(dir, 'shared', 'model', 'b.ts'), "import { a } from './a';\nexport const b = () => a();\n");
    // Type-only imports vanish at runtime: these two are not a cycle.
    fs.writeFileSync(path.join(dir, 'shared', 'model', 'c.ts'), "import type { D } from './d';\nexport interface C { d?: D }\n");
    fs.writeFileSync(path.join(dir, 'shared', 'model', 'd.ts'), "import type { C } from './c';\nexport interface D { c?: C }\n");
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses two files that import each other, naming both', async () => {
    const results = await new ESLint({ cwd: dir }).lintFiles(['shared']);
    const found = results
      .filter((r) => r.messages.length > 0)
      .map((r) => ({ file: path.relative(dir, r.filePath), rules: r.messages.map((m) => m.ruleId ?? m.message) }));
    expect(found).toEqual([
      { file: path.join('shared', 'model', 'a.ts'), rules: ['import-x/no-cycle'] },
      { file: path.join('shared', 'model', 'b.ts'), rules: ['import-x/no-cycle'] },
    ]);
  }, 60_000);
});
