import type { Handoff } from '../model/handoff';
import type { MapIndex } from '../validate/mapIndex';
import type { Finding } from '../validate/types';
import { names } from '../validate/fixes';
import { NOT_AGREED, type HandoffTerms, type PathStep } from './agreement';

/** "24 hours", "1 hour", "90 minutes": the SLA as people say it. */
export function responseTimeWords(slaHours: number): string {
  if (slaHours > 0 && slaHours < 1) return `${Math.round(slaHours * 60)} minutes`;
  const hours = Number.isInteger(slaHours) ? slaHours : Number(slaHours.toFixed(1));
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

function pathStep(touchpointId: string, index: MapIndex): PathStep | undefined {
  const card = index.touchpoints.get(touchpointId);
  if (!card) return undefined;
  const leads = index.leads(card);
  const ledBy = leads.length === 0 ? 'no team' : leads.length === 1 ? leads[0]!.name : `${names(leads)} (contested)`;
  return { title: card.title, ledBy };
}

/**
 * The touchpoints reached from `startId` in one direction of the buyer's path, passing through handoffs
 * (a handoff straight after a handoff is no step the buyer experiences). Breadth-first and bounded by the
 * visited set, so a cycle on the map cannot loop.
 */
export function nearestTouchpoints(startId: string, next: Map<string, string[]>, index: MapIndex): PathStep[] {
  const steps: PathStep[] = [];
  const seen = new Set([startId]);
  let frontier = [startId];
  while (frontier.length > 0) {
    const following: string[] = [];
    for (const id of frontier) {
      for (const neighbour of next.get(id) ?? []) {
        if (seen.has(neighbour)) continue;
        seen.add(neighbour);
        const step = pathStep(neighbour, index);
        if (step) steps.push(step);
        else if (index.handoffs.has(neighbour)) following.push(neighbour);
      }
    }
    frontier = following;
  }
  return steps;
}

export function handoffTerms(handoff: Handoff, index: MapIndex, findings: readonly Finding[]): HandoffTerms {
  const criteria = handoff.criteria?.trim();
  return {
    id: handoff.id,
    fromTeam: index.teamName(handoff.fromTeamId),
    toTeam: index.teamName(handoff.toTeamId),
    stage: index.stages.get(handoff.stageId)?.name ?? 'an unknown stage',
    criteria: criteria || NOT_AGREED,
    criteriaAgreed: Boolean(criteria),
    responseTime: handoff.slaHours === undefined ? NOT_AGREED : responseTimeWords(handoff.slaHours),
    responseTimeAgreed: handoff.slaHours !== undefined,
    handedOverAfter: nearestTouchpoints(handoff.id, index.incoming, index),
    firstSteps: nearestTouchpoints(handoff.id, index.outgoing, index),
    findings: findings.filter((f) => f.targetIds.includes(handoff.id)).map(({ severity, message }) => ({ severity, message })),
  };
}
