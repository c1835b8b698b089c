import type { Draft } from 'immer';
import { defineCommand } from '../command';
import type { MapDoc } from '../mapDoc';

/** Everything a deletion removes, including what goes with the selected elements. */
export interface DeletionPlan {
  stages: string[];
  teams: string[];
  touchpoints: string[];
  handoffs: string[];
  connections: string[];
  notes: string[];
  /** Touchpoints that stay but lose a lead or supporting team that is deleted. */
  touchpointsLosingTeams: string[];
}

type AnyDoc = MapDoc | Draft<MapDoc>;

/**
 * Deleting a stage takes its touchpoints and handoffs; deleting a team takes the touchpoints only it
 * leads and its handoffs, and drops it from other cards; deleting a card or handoff takes its connections.
 */
export function planDeletion(doc: AnyDoc, ids: Iterable<string>): DeletionPlan {
  const selected = new Set(ids);
  const stages = new Set([...selected].filter((id) => doc.stages.has(id)));
  const teams = new Set([...selected].filter((id) => doc.teams.has(id)));
  const touchpoints = new Set<string>();
  const losing = new Set<string>();
  for (const t of doc.touchpoints.values()) {
    const remainingOwners = t.ownerTeamIds.filter((o) => !teams.has(o));
    if (selected.has(t.id) || stages.has(t.stageId) || (t.ownerTeamIds.length > 0 && remainingOwners.length === 0)) touchpoints.add(t.id);
    else if (remainingOwners.length !== t.ownerTeamIds.length || t.supportTeamIds.some((s) => teams.has(s))) losing.add(t.id);
  }
  const handoffs = new Set<string>();
  for (const h of doc.handoffs.values()) {
    if (selected.has(h.id) || stages.has(h.stageId) || teams.has(h.fromTeamId) || teams.has(h.toTeamId)) handoffs.add(h.id);
  }
  const connections = new Set<string>();
  for (const c of doc.connections.values()) {
    const gone = (end: string) => touchpoints.has(end) || handoffs.has(end);
    if (selected.has(c.id) || gone(c.source) || gone(c.target)) connections.add(c.id);
  }
  const notes = [...selected].filter((id) => doc.notes.has(id));
  return {
    stages: [...stages],
    teams: [...teams],
    touchpoints: [...touchpoints],
    handoffs: [...handoffs],
    connections: [...connections],
    notes,
    touchpointsLosingTeams: [...losing],
  };
}

function count(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 touchpoints and 1 handoff" — what a confirmation says goes along with stages or teams. */
export function describeDependents(plan: DeletionPlan, selected: Iterable<string>): string | undefined {
  const chosen = new Set(selected);
  const parts = [
    [plan.touchpoints.filter((id) => !chosen.has(id)).length, 'touchpoint'],
    [plan.handoffs.filter((id) => !chosen.has(id)).length, 'handoff'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, w]) => count(n, w));
  return said.length ? said.join(' and ') : undefined;
}

export const deleteElements = defineCommand<{ ids: string[] }>({
  name: 'deleteElements',
  label: (doc, a) => {
    const n = a.ids.length;
    const only = n === 1 ? (doc.touchpoints.get(a.ids[0]!)?.title ?? doc.stages.get(a.ids[0]!)?.name ?? doc.teams.get(a.ids[0]!)?.name) : undefined;
    return only ? `Delete “${only}”` : `Delete ${count(n, 'item')}`;
  },
  run(draft, { ids }) {
    const plan = planDeletion(draft, ids);
    const teams = new Set(plan.teams);
    for (const id of plan.connections) draft.connections.delete(id);
    for (const id of plan.handoffs) draft.handoffs.delete(id);
    for (const id of plan.touchpoints) draft.touchpoints.delete(id);
    for (const id of plan.touchpointsLosingTeams) {
      const t = draft.touchpoints.get(id)!;
      if (t.ownerTeamIds.some((o) => teams.has(o))) t.ownerTeamIds = t.ownerTeamIds.filter((o) => !teams.has(o));
      if (t.supportTeamIds.some((s) => teams.has(s))) t.supportTeamIds = t.supportTeamIds.filter((s) => !teams.has(s));
    }
    for (const id of plan.notes) draft.notes.delete(id);
    const stages = new Set(plan.stages);
    for (const note of draft.notes.values()) if (note.stageId && stages.has(note.stageId)) delete note.stageId;
    for (const id of plan.stages) draft.stages.delete(id);
    for (const id of plan.teams) draft.teams.delete(id);
    if (stages.size) draft.stageOrder = draft.stageOrder.filter((id) => !stages.has(id));
    if (teams.size) draft.teamOrder = draft.teamOrder.filter((id) => !teams.has(id));
  },
});
