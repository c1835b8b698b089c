import type { Rule } from '../types';
import { makeLeadFix } from '../fixes';
import { quote } from '../wording';

export const salesLeadsEarlyStage: Rule = {
  id: 'sales-leads-early-stage',
  defaultSeverity: 'warning',
  title: 'Sales leads an early stage',
  description: 'A sales team leads a touchpoint in an awareness or interest stage.',
  rationale: 'Early on the buyer is not ready to be sold to; marketing leads there and sales supports, until the usual handover at intent.',
  checkTouchpoint(touchpoint, index, emit) {
    const marketing = index.teamsWithRole('marketing')[0];
    const stage = index.stages.get(touchpoint.stageId)!;
    if (stage.phase !== 'awareness' && stage.phase !== 'interest') return;
    const sales = index.leads(touchpoint).find((t) => t.role === 'sales');
    if (!sales) return;
    emit({
      message: `${sales.name} leads ${quote(touchpoint.title)} in ${quote(stage.name)}, an early stage: hand it to marketing.`,
      targetIds: [touchpoint.id],
      fix: marketing ? makeLeadFix(touchpoint, marketing, index) : undefined,
    });
  },
};
