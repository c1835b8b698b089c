import type { Rule } from '../types';
import { addHandoffFix } from '../fixes';

export const noMarketingToSalesHandoff: Rule = {
  id: 'no-marketing-to-sales-handoff',
  defaultSeverity: 'warning',
  title: 'No marketing-to-sales handoff',
  description: 'The map has marketing and sales teams but no handoff from marketing to sales.',
  rationale: 'The handover from marketing to sales is where buyers are most often lost; it should be on the map, with its criteria and response time.',
  check(index, emit) {
    const marketing = index.teamsWithRole('marketing');
    const sales = index.teamsWithRole('sales');
    if (marketing.length === 0 || sales.length === 0) return;
    const exists = index.map.handoffs.some(
      (h) => index.teams.get(h.fromTeamId)?.role === 'marketing' && index.teams.get(h.toTeamId)?.role === 'sales',
    );
    if (exists) return;
    const stages = index.map.stages;
    const stage = stages.find((s) => s.phase === 'intent') ?? stages.find((s) => s.phase === 'consideration') ?? stages[Math.floor(stages.length / 2)];
    // The handover belongs where the fix would put it: until the room has mapped that far, it is not missing yet.
    if (index.mode === 'workshop' && (!stage || index.notStartedYet(stage.id))) return;
    emit({
      message: 'There is no handoff from marketing to sales: where, and on what criteria, does sales take the buyer over?',
      targetIds: [...marketing.map((t) => t.id), ...sales.map((t) => t.id)],
      fix: stage ? addHandoffFix(stage, marketing[0]!, sales[0]!) : undefined,
    });
  },
};
