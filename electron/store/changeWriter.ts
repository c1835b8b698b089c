import type { Db } from './database';
import { recordRows, type AnyRecord } from './recordRows';
import { ApiError } from '../../shared/api/contract';
import { RECORD_COLLECTIONS, type MapDoc, type RecordCollection } from '../../shared/document/mapDoc';
import { applyOps, MAP_FIELDS, type FieldConflict, type MapOp } from '../../shared/document/ops';
import { LIST_FIELDS, normalizeOrder, sameValue } from '../../shared/document/merge';
import { MAP_FIELD_SCHEMAS, RECORD_FIELDS, RECORD_KINDS, RECORD_SCHEMAS, recordProblem } from '../../shared/document/records';
import { RULE_IDS } from '../../shared/model/rules';
import { LIMITS } from '../../shared/model/fields';
import type { Touchpoint } from '../../shared/model/touchpoint';
import type { Handoff } from '../../shared/model/handoff';
import type { Connection } from '../../shared/model/connection';
import type { Note } from '../../shared/model/note';

/** A change as stored and as every window with the map open receives it. */
export interface StoredChange {
  mapId: string;
  revision: number;
  clientId: string;
  batchId: string;
  /** The ops as stored: values after merging and normalising, so applying them gives the stored map. */
  ops: MapOp[];
  /** Values this change replaced that another window had written since the sender last saw them. */
  conflicts: FieldConflict[];
  at: string;
}

export interface ChangeRequest {
  clientId: string;
  batchId: string;
  ops: MapOp[];
}

/** How many stored changes per map are kept for windows catching up; older gaps reload the map. */
export const CHANGE_LOG_LENGTH = 1000;

const invalid = (message: string) => new ApiError('invalid-input', message);
const conflict = (message: string) => new ApiError('conflict', `${message} The change was not saved.`);

const RULES = new Set<string>(RULE_IDS);
const isCollection = (value: string): value is RecordCollection => (RECORD_COLLECTIONS as readonly string[]).includes(value);
const MAX_LIST = Math.max(LIMITS.stages, LIMITS.teams, LIMITS.teamsPerTouchpoint, LIMITS.promisesPerTouchpoint);

/** Refuses an op that names no changeable part of a map, before anything is merged or read. */
function checkOpShape(op: MapOp, index: number): void {
  const where = `ops[${index}] (${op.path.join('.')})`;
  const [head, key, field] = op.path;
  const listOk = (value: unknown) => value === undefined || (Array.isArray(value) && value.length <= MAX_LIST && value.every((v) => typeof v === 'string'));
  if (head !== undefined && isCollection(head) && key !== undefined) {
    if (op.path.length === 2 && op.op === 'set') throw invalid(`${where}: a whole record is added or removed, not set.`);
    if (op.path.length === 3) {
      if (op.op !== 'set') throw invalid(`${where}: a field is set, not added or removed.`);
      if (!RECORD_FIELDS[head].has(field!)) throw invalid(`${where}: a ${RECORD_KINDS[head]} has no field "${field}".`);
      if (LIST_FIELDS.has(field!) && !(listOk(op.value) && listOk(op.base))) throw invalid(`${where}: must be a list of at most ${MAX_LIST} texts.`);
    }
    if (op.path.length > 3) throw invalid(`${where}: is not a part of a map that can be changed.`);
    return;
  }
  if (head === 'rules' && op.path.length === 2 && op.op === 'set') {
    if (!RULES.has(key!)) throw invalid(`${where}: "${key}" is not a known rule id.`);
    return;
  }
  if ((MAP_FIELDS as readonly string[]).includes(head!) && op.path.length === 1 && op.op === 'set') {
    if (LIST_FIELDS.has(head!) && !(listOk(op.value) && listOk(op.base))) throw invalid(`${where}: must be a list of at most ${MAX_LIST} ids.`);
    return;
  }
  throw invalid(`${where}: is not a part of a map that can be changed.`);
}

