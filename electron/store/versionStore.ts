import type { Db } from './database';
import type { MapStore } from './mapStore';
import { ApiError } from '../../shared/api/contract';
import { parseDocument, toDocument } from '../../shared/format/document';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { newId } from '../../shared/ids';

export interface VersionSummary {
  id: string;
  mapId: string;
  name: string;
  createdAt: string;
  stageCount: number;
  touchpointCount: number;
  handoffCount: number;
}

interface VersionRow {
  id: string;
  map_id: string;
  name: string;
  created_at: string;
  stage_count: number;
  touchpoint_count: number;
  handoff_count: number;
}

const toSummary = (row: VersionRow): VersionSummary => ({
  id: row.id,
  mapId: row.map_id,
  name: row.name,
  createdAt: row.created_at,
  stageCount: row.stage_count,
  touchpointCount: row.touchpoint_count,
  handoffCount: row.handoff_count,
});

/** Named snapshots of a map, kept beside it: each one a format v1 document written in one statement. */
export class VersionStore {
  private readonly q;

  constructor(
    db: Db,
    private readonly maps: MapStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    const columns = 'id, map_id, name, created_at, stage_count, touchpoint_count, handoff_count';
    this.q = {
      insert: db.prepare(
        'INSERT INTO versions (id, map_id, name, created_at, document, stage_count, touchpoint_count, handoff_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      list: db.prepare<[string], VersionRow>(`SELECT ${columns} FROM versions WHERE map_id = ? ORDER BY created_at DESC, rowid DESC`),
      summary: db.prepare<[string], VersionRow>(`SELECT ${columns} FROM versions WHERE id = ?`),
      document: db.prepare<[string], { document: string }>('SELECT document FROM versions WHERE id = ?'),
      delete: db.prepare('DELETE FROM versions WHERE id = ?'),
    };
  }

  /** Snapshots the map as it is stored now. */
  save(mapId: string, name: string): VersionSummary {
    const map = this.maps.get(mapId);
    const id = newId('version-');
    this.q.insert.run(id, mapId, name, this.now().toISOString(), JSON.stringify(toDocument(map)), map.stages.length, map.touchpoints.length, map.handoffs.length);
    return toSummary(this.q.summary.get(id)!);
  }

  list(mapId: string): VersionSummary[] {
    this.maps.summary(mapId); // a missing map is an error, not an empty list
    return this.q.list.all(mapId).map(toSummary);
  }

  /** The version's map, through the same gate as any imported file. */
  get(versionId: string): { version: VersionSummary; map: JourneyMap } {
    const row = this.q.summary.get(versionId);
    const stored = this.q.document.get(versionId);
    if (!row || !stored) throw new ApiError('not-found', `There is no version with id "${versionId}"; it may have been deleted.`);
    const parsed = parseDocument(JSON.parse(stored.document));
    if (!parsed.ok) throw new ApiError('internal', `The version “${row.name}” could not be read: ${parsed.problems[0]!.path}: ${parsed.problems[0]!.message}`);
    return { version: toSummary(row), map: parsed.map };
  }

  delete(versionId: string): void {
    if (this.q.delete.run(versionId).changes === 0) throw new ApiError('not-found', `There is no version with id "${versionId}".`);
  }
}
