import type { Rule } from '../types';
import { makeLeadFix } from '../fixes';
import { names, quote } from '../wording';
import { expectedLeadRole } from '../roleModel';

export const touchpointContested: Rule = {
  id: 'touchpoint-contested',
  defaultSeverity: 'error',
  title: 'Contested touchpoint',
  description: 'Two or more teams claim to lead the same touchpoint.',
  rationale: 'When two teams both lead, the buyer hears two stories and neither team is accountable. Agree on one lead; the other supports.',
  checkTouchpoint(touchpoint, index, emit) {
    const leads = index.leads(touchpoint);
    if (leads.length < 2) return;
    const stage = index.stages.get(touchpoint.stageId)!;
    const role = expectedLeadRole(stage.phase);
    const winner = leads.find((t) => t.role === role) ?? leads[0]!;
    emit({
      message: `${names(leads)} both claim to lead ${quote(touchpoint.title)} in ${quote(stage.name)}.`,
      targetIds: [touchpoint.id],
      fix: makeLeadFix(touchpoint, winner, index),
    });
  },
};
