import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron shell, run against a stand-in for the `electron` module: the binary is not needed to check
// that every handler is wired through the sender check and that the security hooks refuse what they should.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const session = {
    permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((wc: unknown, permission: string) => boolean),
    beforeRequest: undefined as undefined | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    willDownload: undefined as undefined | ((event: { preventDefault: () => void }, item: unknown) => void),
  };
  return {
    handlers,
    appListeners,
    session,
    openExternal: vi.fn(),
    module: {
      ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn) },
      app: { on: (name: string, fn: (...args: unknown[]) => void) => appListeners.set(name, fn) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      shell: { openExternal: (url: string) => electronOpenExternal(url) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (fn: typeof session.permissionRequest) => (session.permissionRequest = fn),
          setPermissionCheckHandler: (fn: typeof session.permissionCheck) => (session.permissionCheck = fn),
          webRequest: { onBeforeRequest: (fn: typeof session.beforeRequest) => (session.beforeRequest = fn) },
          on: (name: string, fn: typeof session.willDownload) => name === 'will-download' && (session.willDownload = fn),
        },
      },
    },
  };
  function electronOpenExternal(url: string) {
    return (globalThis as unknown as { __openExternal: (u: string) => void }).__openExternal(url);
  }
});
vi.mock('electron', () => electron.module);

import { registerIpc } from '../../electron/shell/ipc';
import { hardenApp } from '../../electron/shell/security';
import { CHANNEL_NAMES } from '../../shared/api/channels';
import { startBackend } from '../../electron/api/backend';
import { tempDir } from './helpers';

function invokeEvent(url: string, mainFrame = true) {
  const frame = { url };
  return { senderFrame: frame, sender: { mainFrame: mainFrame ? frame : { url } } };
}

