import { applyPatches, type Patch } from 'immer';
import type { z } from 'zod';
import type { Db } from './database';
import { ApiError } from '../../shared/api/contract';
import { RECORD_COLLECTIONS, ORDER_FIELDS, type RecordCollection } from '../../shared/document/mapDoc';
import { stageSchema } from '../../shared/model/stage';
import { teamSchema } from '../../shared/model/team';
import { touchpointSchema, type Touchpoint } from '../../shared/model/touchpoint';
import { handoffSchema, type Handoff } from '../../shared/model/handoff';
import { connectionSchema, type Connection } from '../../shared/model/connection';
import { noteSchema, type Note } from '../../shared/model/note';
import { ruleSettingsSchema } from '../../shared/model/rules';
import { LIMITS, labelSchema, optionalTextSchema } from '../../shared/model/fields';
import { formatPath } from '../../shared/format/document';
import '../../shared/document/mapDoc'; // enables immer's patches and Map support

type AnyRecord = { id: string } & Record<string, unknown>;

const KIND: Record<RecordCollection, string> = {
  stages: 'stage',
  teams: 'team',
  touchpoints: 'touchpoint',
  handoffs: 'handoff',
  connections: 'connection',
  notes: 'note',
};

const SCHEMAS: Record<RecordCollection, z.ZodType> = {
  stages: stageSchema,
  teams: teamSchema,
  touchpoints: touchpointSchema,
  handoffs: handoffSchema,
  connections: connectionSchema,
  notes: noteSchema,
};

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);
const invalid = (message: string) => new ApiError('invalid-input', message);
const conflict = (message: string) => new ApiError('conflict', `${message} The change was not saved.`);

/** A record as it stands during one batch: loaded from the database, then changed by patches. */
interface WorkingRecord {
  collection: RecordCollection;
  id: string;
  existed: boolean;
  record: AnyRecord | null;
}

/**
 * Applies the renderer's immer patches (on the id-keyed MapDoc) to the database, record by record, in
 * one transaction: each touched record is read, patched, checked against its schema and references,
 * and written back. Work follows the size of the edit, never the size of the map.
 */
