import type { JourneyMap } from '../model/journeyMap';
import type { Team } from '../model/team';
import { laneTeamIdOf } from '../model/lanes';

export interface CardMove {
  id: string;
  title: string;
  fromStage: string;
  toStage: string;
  fromLane: string;
  toLane: string;
}

export interface OwnershipChange {
  id: string;
  title: string;
  before: string[];
  after: string[];
}

export interface MapDiff {
  added: { id: string; title: string }[];
  removed: { id: string; title: string }[];
  /** Cards now in another stage or another lane (lead team). */
  moved: CardMove[];
  /** Cards whose leads or supporters changed (a lane change shows under moved too). */
  ownershipChanged: OwnershipChange[];
  stages: { added: string[]; removed: string[] };
  teams: { added: string[]; removed: string[] };
  handoffs: { added: number; removed: number };
}

/** The name of the lane a card sits in, in one map. */
const laneName = (teams: ReadonlyMap<string, Team>, ownerTeamIds: string[]) => {
  const lead = laneTeamIdOf({ ownerTeamIds }, teams);
  return lead === undefined ? 'Unowned' : teams.get(lead)!.name;
};

const describeTeams = (map: JourneyMap, owners: string[], supporters: string[]) => {
  const name = (id: string) => map.teams.find((t) => t.id === id)?.name ?? id;
  return [...owners.map((id) => `leads: ${name(id)}`), ...supporters.map((id) => `supports: ${name(id)}`)];
};

/** What changed between a version (before) and now (after), card by card, in the words of the room. */
export function diffMaps(before: JourneyMap, after: JourneyMap): MapDiff {
  const beforeCards = new Map(before.touchpoints.map((t) => [t.id, t]));
  const afterCards = new Map(after.touchpoints.map((t) => [t.id, t]));
  const stageName = (map: JourneyMap, id: string) => map.stages.find((s) => s.id === id)?.name ?? 'a removed stage';
  const teamsBefore = new Map(before.teams.map((t) => [t.id, t]));
  const teamsAfter = new Map(after.teams.map((t) => [t.id, t]));
  const diff: MapDiff = {
    added: after.touchpoints.filter((t) => !beforeCards.has(t.id)).map((t) => ({ id: t.id, title: t.title })),
    removed: before.touchpoints.filter((t) => !afterCards.has(t.id)).map((t) => ({ id: t.id, title: t.title })),
    moved: [],
    ownershipChanged: [],
    stages: {
      added: after.stages.filter((s) => !before.stages.some((b) => b.id === s.id)).map((s) => s.name),
      removed: before.stages.filter((s) => !after.stages.some((a) => a.id === s.id)).map((s) => s.name),
    },
    teams: {
      added: after.teams.filter((t) => !before.teams.some((b) => b.id === t.id)).map((t) => t.name),
      removed: before.teams.filter((t) => !after.teams.some((a) => a.id === t.id)).map((t) => t.name),
    },
    handoffs: {
      added: after.handoffs.filter((h) => !before.handoffs.some((b) => b.id === h.id)).length,
      removed: before.handoffs.filter((h) => !after.handoffs.some((a) => a.id === h.id)).length,
    },
  };
  for (const card of after.touchpoints) {
    const old = beforeCards.get(card.id);
    if (!old) continue;
    const fromStage = stageName(before, old.stageId);
    const toStage = stageName(after, card.stageId);
    const fromLane = laneName(teamsBefore, old.ownerTeamIds);
    const toLane = laneName(teamsAfter, card.ownerTeamIds);
    if (old.stageId !== card.stageId || fromLane !== toLane) diff.moved.push({ id: card.id, title: card.title, fromStage, toStage, fromLane, toLane });
    const beforeTeams = describeTeams(before, old.ownerTeamIds, old.supportTeamIds);
    const afterTeams = describeTeams(after, card.ownerTeamIds, card.supportTeamIds);
    if (beforeTeams.join('|') !== afterTeams.join('|')) diff.ownershipChanged.push({ id: card.id, title: card.title, before: beforeTeams, after: afterTeams });
  }
  return diff;
}

export function isEmptyDiff(diff: MapDiff): boolean {
  return (
    diff.added.length + diff.removed.length + diff.moved.length + diff.ownershipChanged.length === 0 &&
    diff.stages.added.length + diff.stages.removed.length + diff.teams.added.length + diff.teams.removed.length === 0 &&
    diff.handoffs.added + diff.handoffs.removed === 0
  );
}
