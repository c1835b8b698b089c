import { defineCommand } from '../command';
import type { MapDoc } from '../mapDoc';
import type { Touchpoint } from '../../model/touchpoint';
import type { Handoff } from '../../model/handoff';
import type { Note } from '../../model/note';
import type { Connection } from '../../model/connection';
import { newId } from '../../ids';
import { laneTeamOf, pinCellOrder } from './support';

/**
 * Copied cards, handoffs, notes and the connections among them, with the names of the stages and teams
 * they refer to, so a paste into another map can find the matching stage and team by name.
 */
export interface Clip {
  touchpoints: Touchpoint[];
  handoffs: Handoff[];
  notes: Note[];
  connections: Connection[];
  stageNames: Record<string, string>;
  teamNames: Record<string, string>;
}

export function copyToClip(doc: MapDoc, ids: Iterable<string>): Clip | undefined {
  const chosen = new Set(ids);
  const touchpoints = [...chosen].map((id) => doc.touchpoints.get(id)).filter((t): t is Touchpoint => !!t);
  const handoffs = [...chosen].map((id) => doc.handoffs.get(id)).filter((h): h is Handoff => !!h);
  const notes = [...chosen].map((id) => doc.notes.get(id)).filter((n): n is Note => !!n);
  if (touchpoints.length + handoffs.length + notes.length === 0) return undefined;
  const ends = new Set([...touchpoints.map((t) => t.id), ...handoffs.map((h) => h.id)]);
  const connections = [...doc.connections.values()].filter((c) => ends.has(c.source) && ends.has(c.target));
  const stageNames: Record<string, string> = {};
  const teamNames: Record<string, string> = {};
  for (const [id, s] of doc.stages) stageNames[id] = s.name;
  for (const [id, t] of doc.teams) teamNames[id] = t.name;
  return structuredClone({ touchpoints, handoffs, notes, connections, stageNames, teamNames });
}

/** Where a paste lands when a copied stage or team has no match in this map. */
export interface PasteTarget {
  stageId?: string;
  noteOffset: number;
}

/** Gives every pasted element a fresh id up front, so the caller can select what was pasted. */
export function assignFreshIds(clip: Clip): { clip: Clip; ids: string[] } {
  const fresh = new Map<string, string>();
  const renew = (id: string, prefix: string) => {
    const next = newId(prefix);
    fresh.set(id, next);
    return next;
  };
  const touchpoints = clip.touchpoints.map((t) => ({ ...t, id: renew(t.id, 'tp-') }));
  const handoffs = clip.handoffs.map((h) => ({ ...h, id: renew(h.id, 'ho-') }));
  const notes = clip.notes.map((n) => ({ ...n, id: renew(n.id, 'note-') }));
  const connections = clip.connections.map((c) => ({ ...c, id: newId('c-'), source: fresh.get(c.source)!, target: fresh.get(c.target)! }));
  return {
    clip: { ...clip, touchpoints, handoffs, notes, connections },
    ids: [...touchpoints, ...handoffs, ...notes].map((e) => e.id),
  };
}

function resolver(doc: MapDoc | import('immer').Draft<MapDoc>, names: Record<string, string>, collection: 'stages' | 'teams') {
  const byName = new Map<string, string>();
  for (const [id, record] of doc[collection]) if (!byName.has(record.name.toLowerCase())) byName.set(record.name.toLowerCase(), id);
  return (id: string): string | undefined => {
    if (doc[collection].has(id)) return id;
    const name = names[id];
    return name ? byName.get(name.toLowerCase()) : undefined;
  };
}

/** Pastes a clip (with fresh ids) into the map: same stage and team by id, else by name, else the target stage. */
export const pasteClip = defineCommand<{ clip: Clip; target: PasteTarget }>({
  name: 'pasteClip',
  label: (_doc, a) => {
    const n = a.clip.touchpoints.length + a.clip.handoffs.length + a.clip.notes.length;
    return `Paste ${n} item${n === 1 ? '' : 's'}`;
  },
  run(draft, { clip, target }) {
    const stageOf = resolver(draft, clip.stageNames, 'stages');
    const teamOf = resolver(draft, clip.teamNames, 'teams');
    const fallbackStage = target.stageId && draft.stages.has(target.stageId) ? target.stageId : draft.stageOrder[0];
    const pasted = new Set<string>();
    for (const t of clip.touchpoints) {
      const stageId = stageOf(t.stageId) ?? fallbackStage;
      if (!stageId) continue;
      const owners = t.ownerTeamIds.map(teamOf).filter((id): id is string => !!id);
      const supporters = t.supportTeamIds.map(teamOf).filter((id): id is string => !!id && !owners.includes(id));
      const card: Touchpoint = { ...t, stageId, ownerTeamIds: [...new Set(owners)], supportTeamIds: [...new Set(supporters)] };
      card.order = pinCellOrder(draft, stageId, laneTeamOf(draft, card));
      draft.touchpoints.set(card.id, card);
      pasted.add(card.id);
    }
    for (const h of clip.handoffs) {
      const stageId = stageOf(h.stageId) ?? fallbackStage;
      const fromTeamId = teamOf(h.fromTeamId);
      const toTeamId = teamOf(h.toTeamId);
      if (!stageId || !fromTeamId || !toTeamId) continue;
      draft.handoffs.set(h.id, { ...h, stageId, fromTeamId, toTeamId });
      pasted.add(h.id);
    }
    for (const n of clip.notes) {
      const note: Note = { ...n, x: n.x + target.noteOffset, y: n.y + target.noteOffset };
      const stageId = n.stageId ? stageOf(n.stageId) : undefined;
      if (stageId) note.stageId = stageId;
      else delete note.stageId;
      draft.notes.set(note.id, note);
    }
    for (const c of clip.connections) if (pasted.has(c.source) && pasted.has(c.target)) draft.connections.set(c.id, c);
  },
});
