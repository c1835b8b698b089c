import type { Rule } from '../types';
import { quote } from '../wording';

export const handoffMissingCriteria: Rule = {
  id: 'handoff-missing-criteria',
  defaultSeverity: 'warning',
  title: 'Handoff without entry criteria',
  description: 'A handoff with no entry criteria.',
  rationale: 'Without an agreed definition of a ready lead (MQL, SQL), the sending team passes too early or too late, and the receiving team stops trusting the leads.',
  check(index, emit) {
    for (const handoff of index.map.handoffs) {
      if (handoff.criteria) continue;
      const stage = index.stages.get(handoff.stageId)!;
      emit({
        message: `The ${index.teamName(handoff.fromTeamId)} → ${index.teamName(handoff.toTeamId)} handoff in ${quote(stage.name)} has no entry criteria: when is the buyer ready?`,
        targetIds: [handoff.id],
        fix: { kind: 'focus', label: 'Add entry criteria…', targetId: handoff.id, field: 'Criteria' },
      });
    }
  },
};
