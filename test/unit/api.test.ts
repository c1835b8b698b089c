import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startBackend } from '../../electron/api/backend';
import { apiContract, createApiClient, ApiError } from '../../shared/api/contract';
import { CHANNEL_NAMES } from '../../shared/api/channels';
import { fullDocument, tempDir } from './helpers';

async function backend() {
  return startBackend(tempDir(), { checkResults: true, logError: () => {} });
}

function fileBytes(file: string): Buffer {
  return Buffer.concat([fs.readFileSync(file), fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
}

describe('API contract and dispatch', () => {
  it('the preload channel list and the contract name the same channels', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(apiContract).sort());
  });

  it('runs every channel end to end with results that match the contract', async () => {
    const { dispatch, close } = await backend();
    const api = createApiClient(dispatch);
    const created = await api['maps.create']({ name: 'Workshop', template: 'b2b-funnel' });
    expect(await api['maps.list']({})).toEqual([created]);
    expect((await api['maps.get']({ id: created.id })).stages).toHaveLength(7);
    expect((await api['maps.rename']({ id: created.id, name: 'Workshop 2' })).name).toBe('Workshop 2');
    const copy = await api['maps.duplicate']({ id: created.id });
    const imported = await api['maps.import']({ document: fullDocument() });
    expect(imported.map.touchpointCount).toBe(10);
    const exported = await api['maps.export']({ id: imported.map.id });
    expect(exported.map.name).toBe('Acme Analytics — enterprise journey');
    expect(await api['maps.delete']({ id: copy.id })).toEqual({ id: copy.id });
    expect((await api['maps.list']({})).map((m) => m.id).sort()).toEqual([created.id, imported.map.id].sort());
    close();
  });

  it('refuses unknown channels and invalid input before any handler runs', async () => {
    const { dispatch, close } = await backend();
    expect(await dispatch('maps.drop', {})).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Unknown API channel "maps.drop".' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('maps.create', { name: '', template: 'b2b-funnel' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'maps.create: name is empty' },
    });
    expect(await dispatch('maps.create', { name: 'x', template: 'secret' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('template') } });
    expect(await dispatch('maps.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('maps.list', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    close();
  });

  it('reports a missing map as not-found, with the id', async () => {
    const { dispatch, close } = await backend();
    const client = createApiClient(dispatch);
    const failure = await client['maps.get']({ id: 'gone' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'not-found', message: expect.stringContaining('"gone"') });
    close();
  });

  it('a rejected import names the path and leaves the database byte-for-byte unchanged', async () => {
    const { dispatch, close, databaseFile } = await backend();
    await dispatch('maps.import', { document: fullDocument() });
    const before = fileBytes(databaseFile);

    const bad = fullDocument();
    bad.map.id = 'another';
    bad.map.touchpoints[3]!.stageId = 'nowhere';
    const result = await dispatch('maps.import', { document: bad });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-document', message: 'This file cannot be imported:\nmap.touchpoints[3].stageId: refers to stage "nowhere", which is not in the map' },
    });
    for (const document of [null, 'text', { format: 'throughline/journey-map', version: 7, map: {} }]) {
      expect(await dispatch('maps.import', { document })).toMatchObject({ ok: false, error: { code: 'invalid-document' } });
    }
    expect(fileBytes(databaseFile).equals(before)).toBe(true);
    close();
  });
});
