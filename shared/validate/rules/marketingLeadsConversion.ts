import type { Rule } from '../types';
import { makeLeadFix } from '../fixes';
import { quote } from '../wording';

export const marketingLeadsConversion: Rule = {
  id: 'marketing-leads-conversion',
  defaultSeverity: 'warning',
  title: 'Marketing leads conversion',
  description: 'A marketing team leads a touchpoint in a purchase stage.',
  rationale: 'Sales is the conversion arm: demos, negotiation and the close are led by sales, supported by marketing.',
  checkTouchpoint(touchpoint, index, emit) {
    const sales = index.teamsWithRole('sales')[0];
    const stage = index.stages.get(touchpoint.stageId)!;
    if (stage.phase !== 'purchase') return;
    const marketing = index.leads(touchpoint).find((t) => t.role === 'marketing');
    if (!marketing) return;
    emit({
      message: `${marketing.name} leads ${quote(touchpoint.title)} in ${quote(stage.name)}: sales owns conversion.`,
      targetIds: [touchpoint.id],
      fix: sales ? makeLeadFix(touchpoint, sales, index) : undefined,
    });
  },
};
