import type { JourneyMap } from '../model/journeyMap';
import type { Team, TeamRole } from '../model/team';
import type { Stage } from '../model/stage';
import type { Touchpoint } from '../model/touchpoint';
import type { Handoff } from '../model/handoff';

/** Lookups every rule needs, built once per validation so no rule scans the map inside a loop. */
export interface MapIndex {
  map: JourneyMap;
  teams: Map<string, Team>;
  stages: Map<string, Stage>;
  stageIndex: Map<string, number>;
  touchpoints: Map<string, Touchpoint>;
  touchpointsByStage: Map<string, Touchpoint[]>;
  handoffs: Map<string, Handoff>;
  /** Element id → ids it connects to, and ids that connect to it. */
  outgoing: Map<string, string[]>;
  incoming: Map<string, string[]>;
  teamsWithRole(role: TeamRole): Team[];
  hasRole(teamIds: readonly string[], role: TeamRole): boolean;
  /** The touchpoint's lead teams that exist, in order (computed once per card). */
  leads(touchpoint: Touchpoint): Team[];
  teamName(id: string): string;
}

export function buildIndex(map: JourneyMap): MapIndex {
  const teams = new Map(map.teams.map((t) => [t.id, t]));
  const stages = new Map(map.stages.map((s) => [s.id, s]));
  const stageIndex = new Map(map.stages.map((s, i) => [s.id, i]));
  const touchpointsByStage = new Map<string, Touchpoint[]>(map.stages.map((s) => [s.id, []]));
  for (const t of map.touchpoints) touchpointsByStage.get(t.stageId)?.push(t);
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  const push = (index: Map<string, string[]>, key: string, value: string) => {
    const list = index.get(key);
    if (list) list.push(value);
    else index.set(key, [value]);
  };
  for (const c of map.connections) {
    push(outgoing, c.source, c.target);
    push(incoming, c.target, c.source);
  }
  const byRole = new Map<TeamRole, Team[]>([['marketing', []], ['sales', []], ['other', []]]);
  for (const t of map.teams) byRole.get(t.role)!.push(t);
  // Most cards have one lead; resolve each card's leads once for all rules.
  const leadsOf = new Map<string, Team[]>();
  const leads = (t: Touchpoint): Team[] => {
    let list = leadsOf.get(t.id);
    if (!list) {
      list = [];
      for (const id of t.ownerTeamIds) {
        const team = teams.get(id);
        if (team) list.push(team);
      }
      leadsOf.set(t.id, list);
    }
    return list;
  };
  return {
    map,
    teams,
    stages,
    stageIndex,
    touchpoints: new Map(map.touchpoints.map((t) => [t.id, t])),
    touchpointsByStage,
    handoffs: new Map(map.handoffs.map((h) => [h.id, h])),
    outgoing,
    incoming,
    teamsWithRole: (role) => byRole.get(role)!,
    hasRole: (ids, role) => ids.some((id) => teams.get(id)?.role === role),
    leads,
    teamName: (id) => teams.get(id)?.name ?? 'an unknown team',
  };
}
