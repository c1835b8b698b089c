import type { Rule } from '../types';
import { addSupporterFix } from '../fixes';
import { quote } from '../wording';

export const salesUnsupported: Rule = {
  id: 'sales-unsupported',
  defaultSeverity: 'info',
  title: 'Sales without support',
  description: 'A sales-led touchpoint in an intent or purchase stage that no other team supports.',
  rationale: 'Sales closes better with marketing behind it: pitch decks, case studies, proof. An unsupported close is a missed chance.',
  checkTouchpoint(touchpoint, index, emit) {
    const marketing = index.teamsWithRole('marketing')[0];
    const stage = index.stages.get(touchpoint.stageId)!;
    if (stage.phase !== 'intent' && stage.phase !== 'purchase') return;
    const leads = index.leads(touchpoint);
    // A card with another lead is contested, not unsupported: touchpoint-contested speaks for it.
    if (leads.length !== 1 || leads[0]!.role !== 'sales') return;
    if (touchpoint.supportTeamIds.some((id) => index.teams.has(id) && !touchpoint.ownerTeamIds.includes(id))) return;
    emit({
      message: `No team supports sales at ${quote(touchpoint.title)} in ${quote(stage.name)}.`,
      targetIds: [touchpoint.id],
      fix: marketing && !touchpoint.ownerTeamIds.includes(marketing.id) ? addSupporterFix(touchpoint, marketing) : undefined,
    });
  },
};