describe('Electron shell', () => {
  beforeEach(() => {
    electron.handlers.clear();
    (globalThis as unknown as { __openExternal: (u: string) => void }).__openExternal = electron.openExternal;
  });

  it('registers exactly the contract’s channels, each behind the sender check', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'dispatched' }));
    registerIpc(dispatch);
    expect([...electron.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => `api:${c}`).sort());

    const handler = electron.handlers.get('api:maps.list')!;
    expect(await handler(invokeEvent('throughline://app/index.html'), {})).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith('maps.list', {});

    dispatch.mockClear();
    for (const event of [invokeEvent('https://evil.example/'), invokeEvent('file:///tmp/x.html'), invokeEvent('throughline://app/index.html', false)]) {
      expect(await handler(event, {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('sends a watched map’s stored changes to the window that watches it, and only to a trusted window', async () => {
    const backend = await startBackend(tempDir(), { backups: false });
    try {
      registerIpc(backend.dispatch, backend.sessions);
      const created = (await backend.dispatch('maps.create', { name: 'Watched', template: 'blank' })) as { ok: true; value: { id: string } };
      const mapId = created.value.id;
      const sent: unknown[][] = [];
      const destroyed: (() => void)[] = [];
      const window = (url: string) => {
        const event = invokeEvent(url) as ReturnType<typeof invokeEvent> & { sender: Record<string, unknown> };
        Object.assign(event.sender, { id: 7, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args), once: (_: string, fn: () => void) => destroyed.push(fn) });
        return event;
      };
      const watch = electron.handlers.get('events:watch')!;
      expect(await watch(window('https://evil.example/'), { watchId: 'w1', mapId, since: 0 })).toMatchObject({ ok: false });
      expect(await watch(window('throughline://app/index.html'), { watchId: 'w1', mapId, since: 0 })).toEqual({ ok: true, value: { watchId: 'w1' } });
      await backend.dispatch('maps.storeChange', { id: mapId, clientId: 'other', batchId: 'b1', ops: [{ op: 'set', path: ['name'], value: 'Renamed elsewhere' }] });
      expect(sent).toEqual([['events:map', 'w1', expect.objectContaining({ type: 'change', change: expect.objectContaining({ revision: 1 }) })]]);
      destroyed.forEach((fn) => fn());
      await backend.dispatch('maps.storeChange', { id: mapId, clientId: 'other', batchId: 'b2', ops: [{ op: 'set', path: ['name'], value: 'Again' }] });
      expect(sent).toHaveLength(1);
      expect(backend.sessions.watcherCount(mapId)).toBe(0);
    } finally {
      backend.close();
    }
  });

  it('sends the room’s state to the facilitator’s window that watches it, and only to a trusted window', async () => {
    const backend = await startBackend(tempDir(), { backups: false });
    try {
      registerIpc(backend.dispatch, backend.sessions, backend.room);
      const sent: unknown[][] = [];
      const window = (url: string) => {
        const event = invokeEvent(url) as ReturnType<typeof invokeEvent> & { sender: Record<string, unknown> };
        Object.assign(event.sender, { id: 9, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args), once: () => undefined });
        return event;
      };
      const watch = electron.handlers.get('room:watch')!;
      expect(await watch(window('https://evil.example/'), undefined)).toMatchObject({ ok: false });
      expect(sent).toEqual([]);
      expect(await watch(window('throughline://app/index.html'), undefined)).toEqual({ ok: true, value: null });
      expect(sent).toEqual([['room:event', { type: 'room', state: expect.objectContaining({ sharing: false, lanAllowed: false, people: [] }) }]]);
      await electron.handlers.get('room:unwatch')!(window('throughline://app/index.html'), undefined);
    } finally {
      backend.close();
    }
  });

  it('denies every permission but full screen, blocks remote requests, navigation, new windows and webviews', () => {
    hardenApp();
    const granted: boolean[] = [];
    electron.session.permissionRequest!({}, 'media', (ok) => granted.push(ok));
    electron.session.permissionRequest!({}, 'notifications', (ok) => granted.push(ok));
    electron.session.permissionRequest!({}, 'geolocation', (ok) => granted.push(ok));
    electron.session.permissionRequest!({}, 'fullscreen', (ok) => granted.push(ok));
    expect(granted).toEqual([false, false, false, true]);
    expect(electron.session.permissionCheck!({}, 'media')).toBe(false);
    expect(electron.session.permissionCheck!({}, 'fullscreen')).toBe(true);

    const cancelled = (url: string) => {
      let result: boolean | undefined;
      electron.session.beforeRequest!({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancelled('throughline://app/assets/index.js')).toBe(false);
    expect(cancelled('blob:throughline://app/6c1f0b2e')).toBe(false);
    expect(cancelled('blob:https://evil.example/6c1f0b2e')).toBe(true);
    expect(cancelled('https://cdn.example/script.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);

    const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
    let windowOpen: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, fn: (event: { preventDefault: () => void }) => void) => listeners.set(name, fn),
      setWindowOpenHandler: (fn: typeof windowOpen) => (windowOpen = fn),
    };
    electron.appListeners.get('web-contents-created')!({}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(name)!({ preventDefault });
      expect(preventDefault).toHaveBeenCalled();
    }
    expect(windowOpen!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(electron.openExternal).not.toHaveBeenCalled();

    // Downloads: only the app's own exports (blobs), each through the save dialog.
    const download = (url: string) => {
      const preventDefault = vi.fn();
      const setSaveDialogOptions = vi.fn();
      electron.session.willDownload!({ preventDefault }, { getURL: () => url, getFilename: () => 'Map.pdf', setSaveDialogOptions });
      return { prevented: preventDefault.mock.calls.length > 0, dialog: setSaveDialogOptions.mock.calls[0]?.[0] };
    };
    expect(download('blob:throughline://app/1234')).toEqual({ prevented: false, dialog: { title: 'Save export', defaultPath: 'Map.pdf' } });
    expect(download('https://evil.example/payload.exe').prevented).toBe(true);
  });
});
