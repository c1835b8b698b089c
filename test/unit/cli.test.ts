import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { serve } from '../../electron/cli/serve';
import { fullDocument, tempDir } from './helpers';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('throughline CLI', () => {
  it('explains an unknown command or option in one line and exits 2', async () => {
    const unknown = captureIo();
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err).toEqual(['throughline: unknown command "frobnicate"; run "throughline help" for the list']);

    const badOption = captureIo();
    expect(await runCli(['serve', '--colour', 'red'], badOption.io)).toBe(2);
    expect(badOption.err).toHaveLength(1);
    expect(badOption.err[0]).toMatch(/^throughline: .*--colour/);
  });

  it('refuses a bad port with a message that says what is allowed', async () => {
    const { io, err } = captureIo();
    expect(await runCli(['serve', '--port', 'eighty', '--data', tempDir()], io)).toBe(2);
    expect(err).toEqual(['throughline: --port must be a whole number from 0 to 65535 (0 picks a free port), got "eighty"']);
  });

  it('serve prints the URL with its token and stores maps in the --data folder', async () => {
    const dataDir = tempDir();
    const { io, out } = captureIo();
    const { host, stop } = await serve({ port: '0', data: dataDir }, io, tempDir());
    expect(out[0]).toBe(`Throughline is running at ${host.url}`);
    expect(out[1]).toBe(`Maps are stored in ${path.join(dataDir, 'throughline.db')}`);
    expect(fs.existsSync(path.join(dataDir, 'throughline.db'))).toBe(true);
    await stop();
  });

  it('says which port is taken instead of crashing', async () => {
    const first = await serve({ data: tempDir() }, captureIo().io, tempDir());
    const { io, err } = captureIo();
    expect(await runCli(['serve', '--port', String(first.host.port), '--data', tempDir()], io)).toBe(2);
    expect(err[0]).toBe(`throughline: port ${first.host.port} is already in use; choose another with --port, or --port 0 for any free port`);
    await first.stop();
  });
});

describe('throughline validate', () => {
  const fixture = path.join(__dirname, '..', 'fixtures', 'full-map.json');

  function writeMap(change: (doc: ReturnType<typeof fullDocument>) => void): string {
    const doc = fullDocument();
    change(doc);
    const file = path.join(tempDir(), 'map.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
  }

  it('exits 1 when there are error findings, listing them; the same output every time', async () => {
    const first = captureIo();
    expect(await runCli(['validate', fixture], first.io)).toBe(1);
    expect(first.out.at(-1)).toBe('Acme Analytics — enterprise journey: 2 errors, 5 warnings, 0 info');
    expect(first.out.some((l) => l.startsWith('error   touchpoint-contested'))).toBe(true);
    const second = captureIo();
    await runCli(['validate', fixture], second.io);
    expect(second.out).toEqual(first.out);
  });

  it('exits 0 when only warnings remain, and --json prints the findings as an array', async () => {
    const file = writeMap((doc) => {
      doc.map.touchpoints = doc.map.touchpoints.filter((t) => t.id !== 'tp-compare' && t.id !== 'tp-trial');
      doc.map.connections = doc.map.connections.filter((c) => c.source !== 'tp-trial' && c.target !== 'tp-trial');
    });
    const { io, out, err } = captureIo();
    expect(await runCli(['validate', file, '--json'], io)).toBe(0);
    expect(err).toEqual([]);
    const findings = JSON.parse(out.join('\n'));
    expect(Array.isArray(findings)).toBe(true);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(['message', 'ruleId', 'severity', 'targetIds']);
      expect(f.severity).not.toBe('error');
    }
  });

  it('exits 2 with one line naming the file and the path of the problem, never a stack trace', async () => {
    const dir = tempDir();
    const notJson = path.join(dir, 'notes.json');
    fs.writeFileSync(notJson, 'just some notes');
    const cases: [string, RegExp][] = [
      [path.join(dir, 'missing.json'), /cannot read .*missing\.json: no such file$/],
      [dir, /cannot read .*: it is a folder, not a file$/],
      [notJson, /notes\.json is not a valid journey map: \(document\): is not valid JSON/],
      [writeMap((d) => (d.map.touchpoints[3]!.stageId = 'nowhere')), /map\.touchpoints\[3\]\.stageId: refers to stage "nowhere", which is not in the map$/],
      [writeMap((d) => (d.version = 9)), /version: is newer than this version of Throughline understands/],
      [writeMap((d) => (d.format = 'something/else')), /format: must be "throughline\/journey-map"/],
    ];
    for (const [file, message] of cases) {
      const { io, out, err } = captureIo();
      expect(await runCli(['validate', file], io)).toBe(2);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^throughline: /);
      expect(err[0]).toMatch(message);
      expect(err[0]).not.toMatch(/\n\s+at /);
    }
    const noFile = captureIo();
    expect(await runCli(['validate'], noFile.io)).toBe(2);
    expect(noFile.err).toEqual(['throughline: validate needs exactly one FILE: throughline validate FILE [--json]']);
  });
});

describe('throughline export', () => {
  const fixture = path.join(__dirname, '..', 'fixtures', 'full-map.json');

  it('writes the PDF deck, the SVG and the PNG of the grid, from a map file', async () => {
    const dir = tempDir();
    const { io, out, err } = captureIo();
    const outputs = ['--pdf', path.join(dir, 'deck.pdf'), '--svg', path.join(dir, 'grid.svg'), '--png', path.join(dir, 'grid.png')];
    expect(await runCli(['export', fixture, ...outputs], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(3);
    expect(fs.readFileSync(path.join(dir, 'deck.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readFileSync(path.join(dir, 'grid.svg'), 'utf8')).toContain('Case study: Łódź Logistics');
    expect(fs.readFileSync(path.join(dir, 'grid.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses with one line and writes nothing when the map is invalid, the target folder is missing, or no output is named', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"format":"throughline/journey-map","version":1,"map":{"id":"x"}}');
    const cases: [string[], RegExp][] = [
      [['export', bad, '--pdf', path.join(dir, 'a.pdf')], /bad\.json is not a valid journey map: map\.name: is missing$/],
      [['export', fixture, '--pdf', path.join(dir, 'missing', 'a.pdf')], /cannot write .*a\.pdf: no such folder$/],
      [['export', fixture], /export needs at least one of --pdf OUT, --pptx OUT, --png OUT, --svg OUT, --csv OUT, --agreement OUT$/],
    ];
    for (const [args, message] of cases) {
      const { io, err } = captureIo();
      expect(await runCli(args, io)).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(message);
    }
    expect(fs.readdirSync(dir)).toEqual(['bad.json']);
  });
});