export function createPatchWriter(db: Db) {
  const q = {
    map: db.prepare<[string], { name: string; description: string | null; rules: string }>('SELECT name, description, rules FROM maps WHERE id = ?'),
    updateMap: db.prepare('UPDATE maps SET name = ?, description = ?, rules = ?, updated_at = ? WHERE id = ?'),
    kindOf: db.prepare<[string, string], { kind: string }>('SELECT kind FROM elements WHERE map_id = ? AND id = ?'),
    insertElement: db.prepare('INSERT INTO elements (map_id, id, kind) VALUES (?, ?, ?)'),
    deleteElement: db.prepare('DELETE FROM elements WHERE map_id = ? AND id = ?'),
    stage: db.prepare<[string, string], { id: string; name: string; phase: string; goal: string | null; kpi: string | null }>(
      'SELECT id, name, phase, goal, kpi FROM stages WHERE map_id = ? AND id = ?',
    ),
    team: db.prepare<[string, string], { id: string; name: string; role: string; color: string | null }>('SELECT id, name, role, color FROM teams WHERE map_id = ? AND id = ?'),
    touchpoint: db.prepare<
      [string, string],
      {
        id: string;
        stage_id: string;
        title: string;
        channel: string | null;
        promises: string;
        description: string | null;
        kpi: string | null;
        sort_order: number | null;
        owner_ids: string;
        support_ids: string;
      }
    >('SELECT id, stage_id, title, channel, promises, description, kpi, sort_order, owner_ids, support_ids FROM touchpoints WHERE map_id = ? AND id = ?'),
    handoff: db.prepare<[string, string], { id: string; stage_id: string; from_team_id: string; to_team_id: string; criteria: string | null; sla_hours: number | null }>(
      'SELECT id, stage_id, from_team_id, to_team_id, criteria, sla_hours FROM handoffs WHERE map_id = ? AND id = ?',
    ),
    connection: db.prepare<[string, string], { id: string; source: string; target: string; label: string | null }>(
      'SELECT id, source, target, label FROM connections WHERE map_id = ? AND id = ?',
    ),
    note: db.prepare<[string, string], { id: string; text: string; stage_id: string | null; x: number; y: number }>(
      'SELECT id, text, stage_id, x, y FROM notes WHERE map_id = ? AND id = ?',
    ),
    nextPosition: Object.fromEntries(
      RECORD_COLLECTIONS.map((c) => [c, db.prepare<[string], { next: number }>(`SELECT coalesce(max(position), -1) + 1 AS next FROM ${c} WHERE map_id = ?`)]),
    ) as Record<RecordCollection, import('better-sqlite3').Statement<[string], { next: number }>>,
    orderOf: {
      stages: db.prepare<[string], { id: string }>('SELECT id FROM stages WHERE map_id = ? ORDER BY position'),
      teams: db.prepare<[string], { id: string }>('SELECT id FROM teams WHERE map_id = ? ORDER BY position'),
    },
    setPosition: {
      stages: db.prepare('UPDATE stages SET position = ? WHERE map_id = ? AND id = ?'),
      teams: db.prepare('UPDATE teams SET position = ? WHERE map_id = ? AND id = ?'),
    },
    write: {
      stages: db.prepare(
        `INSERT INTO stages (map_id, id, position, name, phase, goal, kpi) VALUES (@map, @id, @position, @name, @phase, @goal, @kpi)
         ON CONFLICT (map_id, id) DO UPDATE SET name = excluded.name, phase = excluded.phase, goal = excluded.goal, kpi = excluded.kpi`,
      ),
      teams: db.prepare(
        `INSERT INTO teams (map_id, id, position, name, role, color) VALUES (@map, @id, @position, @name, @role, @color)
         ON CONFLICT (map_id, id) DO UPDATE SET name = excluded.name, role = excluded.role, color = excluded.color`,
      ),
      touchpoints: db.prepare(
        `INSERT INTO touchpoints (map_id, id, position, stage_id, title, channel, promises, description, kpi, sort_order, owner_ids, support_ids)
         VALUES (@map, @id, @position, @stageId, @title, @channel, @promises, @description, @kpi, @order, @owners, @supporters)
         ON CONFLICT (map_id, id) DO UPDATE SET stage_id = excluded.stage_id, title = excluded.title, channel = excluded.channel,
           promises = excluded.promises, description = excluded.description, kpi = excluded.kpi, sort_order = excluded.sort_order,
           owner_ids = excluded.owner_ids, support_ids = excluded.support_ids`,
      ),
      handoffs: db.prepare(
        `INSERT INTO handoffs (map_id, id, position, stage_id, from_team_id, to_team_id, criteria, sla_hours)
         VALUES (@map, @id, @position, @stageId, @fromTeamId, @toTeamId, @criteria, @slaHours)
         ON CONFLICT (map_id, id) DO UPDATE SET stage_id = excluded.stage_id, from_team_id = excluded.from_team_id,
           to_team_id = excluded.to_team_id, criteria = excluded.criteria, sla_hours = excluded.sla_hours`,
      ),
      connections: db.prepare(
        `INSERT INTO connections (map_id, id, position, source, target, label) VALUES (@map, @id, @position, @source, @target, @label)
         ON CONFLICT (map_id, id) DO UPDATE SET source = excluded.source, target = excluded.target, label = excluded.label`,
      ),
      notes: db.prepare(
        `INSERT INTO notes (map_id, id, position, text, stage_id, x, y) VALUES (@map, @id, @position, @text, @stageId, @x, @y)
         ON CONFLICT (map_id, id) DO UPDATE SET text = excluded.text, stage_id = excluded.stage_id, x = excluded.x, y = excluded.y`,
      ),
    },
    clearTouchpointTeams: db.prepare('DELETE FROM touchpoint_teams WHERE map_id = ? AND touchpoint_id = ?'),
    insertTouchpointTeam: db.prepare('INSERT INTO touchpoint_teams (map_id, touchpoint_id, relation, team_id, position) VALUES (?, ?, ?, ?, ?)'),
    exists: {
      stage: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM stages WHERE map_id = ? AND id = ?'),
      team: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM teams WHERE map_id = ? AND id = ?'),
      pathElement: db.prepare<[string, string], { one: number }>(
        "SELECT 1 AS one FROM elements WHERE map_id = ? AND id = ? AND kind IN ('touchpoint', 'handoff')",
      ),
    },
  };

  function readRecord(mapId: string, collection: RecordCollection, id: string): AnyRecord | null {
    switch (collection) {
      case 'stages': {
        const r = q.stage.get(mapId, id);
        return r ? { id: r.id, name: r.name, phase: r.phase, goal: orUndefined(r.goal), kpi: orUndefined(r.kpi) } : null;
      }
      case 'teams': {
        const r = q.team.get(mapId, id);
        return r ? { id: r.id, name: r.name, role: r.role, color: orUndefined(r.color) } : null;
      }
      case 'touchpoints': {
        const r = q.touchpoint.get(mapId, id);
        if (!r) return null;
        return {
          id: r.id,
          stageId: r.stage_id,
          title: r.title,
          channel: orUndefined(r.channel),
          ownerTeamIds: JSON.parse(r.owner_ids) as string[],
          supportTeamIds: JSON.parse(r.support_ids) as string[],
          promises: JSON.parse(r.promises) as string[],
          description: orUndefined(r.description),
          kpi: orUndefined(r.kpi),
          order: orUndefined(r.sort_order),
        };
      }
      case 'handoffs': {
        const r = q.handoff.get(mapId, id);
        return r
          ? { id: r.id, stageId: r.stage_id, fromTeamId: r.from_team_id, toTeamId: r.to_team_id, criteria: orUndefined(r.criteria), slaHours: orUndefined(r.sla_hours) }
          : null;
      }
      case 'connections': {
        const r = q.connection.get(mapId, id);
        return r ? { id: r.id, source: r.source, target: r.target, label: orUndefined(r.label) } : null;
      }
      case 'notes': {
        const r = q.note.get(mapId, id);
        return r ? { id: r.id, text: r.text, stageId: orUndefined(r.stage_id), x: r.x, y: r.y } : null;
      }
    }
  }

  /** Checks what a written record points at, naming the record and the missing element. */
  function checkReferences(mapId: string, collection: RecordCollection, record: AnyRecord): void {
    const where = `${KIND[collection]} "${record.id}"`;
    const stageExists = (id: string) => q.exists.stage.get(mapId, id) !== undefined;
    const teamExists = (id: string) => q.exists.team.get(mapId, id) !== undefined;
    const missing = (what: string, id: string) => conflict(`The ${where} refers to ${what} "${id}", which is not in the map.`);
    if (collection === 'touchpoints') {
      const t = record as unknown as Touchpoint;
      if (!stageExists(t.stageId)) throw missing('stage', t.stageId);
      const all = [...t.ownerTeamIds, ...t.supportTeamIds];
      for (const teamId of all) if (!teamExists(teamId)) throw missing('team', teamId);
      if (new Set(all).size !== all.length) throw invalid(`The ${where} lists a team twice among its leads and supporters.`);
    } else if (collection === 'handoffs') {
      const h = record as unknown as Handoff;
      if (!stageExists(h.stageId)) throw missing('stage', h.stageId);
      for (const teamId of [h.fromTeamId, h.toTeamId]) if (!teamExists(teamId)) throw missing('team', teamId);
    } else if (collection === 'connections') {
      const c = record as unknown as Connection;
      for (const end of [c.source, c.target]) if (q.exists.pathElement.get(mapId, end) === undefined) throw missing('touchpoint or handoff', end);
      if (c.source === c.target) throw invalid(`The ${where} connects an element to itself.`);
    } else if (collection === 'notes') {
      const n = record as unknown as Note;
      if (n.stageId !== undefined && !stageExists(n.stageId)) throw missing('stage', n.stageId);
    }
  }

  function writeRecord(mapId: string, entry: WorkingRecord, record: AnyRecord): void {
    const { collection, id } = entry;
    if (!entry.existed) {
      const taken = q.kindOf.get(mapId, id);
      if (taken) throw conflict(`The id "${id}" is already used by a ${taken.kind} in this map.`);
      q.insertElement.run(mapId, id, KIND[collection]);
    }
    const position = entry.existed ? 0 : q.nextPosition[collection].get(mapId)!.next;
    const base = { map: mapId, id, position };
    switch (collection) {
      case 'stages':
        q.write.stages.run({ ...base, name: record.name, phase: record.phase, goal: orNull(record.goal), kpi: orNull(record.kpi) });
        break;
      case 'teams':
        q.write.teams.run({ ...base, name: record.name, role: record.role, color: orNull(record.color) });
        break;
      case 'touchpoints': {
        const t = record as unknown as Touchpoint;
        q.write.touchpoints.run({
          ...base,
          stageId: t.stageId,
          title: t.title,
          channel: orNull(t.channel),
          promises: JSON.stringify(t.promises),
          description: orNull(t.description),
          kpi: orNull(t.kpi),
          order: orNull(t.order),
          owners: JSON.stringify(t.ownerTeamIds),
          supporters: JSON.stringify(t.supportTeamIds),
        });
        q.clearTouchpointTeams.run(mapId, id);
        t.ownerTeamIds.forEach((teamId, i) => q.insertTouchpointTeam.run(mapId, id, 'owner', teamId, i));
        t.supportTeamIds.forEach((teamId, i) => q.insertTouchpointTeam.run(mapId, id, 'support', teamId, i));
        break;
      }
      case 'handoffs': {
        const h = record as unknown as Handoff;
        q.write.handoffs.run({ ...base, stageId: h.stageId, fromTeamId: h.fromTeamId, toTeamId: h.toTeamId, criteria: orNull(h.criteria), slaHours: orNull(h.slaHours) });
        break;
      }
      case 'connections': {
        const c = record as unknown as Connection;
        q.write.connections.run({ ...base, source: c.source, target: c.target, label: orNull(c.label) });
        break;
      }
      case 'notes': {
        const n = record as unknown as Note;
        q.write.notes.run({ ...base, text: n.text, stageId: orNull(n.stageId), x: n.x, y: n.y });
        break;
      }
    }
  }

  function parseRecord(collection: RecordCollection, id: string, value: unknown): AnyRecord {
    const parsed = SCHEMAS[collection].safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid(`${collection}["${id}"]${issue.path.length ? '.' + formatPath(issue.path) : ''}: ${issue.message}`);
    }
    const record = parsed.data as AnyRecord;
    if (record.id !== id) throw invalid(`${collection}["${id}"].id: must be "${id}", the key it is stored under`);
    return record;
  }

  function apply(mapId: string, patches: Patch[], at: string): void {
    const meta = q.map.get(mapId);
    if (!meta) throw new ApiError('not-found', `There is no map with id "${mapId}"; it may have been deleted.`);
    let name = meta.name;
    let description = meta.description;
    let rules: Record<string, unknown> = JSON.parse(meta.rules);
    const working = new Map<string, WorkingRecord>();
    const orderPatches: Record<'stages' | 'teams', Patch[]> = { stages: [], teams: [] };
    const counts = { stages: 0, teams: 0 };
    // Order patches are relative to the order before this batch; read it before anything is written.
    const orderBefore: Partial<Record<'stages' | 'teams', string[]>> = {};
    const snapshotOrder = (collection: 'stages' | 'teams') => {
      orderBefore[collection] ??= q.orderOf[collection].all(mapId).map((r) => r.id);
    };

    const load = (collection: RecordCollection, id: string): WorkingRecord => {
      const key = `${collection}\u0000${id}`;
      let entry = working.get(key);
      if (!entry) {
        const record = readRecord(mapId, collection, id);
        entry = { collection, id, existed: record !== null, record };
        working.set(key, entry);
      }
      return entry;
    };

    for (const patch of patches) {
      const [head, key, ...rest] = patch.path;
      const where = formatPath(patch.path);
      if (head === 'name' && patch.path.length === 1) {
        const parsed = labelSchema().safeParse(patch.value);
        if (!parsed.success || patch.op === 'remove') throw invalid(`name: ${parsed.success ? 'cannot be removed' : parsed.error.issues[0]!.message}`);
        name = parsed.data;
      } else if (head === 'description' && patch.path.length === 1) {
        if (patch.op === 'remove') description = null;
        else {
          const parsed = optionalTextSchema(LIMITS.longTextLength).safeParse(patch.value);
          if (!parsed.success) throw invalid(`description: ${parsed.error.issues[0]!.message}`);
          description = orNull(parsed.data);
        }
      } else if (head === 'rules') {
        rules = applyPatches(rules, [{ ...patch, path: patch.path.slice(1) }]);
      } else if (head === 'stageOrder' || head === 'teamOrder') {
        snapshotOrder(ORDER_FIELDS[head]);
        orderPatches[ORDER_FIELDS[head]].push({ ...patch, path: patch.path.slice(1) });
      } else if (typeof head === 'string' && (RECORD_COLLECTIONS as readonly string[]).includes(head) && typeof key === 'string') {
        const collection = head as RecordCollection;
        if (collection === 'stages' || collection === 'teams') snapshotOrder(collection);
        const entry = load(collection, key);
        if (rest.length === 0) {
          if (patch.op === 'add' && entry.record !== null) throw conflict(`The id "${key}" is already used in this map.`);
          if (patch.op === 'replace' && entry.record === null) throw conflict(`There is no ${KIND[collection]} "${key}" to change.`);
          entry.record = patch.op === 'remove' ? null : (patch.value as AnyRecord);
          if (collection === 'stages' || collection === 'teams') counts[collection] += patch.op === 'add' ? 1 : patch.op === 'remove' ? -1 : 0;
        } else {
          if (entry.record === null) throw conflict(`There is no ${KIND[collection]} "${key}" to change.`);
          try {
            entry.record = applyPatches(entry.record, [{ ...patch, path: rest }]);
          } catch {
            throw invalid(`${where}: cannot apply "${patch.op}" there.`);
          }
        }
      } else {
        throw invalid(`${where}: is not a part of a map that can be changed.`);
      }
    }

    // Deletions first, so a batch that removes and re-adds an id works; then writes, then reference checks.
    for (const entry of working.values()) {
      if (entry.record === null && entry.existed) q.deleteElement.run(mapId, entry.id);
    }
    const written: [RecordCollection, AnyRecord][] = [];
    for (const entry of working.values()) {
      if (entry.record === null) continue;
      const record = parseRecord(entry.collection, entry.id, entry.record);
      writeRecord(mapId, entry, record);
      written.push([entry.collection, record]);
    }
    for (const [collection, record] of written) checkReferences(mapId, collection, record);

    for (const collection of ['stages', 'teams'] as const) {
      if (orderPatches[collection].length === 0 && counts[collection] === 0) continue;
      const stored = new Set(q.orderOf[collection].all(mapId).map((r) => r.id));
      let order: unknown;
      try {
        order = applyPatches(orderBefore[collection] ?? [], orderPatches[collection]);
      } catch {
        throw invalid(`${collection === 'stages' ? 'stageOrder' : 'teamOrder'}: cannot apply these changes.`);
      }
      const list = Array.isArray(order) ? (order as unknown[]) : [];
      const unique = new Set(list);
      const isPermutation = list.length === stored.size && unique.size === list.length && list.every((id) => typeof id === 'string' && stored.has(id));
      if (!isPermutation) throw conflict(`The order of ${collection} does not match the ${collection} in the map.`);
      (list as string[]).forEach((id, i) => q.setPosition[collection].run(i, mapId, id));
    }

    const checkedRules = ruleSettingsSchema.safeParse(rules);
    if (!checkedRules.success) throw invalid(`rules: ${formatPath(checkedRules.error.issues[0]!.path)} ${checkedRules.error.issues[0]!.message}`);
    q.updateMap.run(name, description, JSON.stringify(checkedRules.data), at, mapId);
  }

  return {
    /** Applies one batch of patches atomically; throws ApiError and changes nothing when any part is refused. */
    apply(mapId: string, patches: Patch[], at: string): void {
      try {
        db.transaction(() => apply(mapId, patches, at))();
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw conflict('This change would leave something in the map pointing at an element that is gone.');
        }
        throw error;
      }
    },
  };
}
