import type { Rule } from '../types';
import { makeLeadFix } from '../fixes';
import { quote } from '../wording';
import { expectedLeadRole } from '../roleModel';

export const touchpointWithoutOwner: Rule = {
  id: 'touchpoint-without-owner',
  defaultSeverity: 'error',
  title: 'Touchpoint without a lead',
  description: 'A touchpoint that no team leads.',
  rationale: 'What nobody owns, nobody improves or answers for: the buyer meets it, but no team is accountable for it.',
  checkTouchpoint(touchpoint, index, emit) {
    if (index.leads(touchpoint).length > 0) return;
    const stage = index.stages.get(touchpoint.stageId)!;
    const supporterId = touchpoint.supportTeamIds.find((id) => index.teams.has(id));
    const supporter = supporterId === undefined ? undefined : index.teams.get(supporterId);
    const role = expectedLeadRole(stage.phase);
    const candidate = supporter ?? (role ? index.teamsWithRole(role)[0] : undefined) ?? index.map.teams[0];
    emit({
      message: `No team leads ${quote(touchpoint.title)} in ${quote(stage.name)}.`,
      targetIds: [touchpoint.id],
      fix: candidate ? makeLeadFix(touchpoint, candidate, index) : undefined,
    });
  },
};
