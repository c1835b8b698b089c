import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/platform/paths';
import { isAllowedExternalUrl } from '../../electron/platform/externalLinks';
import { resolveStaticFile } from '../../electron/host/staticFiles';

describe('data folder', () => {
  it('matches where Electron keeps the desktop app’s user data on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Throughline');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Throughline');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Throughline');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Throughline');
  });
});

describe('external links', () => {
  it('opens only https links to listed hosts', () => {
    const hosts = ['docs.example.org'];
    expect(isAllowedExternalUrl('https://docs.example.org/guide', hosts)).toBe(true);
    expect(isAllowedExternalUrl('http://docs.example.org/guide', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://docs.example.org.evil.com/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://user@docs.example.org/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', hosts)).toBe(false);
    expect(isAllowedExternalUrl('not a url', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://docs.example.org/')).toBe(false);
  });
});

describe('static files', () => {
  it('resolves paths inside the renderer folder only', () => {
    expect(resolveStaticFile('/app/renderer', '/')).toBe('/app/renderer/index.html');
    expect(resolveStaticFile('/app/renderer', '/assets/x.js')).toBe('/app/renderer/assets/x.js');
    expect(resolveStaticFile('/app/renderer', '/../main.cjs')).toBeUndefined();
    expect(resolveStaticFile('/app/renderer', '/%2e%2e/main.cjs')).toBeUndefined();
    expect(resolveStaticFile('/app/renderer', '/%E0%A4%A')).toBeUndefined();
  });
});
