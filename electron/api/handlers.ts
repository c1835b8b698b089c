import { ApiError } from '../../shared/api/contract';
import { describeProblems, parseDocument } from '../../shared/format/document';
import { mapNameFromFileName, parseCsvMap } from '../../shared/format/csvImport';
import type { MapStore } from '../store/mapStore';
import type { VersionStore } from '../store/versionStore';
import { createExportHandlers } from '../export/exportHandlers';
import type { MapOp } from '../../shared/document/ops';
import type { RoomService } from '../room/roomService';
import { createRoomHandlers } from '../room/roomHandlers';
import type { Handlers } from './handlerTypes';

/** What each channel does; inputs arrive already checked against the contract, callers against their rights. */
export function createHandlers(store: MapStore, versions: VersionStore, room: RoomService): Handlers {
  return {
    'maps.list': () => store.list(),
    'maps.get': ({ id }) => store.get(id),
    'maps.open': ({ id }) => store.open(id),
    'maps.create': ({ name, template }) => store.create(name, template),
    'maps.rename': ({ id, name }) => store.rename(id, name),
    'maps.duplicate': ({ id }) => store.duplicate(id),
    'maps.delete': ({ id }) => {
      store.delete(id);
      return { id };
    },
    'maps.import': ({ document }) => {
      const parsed = parseDocument(document);
      if (!parsed.ok) throw new ApiError('invalid-document', `This file cannot be imported:\n${describeProblems(parsed.problems)}`);
      return store.importMap(parsed.map);
    },
    'maps.importCsv': ({ csv, fileName }) => {
      const parsed = parseCsvMap(csv, { mapName: mapNameFromFileName(fileName) });
      if (!parsed.ok) throw new ApiError('invalid-document', `This file cannot be imported:\n${describeProblems(parsed.problems)}`);
      return { ...store.importMap(parsed.map), guesses: parsed.guesses, ignoredColumns: parsed.ignoredColumns };
    },
    'maps.export': ({ id }) => store.exportDocument(id),
    ...createExportHandlers((id) => store.get(id)),
    'versions.list': ({ mapId }) => versions.list(mapId),
    'versions.save': ({ mapId, name }) => versions.save(mapId, name),
    'versions.get': ({ id }) => versions.get(id),
    'versions.delete': ({ id }) => {
      versions.delete(id);
      return { id };
    },
    'maps.storeChange': ({ id, clientId, batchId, ops }, actor) => {
      const before = actor.isOwner ? undefined : room.snapshot();
      const change = store.storeChange(id, { clientId, batchId, ops: ops as MapOp[] });
      if (!actor.isOwner) room.noteChange(actor.personId, change, before);
      return change;
    },
    'maps.changes': ({ id, since }) => {
      const changes = store.changesSince(id, since);
      return changes ? { changes } : { reset: true as const };
    },
    ...createRoomHandlers(room),
  };
}
