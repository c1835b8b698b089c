import type { JourneyMap } from '../model/journeyMap';
import type { Team, TeamRole } from '../model/team';
import type { Stage } from '../model/stage';
import type { Touchpoint } from '../model/touchpoint';
import type { Handoff } from '../model/handoff';
import { computePromiseSpans, promiseKey, type PromiseSpans } from './rules/promises';
import type { ValidationMode } from './types';

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
  touchpoints: Map<string, Touchpoint>;
  /** A promise-making card's promise keys, stage position and whether a marketing- or sales-led card makes them. */
  promiseInfo(touchpoint: Touchpoint): PromiseInfo;
  /** The cards that make at least one promise, in map order (most cards make none). */
  cardsWithPromises: Touchpoint[];
  /** Where each promise is made by marketing-led and by sales-led cards (first and last stage). */
  promiseSpans: PromiseSpans;
  /** Per stage: how many cards, and whether a marketing team leads or supports any of them. */
  stageStats: Map<string, { cards: number; marketing: boolean }>;
  handoffs: Map<string, Handoff>;
  /** Element id → ids it connects to, and ids that connect to it. */
  outgoing: Map<string, string[]>;
  incoming: Map<string, string[]>;
  teamsWithRole(role: TeamRole): Team[];
  /** The touchpoint's lead teams that exist, in order (computed once per card). */
  leads(touchpoint: Touchpoint): Team[];
  teamName(id: string): string;
}

export interface Adjacency {
  outgoing: Map<string, string[]>;
  incoming: Map<string, string[]>;
}

/** Who connects to whom: built once per set of connections (the live validator reuses it across card edits). */
export function buildAdjacency(connections: Iterable<{ source: string; target: string }>): Adjacency {
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  const push = (index: Map<string, string[]>, key: string, value: string) => {
    const list = index.get(key);
    if (list) list.push(value);
    else index.set(key, [value]);
  };
  for (const c of connections) {
    push(outgoing, c.source, c.target);
    push(incoming, c.target, c.source);
  }
  return { outgoing, incoming };
}

/** Pieces the caller already has, so an index for a large map is not rebuilt from scratch. */
export interface IndexParts {
  touchpoints?: Map<string, Touchpoint>;
  adjacency?: Adjacency;
  stageStats?: Map<string, { cards: number; marketing: boolean }>;
  promiseSpans?: PromiseSpans;
  cardsWithPromises?: Touchpoint[];
  promiseInfo?: (touchpoint: Touchpoint) => PromiseInfo | undefined;
}

export interface PromiseInfo {
  keys: string[];
  at: number;
  byMarketing: boolean;
  bySales: boolean;
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
        if (!stat.marketing && marketingIds.size > 0) {
          stat.marketing = t.ownerTeamIds.some((id) => marketingIds.has(id)) || t.supportTeamIds.some((id) => marketingIds.has(id));
        }
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
  const { outgoing, incoming } = parts.adjacency ?? buildAdjacency(map.connections);
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
  return {
    map,
    mode,
    notStartedYet,
    teams,
    stages,
    stageIndex,
    touchpoints: parts.touchpoints ?? new Map(map.touchpoints.map((t) => [t.id, t])),
    get stageStats() {
      return stageStats();
    },
    promiseInfo(t) {
      const known = parts.promiseInfo?.(t);
      if (known) return known;
      const cardLeads = leads(t);
      return {
        keys: t.promises.map(promiseKey),
        at: stageIndex.get(t.stageId) ?? 0,
        byMarketing: cardLeads.some((team) => team.role === 'marketing'),
        bySales: cardLeads.some((team) => team.role === 'sales'),
      };
    },
    get cardsWithPromises() {
      promising ??= map.touchpoints.filter((t) => t.promises.length > 0);
      return promising;
    },
    get promiseSpans() {
      spans ??= computePromiseSpans(this);
      return spans;
    },
    handoffs: new Map(map.handoffs.map((h) => [h.id, h])),
    outgoing,
    incoming,
    teamsWithRole: (role) => byRole.get(role)!,
    leads,
    teamName: (id) => teams.get(id)?.name ?? 'an unknown team',
  };
}