/**
 * Stores one change: merges its ops into what is stored (different fields merge, lists merge by element,
 * a plain value someone else changed is replaced and reported), checks every record it writes against
 * its schema and references, and logs it under the map's next revision. All in one IMMEDIATE
 * transaction; work follows the size of the change, not of the map. A batch id seen before returns the
 * change stored then, so a window that re-sends after a lost answer stores nothing twice.
 */
export function createChangeWriter(db: Db) {
  const rows = recordRows(db);
  const q = {
    map: db.prepare<[string], { name: string; description: string | null; rules: string; revision: number }>(
      'SELECT name, description, rules, revision FROM maps WHERE id = ?',
    ),
    updateMap: db.prepare('UPDATE maps SET name = ?, description = ?, rules = ?, updated_at = ?, revision = ? WHERE id = ?'),
    byBatch: db.prepare<[string, string], ChangeRow>('SELECT * FROM map_changes WHERE map_id = ? AND batch_id = ?'),
    log: db.prepare('INSERT INTO map_changes (map_id, revision, client_id, batch_id, ops, conflicts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    prune: db.prepare('DELETE FROM map_changes WHERE map_id = ? AND revision <= ?'),
    since: db.prepare<[string, number], ChangeRow>('SELECT * FROM map_changes WHERE map_id = ? AND revision > ? ORDER BY revision'),
    hasRevision: db.prepare<[string, number], number>('SELECT 1 FROM map_changes WHERE map_id = ? AND revision = ?').pluck(),
    orderOf: {
      stages: db.prepare<[string], string>('SELECT id FROM stages WHERE map_id = ? ORDER BY position').pluck(),
      teams: db.prepare<[string], string>('SELECT id FROM teams WHERE map_id = ? ORDER BY position').pluck(),
    },
    setPosition: {
      stages: db.prepare('UPDATE stages SET position = ? WHERE map_id = ? AND id = ?'),
      teams: db.prepare('UPDATE teams SET position = ? WHERE map_id = ? AND id = ?'),
    },
    stageExists: db.prepare<[string, string], number>('SELECT 1 FROM stages WHERE map_id = ? AND id = ?').pluck(),
    teamExists: db.prepare<[string, string], number>('SELECT 1 FROM teams WHERE map_id = ? AND id = ?').pluck(),
    pathElement: db.prepare<[string, string], number>("SELECT 1 FROM elements WHERE map_id = ? AND id = ? AND kind IN ('touchpoint', 'handoff')").pluck(),
    cardUsingTeam: db.prepare<[string, string, string], { id: string; title: string }>(
      `SELECT id, title FROM touchpoints WHERE map_id = ?
         AND (EXISTS (SELECT 1 FROM json_each(owner_ids) WHERE value = ?) OR EXISTS (SELECT 1 FROM json_each(support_ids) WHERE value = ?))
       LIMIT 1`,
    ),
  };

  function checkReferences(mapId: string, collection: RecordCollection, record: AnyRecord): void {
    const where = `${RECORD_KINDS[collection]} "${record.id}"`;
    const missing = (what: string, id: string) => conflict(`The ${where} refers to ${what} "${id}", which is not in the map (it may have been deleted in another window).`);
    const stage = (id: string) => {
      if (!q.stageExists.get(mapId, id)) throw missing('stage', id);
    };
    const team = (id: string) => {
      if (!q.teamExists.get(mapId, id)) throw missing('team', id);
    };
    if (collection === 'touchpoints') {
      const t = record as unknown as Touchpoint;
      stage(t.stageId);
      const all = [...t.ownerTeamIds, ...t.supportTeamIds];
      all.forEach(team);
      if (new Set(all).size !== all.length) throw invalid(`The ${where} lists a team twice among its leads and supporters.`);
    } else if (collection === 'handoffs') {
      const h = record as unknown as Handoff;
      stage(h.stageId);
      team(h.fromTeamId);
      team(h.toTeamId);
    } else if (collection === 'connections') {
      const c = record as unknown as Connection;
      for (const end of [c.source, c.target]) if (!q.pathElement.get(mapId, end)) throw missing('touchpoint or handoff', end);
      if (c.source === c.target) throw invalid(`The ${where} connects an element to itself.`);
    } else if (collection === 'notes') {
      const n = record as unknown as Note;
      if (n.stageId !== undefined) stage(n.stageId);
    }
  }

  function store(mapId: string, request: ChangeRequest, at: string): StoredChange {
    const meta = q.map.get(mapId);
    if (!meta) throw new ApiError('not-found', `There is no map with id "${mapId}"; it may have been deleted.`);
    const earlier = q.byBatch.get(mapId, request.batchId);
    if (earlier) return fromRow(mapId, earlier);
    request.ops.forEach(checkOpShape);

    // A document holding just what the ops touch, so the shared merge rules apply unchanged.
    const touchesOrder = { stages: false, teams: false };
    const partial: MapDoc = {
      id: mapId,
      name: meta.name,
      rules: JSON.parse(meta.rules),
      stageOrder: [],
      teamOrder: [],
      stages: new Map(),
      teams: new Map(),
      touchpoints: new Map(),
      handoffs: new Map(),
      connections: new Map(),
      notes: new Map(),
    };
    if (meta.description !== null) partial.description = meta.description;
    const before = new Map<string, { collection: RecordCollection; id: string; record?: AnyRecord }>();
    for (const { path } of request.ops) {
      const [head, id] = path;
      if (head === 'stageOrder' || head === 'teamOrder') touchesOrder[head === 'stageOrder' ? 'stages' : 'teams'] = true;
      if (!isCollection(head!) || id === undefined) continue;
      if (head === 'stages' || head === 'teams') touchesOrder[head] = true;
      const key = `${head}\u0000${id}`;
      if (before.has(key)) continue;
      const record = rows.read(mapId, head, id);
      before.set(key, { collection: head, id, record });
      if (record) (partial[head] as Map<string, AnyRecord>).set(id, record);
    }
    if (touchesOrder.stages) partial.stageOrder = q.orderOf.stages.all(mapId);
    if (touchesOrder.teams) partial.teamOrder = q.orderOf.teams.all(mapId);

    const result = applyOps(partial, request.ops, { merge: true });
    if (result.missing.length > 0) {
      const [collection, id] = result.missing[0]!.path as [RecordCollection, string];
      throw conflict(`There is no ${RECORD_KINDS[collection]} "${id}" to change; it may have been deleted in another window.`);
    }
    const next = result.doc;

    // Deletions first (a batch may remove and re-add an id), then writes, then reference checks.
    const written: [RecordCollection, AnyRecord][] = [];
    const removedTeams: string[] = [];
    for (const { collection, id, record } of before.values()) {
      if (record && !next[collection].has(id)) {
        rows.delete(mapId, id);
        if (collection === 'teams') removedTeams.push(id);
      }
    }
    const stored = new Map<string, AnyRecord>();
    for (const { collection, id, record } of before.values()) {
      const value = (next[collection] as Map<string, unknown>).get(id);
      if (value === undefined) continue;
      const parsed = RECORD_SCHEMAS[collection].safeParse(value);
      if (!parsed.success) throw invalid(`${RECORD_KINDS[collection]} "${id}": ${recordProblem(collection, value)}`);
      const clean = parsed.data as AnyRecord;
      if (clean.id !== id) throw invalid(`${collection}["${id}"].id: must be "${id}", the key it is stored under.`);
      if (record) rows.update(mapId, collection, clean);
      else {
        const taken = rows.kindOf(mapId, id);
        if (taken) throw conflict(`The id "${id}" is already used by a ${taken} in this map.`);
        rows.insert(mapId, collection, clean);
      }
      written.push([collection, clean]);
      stored.set(`${collection}\u0000${id}`, clean);
    }
    for (const [collection, record] of written) checkReferences(mapId, collection, record);
    // Card team lists are JSON (no foreign key): a team deleted here must not be left on a card.
    for (const id of removedTeams) {
      const user = q.cardUsingTeam.get(mapId, id, id);
      if (user) throw conflict(`The team "${id}" is still lead or supporter of “${user.title}” (perhaps added in another window).`);
    }

    const finalOrder: Partial<Record<'stageOrder' | 'teamOrder', string[]>> = {};
    for (const collection of ['stages', 'teams'] as const) {
      if (!touchesOrder[collection]) continue;
      const field = collection === 'stages' ? 'stageOrder' : 'teamOrder';
      const order = normalizeOrder(next[field], q.orderOf[collection].all(mapId));
      order.forEach((id, i) => q.setPosition[collection].run(i, mapId, id));
      finalOrder[field] = order;
    }

    const name = MAP_FIELD_SCHEMAS.name.safeParse(next.name);
    if (!name.success) throw invalid(`The map's name ${name.error.issues[0]!.message}.`);
    const description = MAP_FIELD_SCHEMAS.description.safeParse(next.description);
    if (!description.success) throw invalid(`The map's description ${description.error.issues[0]!.message}.`);
    const rules = MAP_FIELD_SCHEMAS.rules.safeParse(next.rules);
    if (!rules.success) throw invalid(`rules.${String(rules.error.issues[0]!.path[0] ?? '')}: ${rules.error.issues[0]!.message}.`);

    // What every window applies: the values as stored.
    const ops: MapOp[] = request.ops.map((op) => {
      const [head, id, field] = op.path;
      if (op.op === 'remove') return { op: 'remove', path: op.path };
      let value: unknown;
      if (isCollection(head!)) {
        const record = stored.get(`${head}\u0000${id}`);
        value = field === undefined ? record : record?.[field];
      } else if (head === 'stageOrder' || head === 'teamOrder') value = finalOrder[head];
      else if (head === 'name') value = name.data;
      else if (head === 'description') value = description.data;
      else if (head === 'rules') value = (rules.data as Record<string, unknown>)[id!];
      const out: MapOp = { op: op.op, path: op.path };
      if (value !== undefined) out.value = value;
      return out;
    });
    const conflicts = result.conflicts.filter((c) => !sameValue(c.replaced, c.value));
    const revision = meta.revision + 1;
    q.updateMap.run(name.data, description.data ?? null, JSON.stringify(rules.data), at, revision, mapId);
    q.log.run(mapId, revision, request.clientId, request.batchId, JSON.stringify(ops), JSON.stringify(conflicts), at);
    if (revision > CHANGE_LOG_LENGTH) q.prune.run(mapId, revision - CHANGE_LOG_LENGTH);
    return { mapId, revision, clientId: request.clientId, batchId: request.batchId, ops, conflicts, at };
  }

  const storeImmediately = db.transaction(store);

  return {
    /** Stores one change atomically; throws ApiError and changes nothing when any part is refused. */
    store(mapId: string, request: ChangeRequest, at: string): StoredChange {
      try {
        return storeImmediately.immediate(mapId, request, at);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw conflict('This change would leave something in the map pointing at an element that is gone (perhaps deleted in another window).');
        }
        throw error;
      }
    },
    /** The stored changes after `revision`, or undefined when the log no longer reaches back that far. */
    since(mapId: string, revision: number, current: number): StoredChange[] | undefined {
      if (revision >= current) return [];
      if (!q.hasRevision.get(mapId, revision + 1)) return undefined;
      return q.since.all(mapId, revision).map((row) => fromRow(mapId, row));
    },
  };
}

interface ChangeRow {
  revision: number;
  client_id: string;
  batch_id: string;
  ops: string;
  conflicts: string;
  created_at: string;
}

function fromRow(mapId: string, row: ChangeRow): StoredChange {
  return {
    mapId,
    revision: row.revision,
    clientId: row.client_id,
    batchId: row.batch_id,
    ops: JSON.parse(row.ops),
    conflicts: JSON.parse(row.conflicts),
    at: row.created_at,
  };
}
