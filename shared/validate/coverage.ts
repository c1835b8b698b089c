import type { JourneyMap } from '../model/journeyMap';

export interface CoverageCell {
  stageId: string;
  teamId: string;
  /** Touchpoints the team leads in the stage. */
  lead: string[];
  /** Touchpoints the team supports in the stage. */
  support: string[];
}

/**
 * The workshop's "who leads, who supports" exercise, done by the app: for every stage × team, the
 * touchpoints the team leads and supports there. An empty cell is a gap.
 */
export function computeCoverage(map: JourneyMap): CoverageCell[][] {
  const key = (teamId: string, stageId: string) => `${teamId}\u0000${stageId}`;
  const cells = new Map<string, CoverageCell>();
  for (const team of map.teams) {
    for (const stage of map.stages) cells.set(key(team.id, stage.id), { stageId: stage.id, teamId: team.id, lead: [], support: [] });
  }
  for (const t of map.touchpoints) {
    for (const teamId of t.ownerTeamIds) cells.get(key(teamId, t.stageId))?.lead.push(t.id);
    for (const teamId of t.supportTeamIds) cells.get(key(teamId, t.stageId))?.support.push(t.id);
  }
  return map.teams.map((team) => map.stages.map((stage) => cells.get(key(team.id, stage.id))!));
}
