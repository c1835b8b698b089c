import type { Rule } from '../types';
import { makeLeadFix } from '../fixes';
import { names, quote } from '../wording';

/** Neighbours in id order: the order of the map's connections means nothing, so findings must not follow it. */
function inIdOrder(ids: readonly string[] | undefined): readonly string[] {
  if (!ids) return [];
  return ids.length < 2 ? ids : [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export const handoffDropped: Rule = {
  id: 'handoff-dropped',
  defaultSeverity: 'error',
  title: 'Dropped baton',
  description: 'The touchpoint feeding a handoff is not led by its from-team, or the one after it is not led by its to-team.',
  rationale: 'A handoff only works if the sending team has the buyer and the receiving team actually picks them up; otherwise the baton is dropped.',
  check(index, emit) {
    for (const handoff of index.map.handoffs) {
      const from = index.teams.get(handoff.fromTeamId);
      const to = index.teams.get(handoff.toTeamId);
      if (!from || !to || from.id === to.id) continue;
      const route = `${from.name} → ${to.name}`;
      for (const sourceId of inIdOrder(index.incoming.get(handoff.id))) {
        const card = index.touchpoints.get(sourceId);
        if (!card || card.ownerTeamIds.includes(from.id)) continue;
        const leads = index.leads(card);
        emit({
          message: `Dropped baton: ${quote(card.title)} feeds the ${route} handoff but is led by ${leads.length ? names(leads) : 'no team'}, not ${from.name}.`,
          targetIds: [handoff.id, card.id],
          fix: makeLeadFix(card, from, index),
        });
      }
      for (const targetId of inIdOrder(index.outgoing.get(handoff.id))) {
        const card = index.touchpoints.get(targetId);
        if (!card || card.ownerTeamIds.includes(to.id)) continue;
        const leads = index.leads(card);
        emit({
          message: `Dropped baton: ${to.name} does not pick the buyer up after the ${route} handoff — ${quote(card.title)} is led by ${leads.length ? names(leads) : 'no team'}.`,
          targetIds: [handoff.id, card.id],
          fix: makeLeadFix(card, to, index),
        });
      }
    }
  },
};
