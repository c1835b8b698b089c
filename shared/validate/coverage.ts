import type { JourneyMap } from '../model/journeyMap';
import { expectsRoleIn } from './roleModel';

export interface CoverageCell {
  stageId: string;
  teamId: string;
  /** Touchpoints the team leads in the stage. */
  lead: string[];
  /** Touchpoints the team supports in the stage. */
  support: string[];
  /**
   * The model expects the team's role here and no team of that role leads or supports anything in the
   * stage: a marketing team in every stage, a sales team in intent and purchase. Other empty cells are
   * just empty (Customer Success in Awareness is nobody's gap).
   */
  gap: boolean;
}

/**
 * The workshop's "who leads, who supports" exercise, done by the app: for every stage × team, the
 * touchpoints the team leads and supports there, and whether an empty cell is a gap.
 */
export function computeCoverage(map: JourneyMap): CoverageCell[][] {
  const key = (teamId: string, stageId: string) => `${teamId}\u0000${stageId}`;
  const cells = new Map<string, CoverageCell>();
  for (const team of map.teams) {
    for (const stage of map.stages) cells.set(key(team.id, stage.id), { stageId: stage.id, teamId: team.id, lead: [], support: [], gap: false });
  }
  for (const t of map.touchpoints) {
    for (const teamId of t.ownerTeamIds) cells.get(key(teamId, t.stageId))?.lead.push(t.id);
    for (const teamId of t.supportTeamIds) cells.get(key(teamId, t.stageId))?.support.push(t.id);
  }
  const rows = map.teams.map((team) => map.stages.map((stage) => cells.get(key(team.id, stage.id))!));
  // A role covers a stage when any of its teams is there: a second marketing team's empty cell is no gap.
  map.stages.forEach((stage, c) => {
    const covered = new Set(map.teams.filter((team, r) => isOccupied(rows[r]![c]!)).map((team) => team.role));
    map.teams.forEach((team, r) => {
      rows[r]![c]!.gap = expectsRoleIn(team.role, stage.phase) && !covered.has(team.role);
    });
  });
  return rows;
}

const isOccupied = (cell: CoverageCell) => cell.lead.length > 0 || cell.support.length > 0;
