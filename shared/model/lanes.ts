import type { Touchpoint } from './touchpoint';

/** Whatever can tell whether a team is in the map: a set of team ids, or a map keyed by team id. */
export interface TeamLookup {
  has(teamId: string): boolean;
}

/**
 * The team whose lane a card sits in: its first lead that is a team of the map. Undefined when no lead is
 * (the card sits in the Unowned lane). A contested card sits with its first claimant. The canvas, the
 * commands, the slides and the version comparison all place cards by this one rule.
 */
export function laneTeamIdOf(touchpoint: Pick<Touchpoint, 'ownerTeamIds'>, teams: TeamLookup): string | undefined {
  return touchpoint.ownerTeamIds.find((id) => teams.has(id));
}
