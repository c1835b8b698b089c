import type { MapDoc } from '../../shared/document/mapDoc';
import type { GridLayout } from '../../shared/layout/grid';
import { laneTeamOf, moveTouchpoint, updateHandoff } from '../../shared/document/commands';
import { invoke, type Invocation } from '../editor/editorStore';
import { cardsInReadingOrder } from './spatialNavigation';

export type MoveDirection = 'nextStage' | 'previousStage' | 'laneAbove' | 'laneBelow';

const PHRASE: Record<MoveDirection, string> = {
  nextStage: 'to the next stage',
  previousStage: 'to the previous stage',
  laneAbove: 'to the lane above',
  laneBelow: 'to the lane below',
};

export interface MovePlan {
  invocations: Invocation[];
  /** The undo step's name; undefined lets a single move name itself ("Move “Demo” to Sales × Intent"). */
  label?: string;
  movedIds: string[];
}

/** Moved cards land at the bottom of their new cell, as a new card does. */
const BOTTOM_OF_CELL = Number.MAX_SAFE_INTEGER;

/**
 * The commands that move the selected cards one stage or one lane (Alt+Arrow), as one step. A card that
 * changes lane is handed over (moveTouchpoint: the lane's team leads, the previous lead supports).
 * Handoffs move between stages only. Nothing moves when one of them is already at the edge.
 */
export function planMove(doc: MapDoc, layout: GridLayout, selection: ReadonlySet<string>, direction: MoveDirection): MovePlan | { refusal: string } {
  const byStage = direction === 'nextStage' || direction === 'previousStage';
  const step = direction === 'nextStage' || direction === 'laneBelow' ? 1 : -1;
  // In the order the grid shows them, so cards moved together keep their order in the new cell.
  const ids = cardsInReadingOrder(layout).filter((id) => selection.has(id) && (doc.touchpoints.has(id) || (byStage && doc.handoffs.has(id))));
  if (ids.length === 0) {
    const handoffsOnly = [...selection].some((id) => doc.handoffs.has(id));
    return { refusal: handoffsOnly ? 'A handoff moves between stages only; change its teams in the Inspector.' : 'Select a card to move first.' };
  }
  const invocations: Invocation[] = [];
  for (const id of ids) {
    const card = doc.touchpoints.get(id);
    const handoff = doc.handoffs.get(id);
    const name = card ? `“${card.title}”` : 'The handoff';
    const stageIndex = doc.stageOrder.indexOf((card ?? handoff)!.stageId);
    if (byStage) {
      const stageId = doc.stageOrder[stageIndex + step];
      if (!stageId) return { refusal: `${name} is already in the ${step > 0 ? 'last' : 'first'} stage.` };
      invocations.push(
        card
          ? invoke(moveTouchpoint, { id, stageId, laneTeamId: laneTeamOf(doc, card), index: BOTTOM_OF_CELL })
          : invoke(updateHandoff, { id, changes: { stageId } }),
      );
    } else {
      const laneIndex = layout.lanes.findIndex((lane) => lane.key === layout.touchpoints.get(id)?.laneKey);
      const lane = layout.lanes[laneIndex + step];
      if (laneIndex < 0 || !lane) return { refusal: `${name} is already in the ${step > 0 ? 'bottom' : 'top'} lane.` };
      invocations.push(invoke(moveTouchpoint, { id, stageId: card!.stageId, laneTeamId: lane.teamId ?? null, index: BOTTOM_OF_CELL }));
    }
  }
  return { invocations, movedIds: ids, label: ids.length > 1 ? `Move ${ids.length} cards ${PHRASE[direction]}` : undefined };
}

const names = (doc: MapDoc, teamIds: readonly string[]) => teamIds.map((id) => doc.teams.get(id)?.name ?? 'a removed team').join(' and ');

/**
 * What a keyboard move did, in words for the room and for screen readers:
 * "Moved “Demo” to Intent · Sales — Sales now leads, Marketing supports".
 */
export function describeMove(before: MapDoc, after: MapDoc, movedIds: readonly string[], direction: MoveDirection): string {
  if (movedIds.length !== 1) return `Moved ${movedIds.length} cards ${PHRASE[direction]}`;
  const id = movedIds[0]!;
  const handoff = after.handoffs.get(id);
  if (handoff) return `Moved the handoff ${names(after, [handoff.fromTeamId])} → ${names(after, [handoff.toTeamId])} to ${after.stages.get(handoff.stageId)?.name}`;
  const was = before.touchpoints.get(id)!;
  const card = after.touchpoints.get(id)!;
  const lane = laneTeamOf(after, card);
  let message = `Moved “${card.title}” to ${after.stages.get(card.stageId)?.name} · ${lane ? names(after, [lane]) : 'Unowned'}`;
  const leadsChanged = was.ownerTeamIds.join() !== card.ownerTeamIds.join();
  if (!leadsChanged) return message;
  if (card.ownerTeamIds.length === 0) return `${message} — no team leads it now`;
  message += ` — ${names(after, card.ownerTeamIds)} now ${card.ownerTeamIds.length > 1 ? 'lead' : 'leads'}`;
  const newSupporters = card.supportTeamIds.filter((t) => !was.supportTeamIds.includes(t));
  if (newSupporters.length > 0) message += `, ${names(after, newSupporters)} ${newSupporters.length > 1 ? 'support' : 'supports'}`;
  return message;
}
