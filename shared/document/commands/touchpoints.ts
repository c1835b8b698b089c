import { original } from 'immer';
import { defineCommand, CommandError } from '../command';
import { cellCards, laneTeamOf, nameOfLane, nameOfStage, need, pinCellOrder, requireLabel, setOptionalText } from './support';
import { LIMITS } from '../../model/fields';
import type { Touchpoint } from '../../model/touchpoint';

export interface AddTouchpointArgs {
  id: string;
  stageId: string;
  /** The lane it lands in: that team leads it; null for the Unowned lane. */
  laneTeamId: string | null;
  title?: string;
}

export const addTouchpoint = defineCommand<AddTouchpointArgs>({
  name: 'addTouchpoint',
  label: (doc, a) => `Add touchpoint to ${nameOfLane(doc, a.laneTeamId)} × ${nameOfStage(doc, a.stageId)}`,
  run(draft, { id, stageId, laneTeamId, title }) {
    need(draft.stages, stageId, 'stage');
    if (laneTeamId) need(draft.teams, laneTeamId, 'team');
    if (draft.touchpoints.has(id)) throw new CommandError(`The id "${id}" is already used.`);
    const order = pinCellOrder(draft, stageId, laneTeamId);
    draft.touchpoints.set(id, {
      id,
      stageId,
      title: requireLabel(title ?? 'New touchpoint', 'A touchpoint title'),
      ownerTeamIds: laneTeamId ? [laneTeamId] : [],
      supportTeamIds: [],
      promises: [],
      order,
    });
  },
});

export interface MoveTouchpointArgs {
  id: string;
  stageId: string;
  laneTeamId: string | null;
  /** Position in the target cell, counted without the moved card. */
  index: number;
}

/**
 * Moving a card to another lane hands it over: the lane's team becomes its lead, and the team that led it
 * stays on as a supporter (a handover, not an eviction). Other claimants stay, so a contest stays visible;
 * moving it to Unowned clears its leads.
 */
export const moveTouchpoint = defineCommand<MoveTouchpointArgs>({
  name: 'moveTouchpoint',
  label: (doc, a) => `Move “${doc.touchpoints.get(a.id)?.title ?? 'card'}” to ${nameOfLane(doc, a.laneTeamId)} × ${nameOfStage(doc, a.stageId)}`,
  run(draft, { id, stageId, laneTeamId, index }) {
    const card = need(draft.touchpoints, id, 'touchpoint');
    need(draft.stages, stageId, 'stage');
    if (laneTeamId) need(draft.teams, laneTeamId, 'team');
    const fromLane = laneTeamOf(draft, card);
    if (card.stageId !== stageId) card.stageId = stageId;
    if (fromLane !== laneTeamId && laneTeamId === null) card.ownerTeamIds = [];
    else if (fromLane !== laneTeamId && laneTeamId) {
      card.ownerTeamIds = [laneTeamId, ...card.ownerTeamIds.filter((t) => t !== fromLane && t !== laneTeamId)];
      const supporters = card.supportTeamIds.filter((t) => t !== laneTeamId);
      if (fromLane && !supporters.includes(fromLane)) supporters.push(fromLane);
      setList(card as Touchpoint, 'supportTeamIds', supporters);
    }
    // The cell's other cards, read from the map as it was: this command has changed only the moved card,
    // left out here, and reading every card through the draft would draft each one (a 5,000-card map
    // spent 17 ms per drop on it, a whole frame).
    const others = cellCards(original(draft) ?? draft, stageId, laneTeamId).filter((t) => t.id !== id);
    others.splice(Math.max(0, Math.min(index, others.length)), 0, card as Touchpoint);
    others.forEach((t, i) => {
      const record = draft.touchpoints.get(t.id)!;
      if (record.order !== i) record.order = i;
    });
  },
});

export type TouchpointChanges = Partial<Pick<Touchpoint, 'title' | 'channel' | 'ownerTeamIds' | 'supportTeamIds' | 'promises' | 'description' | 'kpi'>>;

/** Replaces a list only when it differs, so an edit that changes nothing leaves no history step. */
function setList(card: Touchpoint, key: 'ownerTeamIds' | 'supportTeamIds' | 'promises', next: string[]): void {
  const current = card[key];
  if (current.length !== next.length || current.some((v, i) => v !== next[i])) card[key] = next;
}

function teamList(ids: string[], teams: ReadonlyMap<string, unknown>, what: string): string[] {
  const unique = [...new Set(ids)];
  for (const id of unique) if (!teams.has(id)) throw new CommandError(`${what} names a team that is not in the map ("${id}").`);
  return unique;
}

export const updateTouchpoint = defineCommand<{ id: string; changes: TouchpointChanges }>({
  name: 'updateTouchpoint',
  label: (doc, a) => `Edit “${doc.touchpoints.get(a.id)?.title ?? 'touchpoint'}”`,
  run(draft, { id, changes }) {
    const card = need(draft.touchpoints, id, 'touchpoint');
    if (changes.title !== undefined) {
      const title = requireLabel(changes.title, 'A touchpoint title');
      if (title !== card.title) card.title = title;
    }
    for (const key of ['channel', 'description', 'kpi'] as const) {
      if (key in changes && (changes[key]?.trim() || undefined) !== card[key]) setOptionalText(card, key, changes[key]);
    }
    if (changes.ownerTeamIds) {
      const owners = teamList(changes.ownerTeamIds, draft.teams, 'Owner');
      setList(card, 'ownerTeamIds', owners);
      setList(card, 'supportTeamIds', card.supportTeamIds.filter((t) => !owners.includes(t)));
    }
    if (changes.supportTeamIds) {
      const supporters = teamList(changes.supportTeamIds, draft.teams, 'Supporting teams');
      setList(card, 'supportTeamIds', supporters.filter((t) => !card.ownerTeamIds.includes(t)));
    }
    if (changes.promises) {
      const promises = [...new Set(changes.promises.map((p) => p.trim()).filter(Boolean))];
      if (promises.some((p) => p.length > LIMITS.promiseLength)) throw new CommandError(`A promise can be at most ${LIMITS.promiseLength} characters.`);
      if (promises.length > LIMITS.promisesPerTouchpoint) throw new CommandError(`A touchpoint can carry at most ${LIMITS.promisesPerTouchpoint} promises.`);
      setList(card, 'promises', promises);
    }
  },
});
