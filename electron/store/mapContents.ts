import type { Db } from './database';
import type { JourneyMap } from '../../shared/model/journeyMap';
import type { RuleSettings } from '../../shared/model/rules';
import { RECORD_COLLECTIONS } from '../../shared/document/mapDoc';
import { withoutUndefined } from '../../shared/model/fields';
import { recordRows, type AnyRecord } from './recordRows';

interface MapRow {
  id: string;
  name: string;
  description: string | null;
  rules: string;
  revision: number;
}

/** Reading and writing a whole map's rows, through the one record ↔ row mapping. */
export function mapContentStatements(db: Db) {
  const rows = recordRows(db);
  const selectMap = db.prepare<[string], MapRow>('SELECT id, name, description, rules, revision FROM maps WHERE id = ?');

  /** Writes every element of `map` under `mapId`; the caller owns the transaction and the maps row. */
  function insertElements(mapId: string, map: JourneyMap): void {
    for (const collection of RECORD_COLLECTIONS) {
      (map[collection] as AnyRecord[]).forEach((record, i) => rows.insert(mapId, collection, record, i));
    }
  }

  /** Reads a whole map back with its revision, or undefined when there is no map with that id. */
  function readMapAt(mapId: string): { map: JourneyMap; revision: number } | undefined {
    const row = selectMap.get(mapId);
    if (!row) return undefined;
    const read = <T>(collection: (typeof RECORD_COLLECTIONS)[number]) => rows.readAll(mapId, collection) as unknown as T[];
    const map = withoutUndefined({
      id: row.id,
      name: row.name,
      description: row.description ?? undefined,
      teams: read<JourneyMap['teams'][number]>('teams'),
      stages: read<JourneyMap['stages'][number]>('stages'),
      touchpoints: read<JourneyMap['touchpoints'][number]>('touchpoints'),
      handoffs: read<JourneyMap['handoffs'][number]>('handoffs'),
      connections: read<JourneyMap['connections'][number]>('connections'),
      notes: read<JourneyMap['notes'][number]>('notes'),
      rules: JSON.parse(row.rules) as RuleSettings,
    });
    return { map, revision: row.revision };
  }

  return { insertElements, readMapAt, readMap: (mapId: string) => readMapAt(mapId)?.map, rows };
}
