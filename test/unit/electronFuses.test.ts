import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder, which reads this same file; no types ship with it.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

describe('desktop package', () => {
  const config = yaml.load(fs.readFileSync(path.join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it('flips the Electron fuses that keep the packaged app from running anything but itself', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs the export worker next to the app it runs in', () => {
    expect(config.files).toContain('dist/worker/**');
    expect(config.asar).toBe(true);
  });
});
