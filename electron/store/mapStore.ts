import type { Db } from './database';
import { mapContentStatements } from './mapContents';
import { createChangeWriter, type ChangeRequest, type StoredChange } from './changeWriter';
import { ApiError, type ImportResult, type MapSummary } from '../../shared/api/contract';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { createMapFromTemplate, type TemplateId } from '../../shared/templates';
import { toDocument, type JourneyMapDocument } from '../../shared/format/document';
import { newId } from '../../shared/ids';
import { LIMITS, truncateText } from '../../shared/model/fields';

interface SummaryRow {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
  stage_count: number;
  team_count: number;
  touchpoint_count: number;
}

const SUMMARY_SELECT = `
  SELECT m.id, m.name, m.description, m.created_at, m.updated_at,
    (SELECT count(*) FROM stages s WHERE s.map_id = m.id) AS stage_count,
    (SELECT count(*) FROM teams t WHERE t.map_id = m.id) AS team_count,
    (SELECT count(*) FROM touchpoints p WHERE p.map_id = m.id) AS touchpoint_count
  FROM maps m`;

function toSummary(row: SummaryRow): MapSummary {
  const summary: MapSummary = {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    stageCount: row.stage_count,
    teamCount: row.team_count,
    touchpointCount: row.touchpoint_count,
  };
  if (row.description !== null) summary.description = row.description;
  return summary;
}

/** "Q3 funnel" → "Q3 funnel (copy)", kept within the name limit without cutting a character in half. */
export function copyName(name: string): string {
  const suffix = ' (copy)';
  return truncateText(name, LIMITS.nameLength - suffix.length, '') + suffix;
}

/** Who a change came from when it was not an editor window (the home screen's Rename). */
const HOME_CLIENT = 'home';

/** Told after each stored change and deletion, so open windows can follow. */
export interface MapStoreEvents {
  changed(change: StoredChange): void;
  deleted(mapId: string): void;
}

/** Maps in SQLite: every write is one transaction, so a failed write leaves nothing half-done. */
export class MapStore {
  /** Set by whoever carries live sessions (the backend). */
  events?: MapStoreEvents;

  private readonly contents;
  private readonly statements;
  private readonly changes;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.contents = mapContentStatements(db);
    this.changes = createChangeWriter(db);
    this.statements = {
      list: db.prepare<[], SummaryRow>(`${SUMMARY_SELECT} ORDER BY m.updated_at DESC, m.name`),
      summary: db.prepare<[string], SummaryRow>(`${SUMMARY_SELECT} WHERE m.id = ?`),
      exists: db.prepare<[string], { id: string }>('SELECT id FROM maps WHERE id = ?'),
      revision: db.prepare<[string], number>('SELECT revision FROM maps WHERE id = ?').pluck(),
      insertMap: db.prepare(
        'INSERT INTO maps (id, name, description, rules, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      delete: db.prepare('DELETE FROM maps WHERE id = ?'),
    };
  }

  list(): MapSummary[] {
    return this.statements.list.all().map(toSummary);
  }

  get(id: string): JourneyMap {
    return this.open(id).map;
  }

  /** The map with the revision it is at: an editor window starts from both. */
  open(id: string): { map: JourneyMap; revision: number } {
    const opened = this.contents.readMapAt(id);
    if (!opened) throw notFound(id);
    return opened;
  }

  summary(id: string): MapSummary {
    const row = this.statements.summary.get(id);
    if (!row) throw notFound(id);
    return toSummary(row);
  }

  create(name: string, template: TemplateId): MapSummary {
    const map = createMapFromTemplate(template, name);
    this.insert(map);
    return this.summary(map.id);
  }

  /** A rename from the home screen is a change like any other, so open windows see it. */
  rename(id: string, name: string): MapSummary {
    this.storeChange(id, { clientId: HOME_CLIENT, batchId: newId('rename-'), ops: [{ op: 'set', path: ['name'], value: name }] });
    return this.summary(id);
  }

  /** A copy under a new map id; element ids stay, since they are scoped to their map. */
  duplicate(id: string): MapSummary {
    const original = this.get(id);
    const copy = { ...original, id: newId('map-'), name: copyName(original.name) };
    this.insert(copy);
    return this.summary(copy.id);
  }

  delete(id: string): void {
    const { changes } = this.statements.delete.run(id);
    if (changes === 0) throw notFound(id);
    this.events?.deleted(id);
  }

  /**
   * Stores an already-validated map as a new map. If its id is taken the map becomes a copy under a
   * fresh id: an import never overwrites what is stored.
   */
  importMap(map: JourneyMap): ImportResult {
    // The id is checked inside the write transaction, so two imports of one file cannot both take it.
    const stored = this.db
      .transaction(() => {
        const taken = this.statements.exists.get(map.id) !== undefined;
        const copy = taken ? { ...map, id: newId('map-'), name: copyName(map.name) } : map;
        this.insertRows(copy);
        return { copy, taken };
      })
      .immediate();
    const result: ImportResult = { map: this.summary(stored.copy.id) };
    if (stored.taken) result.copiedFromId = map.id;
    return result;
  }

  /** Stores one change from an editor window atomically and returns it as every window applies it. */
  storeChange(id: string, request: ChangeRequest): StoredChange {
    const change = this.changes.store(id, request, this.timestamp());
    this.events?.changed(change);
    return change;
  }

  /** The changes stored after `revision`, or undefined when the window must reload the map instead. */
  changesSince(id: string, revision: number): StoredChange[] | undefined {
    const current = this.statements.revision.get(id);
    if (current === undefined) throw notFound(id);
    return this.changes.since(id, revision, current);
  }

  exportDocument(id: string): JourneyMapDocument {
    return toDocument(this.get(id), this.now().toISOString());
  }

  private insert(map: JourneyMap): void {
    this.db.transaction(() => this.insertRows(map)).immediate();
  }

  private insertRows(map: JourneyMap): void {
    const at = this.timestamp();
    this.statements.insertMap.run(map.id, map.name, map.description ?? null, JSON.stringify(map.rules), at, at);
    this.contents.insertElements(map.id, map);
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}

function notFound(id: string): ApiError {
  return new ApiError('not-found', `There is no map with id "${id}"; it may have been deleted.`);
}
