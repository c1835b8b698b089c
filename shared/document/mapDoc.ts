import { enableMapSet, enablePatches } from 'immer';
import type { JourneyMap } from '../model/journeyMap';
import type { Team } from '../model/team';
import type { Stage } from '../model/stage';
import type { Touchpoint } from '../model/touchpoint';
import type { Handoff } from '../model/handoff';
import type { Connection } from '../model/connection';
import type { Note } from '../model/note';
import type { RuleSettings } from '../model/rules';
import { withoutUndefined } from '../model/fields';

enableMapSet();
enablePatches();

/**
 * The editable form of a map: records keyed by id, with explicit orders for stages and teams. Every
 * immer patch on it names the record it touches (`['touchpoints', id, 'title']`), so an edit costs the
 * same whatever the map's size, and the store can apply it row by row.
 */
export interface MapDoc {
  id: string;
  name: string;
  description?: string;
  rules: RuleSettings;
  stageOrder: string[];
  teamOrder: string[];
  stages: Map<string, Stage>;
  teams: Map<string, Team>;
  touchpoints: Map<string, Touchpoint>;
  handoffs: Map<string, Handoff>;
  connections: Map<string, Connection>;
  notes: Map<string, Note>;
}

/** The record collections of a MapDoc, by the name patches use. */
export const RECORD_COLLECTIONS = ['stages', 'teams', 'touchpoints', 'handoffs', 'connections', 'notes'] as const;
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];
export const ORDER_FIELDS = { stageOrder: 'stages', teamOrder: 'teams' } as const;

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));

export function toMapDoc(map: JourneyMap): MapDoc {
  return withoutUndefined({
    id: map.id,
    name: map.name,
    description: map.description,
    rules: { ...map.rules },
    stageOrder: map.stages.map((s) => s.id),
    teamOrder: map.teams.map((t) => t.id),
    stages: byId(map.stages),
    teams: byId(map.teams),
    touchpoints: byId(map.touchpoints),
    handoffs: byId(map.handoffs),
    connections: byId(map.connections),
    notes: byId(map.notes),
  });
}

export function fromMapDoc(doc: MapDoc): JourneyMap {
  return withoutUndefined({
    id: doc.id,
    name: doc.name,
    description: doc.description,
    teams: doc.teamOrder.map((id) => doc.teams.get(id)!),
    stages: doc.stageOrder.map((id) => doc.stages.get(id)!),
    touchpoints: [...doc.touchpoints.values()],
    handoffs: [...doc.handoffs.values()],
    connections: [...doc.connections.values()],
    notes: [...doc.notes.values()],
    rules: doc.rules,
  });
}

/** Which collection holds an element id, if any. */
export function collectionOf(doc: MapDoc, id: string): RecordCollection | undefined {
  return RECORD_COLLECTIONS.find((collection) => doc[collection].has(id));
}
