import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/database';
import { MapStore } from '../../electron/store/mapStore';
import { parseDocument } from '../../shared/format/document';
import { tempDir } from './helpers';

/** The writer script, bundled once so two real Node processes can run it against one database file. */
function writerScript(): string {
  const outfile = path.join(tempDir(), 'writer.cjs');
  buildSync({ entryPoints: [path.join(__dirname, 'fixtures', 'concurrentWriter.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3', 'better-sqlite3-napi'], outfile, logLevel: 'silent', nodePaths: [path.join(__dirname, '..', '..', 'node_modules')] });
  return outfile;
}

function run(script: string, args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: path.join(__dirname, '..', '..', 'node_modules') } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.once('exit', (code) => (code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

const document = (id: string) => ({
  format: 'throughline/journey-map',
  version: 1,
  map: {
    id,
    name: 'Shared',
    teams: [{ id: 'mkt', name: 'Marketing', role: 'marketing' }],
    stages: [{ id: 'aw', name: 'Awareness', phase: 'awareness' }],
    touchpoints: ['one', 'two'].map((name) => ({ id: `tp-${name}`, stageId: 'aw', title: name, ownerTeamIds: ['mkt'] })),
  },
});

describe('two processes on one database', () => {
  it('queue their writes instead of failing with "database is locked"', async () => {
    const file = path.join(tempDir(), 'throughline.db');
    const db = await openDatabase(file);
    const parsed = parseDocument(document('shared-map'));
    if (!parsed.ok) throw new Error('bad fixture');
    new MapStore(db).importMap(parsed.map);
    db.close();

    const script = writerScript();
    const edits = 150;
    const results = await Promise.all(['one', 'two'].map((name) => run(script, [file, 'edit', name, String(edits)])));
    for (const lines of results) expect(JSON.parse(lines.at(-1)!)).toEqual({ failures: [] });

    const check = await openDatabase(file);
    const opened = new MapStore(check).open('shared-map');
    expect(opened.revision).toBe(2 * edits);
    expect(opened.map.touchpoints.map((t) => t.title).sort()).toEqual([`one ${edits - 1}`, `two ${edits - 1}`]);
    check.close();
  }, 60_000);

  it('importing one file twice at once stores it once and a copy, never a raw UNIQUE error', async () => {
    const file = path.join(tempDir(), 'throughline.db');
    (await openDatabase(file)).close();
    const script = writerScript();
    const text = JSON.stringify(document('imported-map'));
    const results = await Promise.all([run(script, [file, 'import', 'a', '0', text]), run(script, [file, 'import', 'b', '0', text])]);
    const outcomes = results.map((lines) => lines.map((line) => JSON.parse(line)));
    for (const lines of outcomes) expect(lines.at(-1)).toEqual({ failures: [] });
    const imported = outcomes.map((lines) => lines[0]).sort((a, b) => Number(a.copiedFromId !== null) - Number(b.copiedFromId !== null));
    expect(imported[0]).toEqual({ imported: 'imported-map', copiedFromId: null });
    expect(imported[1]).toMatchObject({ copiedFromId: 'imported-map' });
    const check = await openDatabase(file);
    expect(new MapStore(check).list().map((m) => m.name).sort()).toEqual(['Shared', 'Shared (copy)']);
    check.close();
  }, 60_000);
});
