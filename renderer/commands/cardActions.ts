import type { MapDoc } from '../../shared/document/mapDoc';
import { addTouchpoint, connect, laneTeamOf, updateTouchpoint } from '../../shared/document/commands';
import { newId } from '../../shared/ids';
import { invoke } from '../editor/editorStore';
import { layoutOf } from '../editor/derived';
import { cardsInReadingOrder } from './spatialNavigation';
import type { ActionContext, Choice, Situation } from './types';


const teamName = (doc: MapDoc, id: string | null | undefined) => (id ? (doc.teams.get(id)?.name ?? 'a removed team') : 'Unowned');

/** A card by its title, a handoff by its teams: how the palette names them. */
export function nameOf(doc: MapDoc, id: string): string {
  const card = doc.touchpoints.get(id);
  if (card) return `“${card.title}”`;
  const handoff = doc.handoffs.get(id);
  return handoff ? `the handoff ${teamName(doc, handoff.fromTeamId)} → ${teamName(doc, handoff.toTeamId)}` : 'it';
}

/** "Intent · Sales": the cell a card or handoff sits in. */
export function placeOf(doc: MapDoc, id: string): string {
  const card = doc.touchpoints.get(id);
  const handoff = doc.handoffs.get(id);
  const stageId = card?.stageId ?? handoff?.stageId ?? '';
  const lane = card ? laneTeamOf(doc, card) : handoff?.fromTeamId;
  return `${doc.stages.get(stageId)?.name ?? ''} · ${teamName(doc, lane)}`;
}

/** The one selected touchpoint, if exactly one is selected. */
export function selectedCard(s: Situation): string | undefined {
  const [only, ...rest] = s.state.selection;
  return only !== undefined && rest.length === 0 && s.state.doc.touchpoints.has(only) ? only : undefined;
}

/** The one selected touchpoint or handoff: what a connection can start from. */
export function selectedConnectable(s: Situation): string | undefined {
  const [only, ...rest] = s.state.selection;
  return only !== undefined && rest.length === 0 && (s.state.doc.touchpoints.has(only) || s.state.doc.handoffs.has(only)) ? only : undefined;
}

/**
 * The cell the keyboard adds to: the selected card's (or handoff's) cell, the selected stage or lane,
 * else the first stage and the first lane.
 */
export function cellOfSelection(doc: MapDoc, selection: ReadonlySet<string>): { stageId: string; laneTeamId: string | null } | undefined {
  let stageId = doc.stageOrder[0];
  let laneTeamId: string | null = doc.teamOrder[0] ?? null;
  for (const id of selection) {
    const card = doc.touchpoints.get(id);
    const handoff = doc.handoffs.get(id);
    if (card) [stageId, laneTeamId] = [card.stageId, laneTeamOf(doc, card)];
    else if (handoff) [stageId, laneTeamId] = [handoff.stageId, doc.teams.has(handoff.fromTeamId) ? handoff.fromTeamId : null];
    else if (doc.stages.has(id)) stageId = id;
    else if (doc.teams.has(id)) laneTeamId = id;
    else continue;
    break;
  }
  return stageId ? { stageId, laneTeamId } : undefined;
}

/** Adds a touchpoint to a cell, selects it and opens its title for typing, on the card itself. */
export function addTouchpointAndEditTitle(ctx: ActionContext, cell: { stageId: string; laneTeamId: string | null }): void {
  const id = newId('tp-');
  if (!ctx.editor.run(undefined, invoke(addTouchpoint, { id, ...cell, title: 'New touchpoint' }))) return;
  ctx.editor.select([id]);
  ctx.editor.store.setState({ editingId: id });
  ctx.reveal(id);
}

/** Every stage × team cell, for "Add touchpoint in…". */
export function cellChoices(ctx: ActionContext, s: Situation): Choice[] {
  const { doc } = s.state;
  return doc.stageOrder.flatMap((stageId) =>
    doc.teamOrder.map((teamId) => ({
      id: `${stageId}/${teamId}`,
      label: `Add touchpoint in ${doc.stages.get(stageId)!.name} · ${teamName(doc, teamId)}`,
      run: () => addTouchpointAndEditTitle(ctx, { stageId, laneTeamId: teamId }),
    })),
  );
}

