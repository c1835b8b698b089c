import type { JourneyMap } from '../model/journeyMap';
import type { Team, TeamRole } from '../model/team';
import type { Stage } from '../model/stage';
import type { Touchpoint } from '../model/touchpoint';
import type { Handoff } from '../model/handoff';
import { computePromiseSpans, promiseInfoOf, type PromiseInfo, type PromiseSpans } from './promiseSpans';

/**
 * How much to say. `complete` reports every rule: the command line, exports and Present use it. `workshop`
 * is the live canvas while the room is still mapping: findings that only mean "this stage has not been
 * started yet" wait until it has (see MapIndex.notStartedYet), so a fresh template invites instead of alarming.
 */
export type ValidationMode = 'workshop' | 'complete';

/** Lookups every rule needs, built once per validation so no rule scans the map inside a loop. */
export interface MapIndex {
  map: JourneyMap;
  mode: ValidationMode;
  /**
   * In workshop mode: the room has not reached this stage yet — no touchpoint in it or in any later stage.
   * A stage counts as started once it or a stage after it has a card (the room maps left to right, so an
   * empty stage before a filled one was skipped, not postponed); nothing needs to be stored to know it.
   * Always false in complete mode.
   */
  notStartedYet(stageId: string): boolean;
  teams: Map<string, Team>;
  stages: Map<string, Stage>;
  stageIndex: Map<string, number>;
  /** Built on first use: a full validation of a map without connected handoffs never needs it. */
  touchpoints: Map<string, Touchpoint>;
  /** A promise-making card's promise keys, stage position and whether a marketing- or sales-led card makes them. */
  promiseInfo(touchpoint: Touchpoint): PromiseInfo;
  /** The cards that make at least one promise, in map order (most cards make none). */
  cardsWithPromises: Touchpoint[];
  /** promiseInfo of each of cardsWithPromises, in the same order. */
  promiseInfos: PromiseInfo[];
  /** Where each promise is made by marketing-led and by sales-led cards (first and last stage). */
  promiseSpans: PromiseSpans;
  /** Per stage: how many cards, and whether a marketing team leads or supports any of them. */
  stageStats: Map<string, { cards: number; marketing: boolean }>;
  handoffs: Map<string, Handoff>;
  /** Every element a connection starts or ends at: the buyer's path. */
  connected: ReadonlySet<string>;
  /** Handoff id → ids it connects to, and ids that connect to it (see Adjacency). */
  outgoing: Map<string, string[]>;
  incoming: Map<string, string[]>;
  teamsWithRole(role: TeamRole): Team[];
  /** The touchpoint's lead teams that exist, in order (computed once per card). */
  leads(touchpoint: Touchpoint): Team[];
  teamName(id: string): string;
}

/** Whether one of `teamIds` leads or supports the card (stage coverage counts both). */
export function involves(touchpoint: Touchpoint, teamIds: ReadonlySet<string>): boolean {
  return touchpoint.ownerTeamIds.some((id) => teamIds.has(id)) || touchpoint.supportTeamIds.some((id) => teamIds.has(id));
}

/**
 * Who connects to whom. The rules and the agreement follow the path only through handoffs (a card asks
 * only whether it is on the path at all), so neighbour lists are kept for handoffs alone: one set of ids
 * instead of two lists per card, which is most of what indexing a 20,000-card map used to cost.
 */
export interface Adjacency {
  connected: Set<string>;
  /** Handoff id → the ids its connections lead to / come from, in connection order. */
  outgoing: Map<string, string[]>;
  incoming: Map<string, string[]>;
}

/** Built once per set of connections and handoffs (the live validator reuses it across card edits). */
export function buildAdjacency(connections: Iterable<{ source: string; target: string }>, handoffs: { has(id: string): boolean }): Adjacency {
  const connected = new Set<string>();
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  const push = (index: Map<string, string[]>, key: string, value: string) => {
    const list = index.get(key);
    if (list) list.push(value);
    else index.set(key, [value]);
  };
  for (const c of connections) {
    connected.add(c.source);
    connected.add(c.target);
    if (handoffs.has(c.source)) push(outgoing, c.source, c.target);
    if (handoffs.has(c.target)) push(incoming, c.target, c.source);
  }
  return { connected, outgoing, incoming };
}

