import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { tempDir } from './helpers';

const fixture = path.join(__dirname, '..', 'fixtures', 'full-map.json');

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('throughline CLI with CSV', () => {
  it('export --csv writes one row per touchpoint, with a BOM, and validate reads it back with the same findings', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'journey.csv');
    const exported = captureIo();
    expect(await runCli(['export', fixture, '--csv', csv], exported.io)).toBe(0);
    expect(exported.out[0]).toMatch(/^Wrote .*journey\.csv \(CSV, \d+ KiB\)$/);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFstage,stage phase,lead teams')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(11);

    const fromCsv = captureIo();
    const fromJson = captureIo();
    const csvExit = await runCli(['validate', csv, '--json'], fromCsv.io);
    await runCli(['validate', fixture, '--json'], fromJson.io);
    expect(csvExit).toBe(1); // the fixture has error findings, and so does its CSV
    expect(fromCsv.err).toEqual([]); // phases and roles travel in their columns: nothing guessed
    // A CSV carries touchpoints, not handoffs, the buyer's path or empty stages: compare the rest.
    const notCarried = /^(handoff-|no-marketing-to-sales-handoff|touchpoint-disconnected|stage-without-touchpoints)/;
    const messages = (out: string[]) => (JSON.parse(out.join('\n')) as { ruleId: string; message: string }[]).filter((f) => !notCarried.test(f.ruleId)).map((f) => f.message);
    expect(messages(fromCsv.out)).toEqual(messages(fromJson.out));
  });

  it('validate FILE.csv states what it guessed on stderr and keeps --json output clean', async () => {
    const csv = path.join(tempDir(), 'room.csv');
    fs.writeFileSync(csv, 'stage;title;lead teams\nDiscovery;Blog;Marketing\nDecision;Demo;RevOps\n');
    const { io, out, err } = captureIo();
    expect(await runCli(['validate', csv, '--json'], io)).toBe(0);
    expect(Array.isArray(JSON.parse(out.join('\n')))).toBe(true);
    expect(err).toEqual([`${csv}: Stage “Discovery” taken as Interest`, `${csv}: Stage “Decision” taken as Intent`, `${csv}: Team “RevOps” taken as other`]);
  });

  it('a bad CSV exits 2 with one line naming the row and column', async () => {
    const csv = path.join(tempDir(), 'bad.csv');
    fs.writeFileSync(csv, 'stage,title\nAwareness,Webinar\n,Demo\n');
    for (const args of [['validate', csv], ['export', csv, '--csv', path.join(tempDir(), 'out.csv')]]) {
      const { io, err } = captureIo();
      expect(await runCli(args, io)).toBe(2);
      expect(err).toEqual([`throughline: ${csv} is not a valid journey map: Row 3, column “stage”: is empty; every row needs the stage its touchpoint is in`]);
    }
  });

  it('export reads a CSV, and what it writes validates with exit 0', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'Q3 journey.csv');
    fs.writeFileSync(csv, '\uFEFFstage,title,lead teams,promises\nAwareness,Webinar,Marketing,live in a day\nPurchase,Contract,Sales,live in a day\n');
    const again = path.join(dir, 'again.csv');
    const exported = captureIo();
    expect(await runCli(['export', csv, '--csv', again], exported.io)).toBe(0);
    expect(exported.err).toEqual([]);
    expect(fs.readFileSync(again, 'utf8')).toContain('\r\nPurchase,purchase,Sales,sales,,,Contract,,live in a day,,,\r\n');
    const validated = captureIo();
    expect(await runCli(['validate', again], validated.io)).toBe(0);
    expect(validated.out.at(-1)).toBe('again: 0 errors, 2 warnings, 2 info');
  });
});
