import type { Db } from './database';
import { mapContentStatements } from './mapContents';
import { createPatchWriter } from './patchWriter';
import type { Patch } from 'immer';
import { ApiError, type ImportResult, type MapSummary } from '../../shared/api/contract';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { createMapFromTemplate, type TemplateId } from '../../shared/templates';
import { toDocument, type JourneyMapDocument } from '../../shared/format/document';
import { newId } from '../../shared/ids';
import { LIMITS } from '../../shared/model/fields';

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

/** "Q3 funnel" → "Q3 funnel (copy)", kept within the name limit. */
function copyName(name: string): string {
  const suffix = ' (copy)';
  return name.slice(0, LIMITS.nameLength - suffix.length) + suffix;
}

/** Maps in SQLite: every write is one transaction, so a failed write leaves nothing half-done. */
export class MapStore {
  private readonly contents;
  private readonly statements;
  private readonly patchWriter;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.contents = mapContentStatements(db);
    this.patchWriter = createPatchWriter(db);
    this.statements = {
      list: db.prepare<[], SummaryRow>(`${SUMMARY_SELECT} ORDER BY m.updated_at DESC, m.name`),
      summary: db.prepare<[string], SummaryRow>(`${SUMMARY_SELECT} WHERE m.id = ?`),
      exists: db.prepare<[string], { id: string }>('SELECT id FROM maps WHERE id = ?'),
      insertMap: db.prepare(
        'INSERT INTO maps (id, name, description, rules, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      rename: db.prepare('UPDATE maps SET name = ?, updated_at = ? WHERE id = ?'),
      delete: db.prepare('DELETE FROM maps WHERE id = ?'),
    };
  }

  list(): MapSummary[] {
    return this.statements.list.all().map(toSummary);
  }

  get(id: string): JourneyMap {
    const map = this.contents.readMap(id);
    if (!map) throw notFound(id);
    return map;
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

  rename(id: string, name: string): MapSummary {
    const { changes } = this.statements.rename.run(name, this.timestamp(), id);
    if (changes === 0) throw notFound(id);
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
  }

  /**
   * Stores an already-validated map as a new map. If its id is taken the map becomes a copy under a
   * fresh id: an import never overwrites what is stored.
   */
  importMap(map: JourneyMap): ImportResult {
    const taken = this.statements.exists.get(map.id) !== undefined;
    const stored = taken ? { ...map, id: newId('map-') } : map;
    this.insert(stored);
    const result: ImportResult = { map: this.summary(stored.id) };
    if (taken) result.copiedFromId = map.id;
    return result;
  }

  /** Stores one batch of edits (immer patches on the map's MapDoc form) atomically. */
  applyPatches(id: string, patches: Patch[]): { updatedAt: string } {
    const updatedAt = this.timestamp();
    this.patchWriter.apply(id, patches, updatedAt);
    return { updatedAt };
  }

  exportDocument(id: string): JourneyMapDocument {
    return toDocument(this.get(id), this.now().toISOString());
  }

  private insert(map: JourneyMap): void {
    const at = this.timestamp();
    this.db.transaction(() => {
      this.statements.insertMap.run(map.id, map.name, map.description ?? null, JSON.stringify(map.rules), at, at);
      this.contents.insertElements(map.id, map);
    })();
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}

function notFound(id: string): ApiError {
  return new ApiError('not-found', `There is no map with id "${id}"; it may have been deleted.`);
}