/** Pieces the caller already has, so an index for a large map is not rebuilt from scratch. */
export interface IndexParts {
  touchpoints?: Map<string, Touchpoint>;
  adjacency?: Adjacency;
  stageStats?: Map<string, { cards: number; marketing: boolean }>;
  promiseSpans?: PromiseSpans;
  cardsWithPromises?: Touchpoint[];
}

export function buildIndex(map: JourneyMap, parts: IndexParts = {}, mode: ValidationMode = 'complete'): MapIndex {
  const teams = new Map(map.teams.map((t) => [t.id, t]));
  const stages = new Map(map.stages.map((s) => [s.id, s]));
  const stageIndex = new Map(map.stages.map((s, i) => [s.id, i]));
  const marketingIds = new Set(map.teams.filter((t) => t.role === 'marketing').map((t) => t.id));
  let stats = parts.stageStats;
  let spans = parts.promiseSpans;
  let promising = parts.cardsWithPromises;
  const stageStats = () => {
    if (!stats) {
      stats = new Map(map.stages.map((s) => [s.id, { cards: 0, marketing: false }]));
      for (const t of map.touchpoints) {
        const stat = stats.get(t.stageId);
        if (!stat) continue;
        stat.cards++;
        if (!stat.marketing && marketingIds.size > 0) stat.marketing = involves(t, marketingIds);
      }
    }
    return stats;
  };
  let lastStartedStage: number | undefined;
  const notStartedYet = (stageId: string) => {
    if (mode === 'complete') return false;
    if (lastStartedStage === undefined) {
      lastStartedStage = -1;
      map.stages.forEach((stage, i) => {
        if (stageStats().get(stage.id)!.cards > 0) lastStartedStage = i;
      });
    }
    return (stageIndex.get(stageId) ?? -1) > lastStartedStage;
  };
  const handoffs = new Map(map.handoffs.map((h) => [h.id, h]));
  const { connected, outgoing, incoming } = parts.adjacency ?? buildAdjacency(map.connections, handoffs);
  let touchpoints = parts.touchpoints;
  const byRole = new Map<TeamRole, Team[]>([['marketing', []], ['sales', []], ['other', []]]);
  for (const t of map.teams) byRole.get(t.role)!.push(t);
  // Most cards have exactly one lead: answer those from one shared array per team, without a lookup per card.
  const NONE: Team[] = [];
  const single = new Map(map.teams.map((t) => [t.id, [t]]));
  const leadsOf = new Map<string, Team[]>();
  const leads = (t: Touchpoint): Team[] => {
    const owners = t.ownerTeamIds;
    if (owners.length === 0) return NONE;
    if (owners.length === 1) return single.get(owners[0]!) ?? NONE;
    let list = leadsOf.get(t.id);
    if (!list) {
      list = [];
      for (const id of owners) {
        const team = teams.get(id);
        if (team) list.push(team);
      }
      leadsOf.set(t.id, list);
    }
    return list;
  };
  const promiseInfo = (t: Touchpoint): PromiseInfo => promiseInfoOf(t, stageIndex.get(t.stageId), leads(t));
  let infos: PromiseInfo[] | undefined;
  return {
    map,
    mode,
    notStartedYet,
    teams,
    stages,
    stageIndex,
    get touchpoints() {
      if (!touchpoints) {
        touchpoints = new Map();
        for (const t of map.touchpoints) touchpoints.set(t.id, t);
      }
      return touchpoints;
    },
    get stageStats() {
      return stageStats();
    },
    promiseInfo,
    get cardsWithPromises() {
      promising ??= map.touchpoints.filter((t) => t.promises.length > 0);
      return promising;
    },
    get promiseInfos() {
      infos ??= this.cardsWithPromises.map(promiseInfo);
      return infos;
    },
    get promiseSpans() {
      spans ??= computePromiseSpans(this.promiseInfos);
      return spans;
    },
    handoffs,
    connected,
    outgoing,
    incoming,
    teamsWithRole: (role) => byRole.get(role)!,
    leads,
    teamName: (id) => teams.get(id)?.name ?? 'an unknown team',
  };
}
