import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { serve } from '../../electron/cli/serve';
import { tempDir } from './helpers';

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
