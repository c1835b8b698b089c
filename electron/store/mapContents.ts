import type { Db } from './database';
import type { JourneyMap } from '../../shared/model/journeyMap';
import type { RuleSettings } from '../../shared/model/rules';
import type { TeamRole } from '../../shared/model/team';
import type { StagePhase } from '../../shared/model/stage';
import type { Touchpoint } from '../../shared/model/touchpoint';
import { withoutUndefined } from '../../shared/model/fields';

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

interface MapRow {
  id: string;
  name: string;
  description: string | null;
  rules: string;
  created_at: string;
  updated_at: string;
}

/** Prepared once per database: reading and writing a map's rows, table by table. */
export function mapContentStatements(db: Db) {
  const insert = {
    element: db.prepare('INSERT INTO elements (map_id, id, kind) VALUES (?, ?, ?)'),
    team: db.prepare('INSERT INTO teams (map_id, id, position, name, role, color) VALUES (?, ?, ?, ?, ?, ?)'),
    stage: db.prepare('INSERT INTO stages (map_id, id, position, name, phase, goal, kpi) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    touchpoint: db.prepare(
      'INSERT INTO touchpoints (map_id, id, position, stage_id, title, channel, promises, description, kpi, sort_order, owner_ids, support_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    touchpointTeam: db.prepare(
      'INSERT INTO touchpoint_teams (map_id, touchpoint_id, relation, team_id, position) VALUES (?, ?, ?, ?, ?)',
    ),
    handoff: db.prepare(
      'INSERT INTO handoffs (map_id, id, position, stage_id, from_team_id, to_team_id, criteria, sla_hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    connection: db.prepare('INSERT INTO connections (map_id, id, position, source, target, label) VALUES (?, ?, ?, ?, ?, ?)'),
    note: db.prepare('INSERT INTO notes (map_id, id, position, text, stage_id, x, y) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
  const select = {
    map: db.prepare<[string], MapRow>('SELECT * FROM maps WHERE id = ?'),
    teams: db.prepare<[string], { id: string; name: string; role: TeamRole; color: string | null }>(
      'SELECT id, name, role, color FROM teams WHERE map_id = ? ORDER BY position',
    ),
    stages: db.prepare<[string], { id: string; name: string; phase: StagePhase; goal: string | null; kpi: string | null }>(
      'SELECT id, name, phase, goal, kpi FROM stages WHERE map_id = ? ORDER BY position',
    ),
    // Raw rows (arrays) and the JSON team lists: opening a large map reads one row per card, no joins.
    touchpoints: db
      .prepare<[string], [string, string, string, string | null, string, string | null, string | null, number | null, string, string]>(
        'SELECT id, stage_id, title, channel, promises, description, kpi, sort_order, owner_ids, support_ids FROM touchpoints WHERE map_id = ? ORDER BY position',
      )
      .raw(),
    handoffs: db.prepare<
      [string],
      { id: string; stage_id: string; from_team_id: string; to_team_id: string; criteria: string | null; sla_hours: number | null }
    >('SELECT id, stage_id, from_team_id, to_team_id, criteria, sla_hours FROM handoffs WHERE map_id = ? ORDER BY position'),
    connections: db.prepare<[string], { id: string; source: string; target: string; label: string | null }>(
      'SELECT id, source, target, label FROM connections WHERE map_id = ? ORDER BY position',
    ),
    notes: db.prepare<[string], { id: string; text: string; stage_id: string | null; x: number; y: number }>(
      'SELECT id, text, stage_id, x, y FROM notes WHERE map_id = ? ORDER BY position',
    ),
  };

  /** Writes every element of `map` under `mapId`; the caller owns the transaction and the maps row. */
  function insertElements(mapId: string, map: JourneyMap): void {
    map.teams.forEach((team, i) => {
      insert.element.run(mapId, team.id, 'team');
      insert.team.run(mapId, team.id, i, team.name, team.role, orNull(team.color));
    });
    map.stages.forEach((stage, i) => {
      insert.element.run(mapId, stage.id, 'stage');
      insert.stage.run(mapId, stage.id, i, stage.name, stage.phase, orNull(stage.goal), orNull(stage.kpi));
    });
    map.touchpoints.forEach((tp, i) => {
      insert.element.run(mapId, tp.id, 'touchpoint');
      insert.touchpoint.run(
        mapId, tp.id, i, tp.stageId, tp.title, orNull(tp.channel), JSON.stringify(tp.promises),
        orNull(tp.description), orNull(tp.kpi), orNull(tp.order), JSON.stringify(tp.ownerTeamIds), JSON.stringify(tp.supportTeamIds),
      );
      tp.ownerTeamIds.forEach((teamId, p) => insert.touchpointTeam.run(mapId, tp.id, 'owner', teamId, p));
      tp.supportTeamIds.forEach((teamId, p) => insert.touchpointTeam.run(mapId, tp.id, 'support', teamId, p));
    });
    map.handoffs.forEach((h, i) => {
      insert.element.run(mapId, h.id, 'handoff');
      insert.handoff.run(mapId, h.id, i, h.stageId, h.fromTeamId, h.toTeamId, orNull(h.criteria), orNull(h.slaHours));
    });
    map.connections.forEach((c, i) => {
      insert.element.run(mapId, c.id, 'connection');
      insert.connection.run(mapId, c.id, i, c.source, c.target, orNull(c.label));
    });
    map.notes.forEach((n, i) => {
      insert.element.run(mapId, n.id, 'note');
      insert.note.run(mapId, n.id, i, n.text, orNull(n.stageId), n.x, n.y);
    });
  }

  /** Reads a whole map back, or undefined when there is no map with that id. */
  function readMap(mapId: string): JourneyMap | undefined {
    const row = select.map.get(mapId);
    if (!row) return undefined;
    return withoutUndefined({
      id: row.id,
      name: row.name,
      description: orUndefined(row.description),
      teams: select.teams.all(mapId).map((t) => withoutUndefined({ id: t.id, name: t.name, role: t.role, color: orUndefined(t.color) })),
      stages: select.stages
        .all(mapId)
        .map((s) => withoutUndefined({ id: s.id, name: s.name, phase: s.phase, goal: orUndefined(s.goal), kpi: orUndefined(s.kpi) })),
      touchpoints: select.touchpoints.all(mapId).map(([id, stageId, title, channel, promises, description, kpi, order, owners, supporters]) => {
        const touchpoint: Touchpoint = {
          id,
          stageId,
          title,
          ownerTeamIds: JSON.parse(owners) as string[],
          supportTeamIds: JSON.parse(supporters) as string[],
          promises: promises === '[]' ? [] : (JSON.parse(promises) as string[]),
        };
        if (channel !== null) touchpoint.channel = channel;
        if (description !== null) touchpoint.description = description;
        if (kpi !== null) touchpoint.kpi = kpi;
        if (order !== null) touchpoint.order = order;
        return touchpoint;
      }),
      handoffs: select.handoffs.all(mapId).map((h) =>
        withoutUndefined({
          id: h.id,
          stageId: h.stage_id,
          fromTeamId: h.from_team_id,
          toTeamId: h.to_team_id,
          criteria: orUndefined(h.criteria),
          slaHours: orUndefined(h.sla_hours),
        }),
      ),
      connections: select.connections
        .all(mapId)
        .map((c) => withoutUndefined({ id: c.id, source: c.source, target: c.target, label: orUndefined(c.label) })),
      notes: select.notes
        .all(mapId)
        .map((n) => withoutUndefined({ id: n.id, text: n.text, stageId: orUndefined(n.stage_id), x: n.x, y: n.y })),
      rules: JSON.parse(row.rules) as RuleSettings,
    });
  }

  return { insertElements, readMap };
}
