import type { Statement } from 'better-sqlite3';
import type { Db } from './database';
import { RECORD_COLLECTIONS, type RecordCollection } from '../../shared/document/mapDoc';
import { RECORD_KINDS } from '../../shared/document/records';

export type AnyRecord = { id: string } & Record<string, unknown>;

/** One record field and the column that holds it; `json` fields are lists kept as JSON text. */
interface Column {
  field: string;
  column: string;
  json?: boolean;
}

const col = (field: string, column = field, json = false): Column => ({ field, column, json });

/**
 * The one mapping between record fields and table columns. Reading, inserting and updating rows are
 * all derived from it, so a new field is one line here (and a migration).
 */
export const RECORD_COLUMNS: Record<RecordCollection, readonly Column[]> = {
  stages: [col('id'), col('name'), col('phase'), col('goal'), col('kpi')],
  teams: [col('id'), col('name'), col('role'), col('color')],
  touchpoints: [
    col('id'),
    col('stageId', 'stage_id'),
    col('title'),
    col('channel'),
    col('ownerTeamIds', 'owner_ids', true),
    col('supportTeamIds', 'support_ids', true),
    col('promises', 'promises', true),
    col('description'),
    col('kpi'),
    col('order', 'sort_order'),
    col('votes'),
  ],
  handoffs: [col('id'), col('stageId', 'stage_id'), col('fromTeamId', 'from_team_id'), col('toTeamId', 'to_team_id'), col('criteria'), col('slaHours', 'sla_hours')],
  connections: [col('id'), col('source'), col('target'), col('label')],
  notes: [col('id'), col('text'), col('stageId', 'stage_id'), col('x'), col('y'), col('votes')],
};

type Row = unknown[];

function toRecord(columns: readonly Column[], row: Row): AnyRecord {
  const record: Record<string, unknown> = {};
  columns.forEach((c, i) => {
    const value = row[i];
    if (value === null || value === undefined) return;
    record[c.field] = c.json ? (value === '[]' ? [] : JSON.parse(value as string)) : value;
  });
  return record as AnyRecord;
}

function toValues(columns: readonly Column[], record: AnyRecord): unknown[] {
  return columns.map((c) => {
    const value = record[c.field];
    if (c.json) return JSON.stringify(value ?? []);
    return value === undefined ? null : value;
  });
}

interface TableStatements {
  insert: Statement<unknown[]>;
  update: Statement<unknown[]>;
  all: Statement<[string], Row>;
  one: Statement<[string, string], Row>;
  nextPosition: Statement<[string], number>;
}

/** Prepared once per database: every read and write of element rows goes through these. */
export function recordRows(db: Db) {
  const tables = {} as Record<RecordCollection, TableStatements>;
  for (const collection of RECORD_COLLECTIONS) {
    const columns = RECORD_COLUMNS[collection];
    const names = columns.map((c) => c.column);
    tables[collection] = {
      insert: db.prepare(`INSERT INTO ${collection} (map_id, position, ${names.join(', ')}) VALUES (?, ?, ${names.map(() => '?').join(', ')})`),
      update: db.prepare(`UPDATE ${collection} SET ${names.slice(1).map((n) => `${n} = ?`).join(', ')} WHERE map_id = ? AND id = ?`),
      all: db.prepare<[string], Row>(`SELECT ${names.join(', ')} FROM ${collection} WHERE map_id = ? ORDER BY position`).raw(),
      one: db.prepare<[string, string], Row>(`SELECT ${names.join(', ')} FROM ${collection} WHERE map_id = ? AND id = ?`).raw(),
      nextPosition: db.prepare<[string], number>(`SELECT coalesce(max(position), -1) + 1 FROM ${collection} WHERE map_id = ?`).pluck(),
    };
  }
  const element = {
    insert: db.prepare('INSERT INTO elements (map_id, id, kind) VALUES (?, ?, ?)'),
    delete: db.prepare('DELETE FROM elements WHERE map_id = ? AND id = ?'),
    kindOf: db.prepare<[string, string], string>('SELECT kind FROM elements WHERE map_id = ? AND id = ?').pluck(),
  };

  return {
    /** Every record of a collection, in stored order. */
    readAll(mapId: string, collection: RecordCollection): AnyRecord[] {
      const columns = RECORD_COLUMNS[collection];
      return tables[collection].all.all(mapId).map((row) => toRecord(columns, row));
    },
    read(mapId: string, collection: RecordCollection, id: string): AnyRecord | undefined {
      const row = tables[collection].one.get(mapId, id);
      return row ? toRecord(RECORD_COLUMNS[collection], row) : undefined;
    },
    /** Adds a record (and its entry in the map's one id space) at `position`, or at the end. */
    insert(mapId: string, collection: RecordCollection, record: AnyRecord, position?: number): void {
      element.insert.run(mapId, record.id, RECORD_KINDS[collection]);
      const at = position ?? tables[collection].nextPosition.get(mapId)!;
      tables[collection].insert.run(mapId, at, ...toValues(RECORD_COLUMNS[collection], record));
    },
    update(mapId: string, collection: RecordCollection, record: AnyRecord): void {
      const [id, ...values] = toValues(RECORD_COLUMNS[collection], record);
      tables[collection].update.run(...values, mapId, id);
    },
    /** Removes a record; its row goes with its element entry (ON DELETE CASCADE). */
    delete(mapId: string, id: string): void {
      element.delete.run(mapId, id);
    },
    kindOf(mapId: string, id: string): string | undefined {
      return element.kindOf.get(mapId, id);
    },
  };
}

export type RecordRows = ReturnType<typeof recordRows>;