/** The other cards and handoffs, in reading order, for "Connect to…" and "Go to…". */
function otherCards(doc: MapDoc, except?: string): string[] {
  return cardsInReadingOrder(layoutOf(doc)).filter((id) => id !== except);
}

export function connectChoices(ctx: ActionContext, s: Situation): Choice[] {
  const { doc } = s.state;
  const source = selectedConnectable(s);
  if (!source) return [];
  const connected = new Set([...doc.connections.values()].filter((c) => c.source === source).map((c) => c.target));
  return otherCards(doc, source)
    .filter((target) => !connected.has(target))
    .map((target) => {
      const label = `Connect ${nameOf(doc, source)} to ${nameOf(doc, target)}`;
      return {
        id: target,
        label,
        detail: placeOf(doc, target),
        run: () => {
          if (ctx.editor.run(undefined, invoke(connect, { id: newId('c-'), source, target }))) ctx.editor.announce(label.replace(/^Connect/, 'Connected'));
        },
      };
    });
}

export function goToChoices(ctx: ActionContext, s: Situation): Choice[] {
  const { doc } = s.state;
  return otherCards(doc).map((id) => ({
    id,
    label: `Go to ${nameOf(doc, id)}`,
    detail: placeOf(doc, id),
    run: () => {
      ctx.editor.select([id]);
      ctx.reveal(id);
    },
  }));
}

/** Teams that could support the selected card (its leads cannot): add or remove each. */
export function supporterChoices(ctx: ActionContext, s: Situation): Choice[] {
  const { doc } = s.state;
  const id = selectedCard(s);
  const card = id ? doc.touchpoints.get(id) : undefined;
  if (!id || !card) return [];
  return doc.teamOrder
    .filter((teamId) => !card.ownerTeamIds.includes(teamId))
    .map((teamId) => {
      const supports = card.supportTeamIds.includes(teamId);
      const name = teamName(doc, teamId);
      const supportTeamIds = supports ? card.supportTeamIds.filter((t) => t !== teamId) : [...card.supportTeamIds, teamId];
      return {
        id: teamId,
        label: supports ? `Remove ${name} as supporter` : `Add ${name} as supporter`,
        run: () => void ctx.editor.run(undefined, invoke(updateTouchpoint, { id, changes: { supportTeamIds } })),
      };
    });
}

/**
 * Promises for the selected card: what is typed, as a new promise, and the promises other cards make,
 * so a sales card can carry marketing's promise word for word (one voice).
 */
export function promiseChoices(ctx: ActionContext, s: Situation, query: string): Choice[] {
  const { doc } = s.state;
  const id = selectedCard(s);
  const card = id ? doc.touchpoints.get(id) : undefined;
  if (!id || !card) return [];
  const has = (promise: string) => card.promises.some((p) => p.toLowerCase() === promise.toLowerCase());
  const add = (promise: string) => () => void ctx.editor.run(undefined, invoke(updateTouchpoint, { id, changes: { promises: [...card.promises, promise] } }));
  const madeElsewhere = new Map<string, string[]>();
  for (const other of doc.touchpoints.values()) {
    if (other.id === id) continue;
    for (const promise of other.promises) {
      const key = promise.toLowerCase();
      if (has(promise)) continue;
      if (!madeElsewhere.has(key)) madeElsewhere.set(key, [promise]);
      madeElsewhere.get(key)!.push(`“${other.title}”`);
    }
  }
  const typed = query.trim();
  const choices: Choice[] = [];
  if (typed && !has(typed) && !madeElsewhere.has(typed.toLowerCase())) {
    choices.push({ id: '\u0000typed', label: `Add the promise “${typed}”`, always: true, run: add(typed) });
  }
  for (const [key, [promise, ...cards]] of madeElsewhere) {
    choices.push({ id: key, label: `Add the promise “${promise}”`, detail: `also made at ${cards.join(', ')}`, run: add(promise!) });
  }
  return choices;
}
