import type { Rule } from '../types';
import { addStageFix } from '../fixes';

export const missingPostPurchase: Rule = {
  id: 'missing-post-purchase',
  defaultSeverity: 'info',
  title: 'Journey ends at the sale',
  description: 'The map has no retention or growth stage.',
  rationale: 'Good maps do not stop at the sale: onboarding, renewal, upsell and referral are where the revenue grows, and both teams stay engaged.',
  check(index, emit) {
    if (index.map.stages.length === 0) return;
    if (index.map.stages.some((s) => s.phase === 'retention' || s.phase === 'growth')) return;
    const last = index.map.stages[index.map.stages.length - 1]!;
    // While the stages are still being laid out, where the journey ends is not settled: say it once the room has mapped to the end.
    if (index.notStartedYet(last.id)) return;
    emit({
      message: 'The journey ends at the sale: there is no retention or growth stage.',
      targetIds: [last.id],
      fix: addStageFix('Add a Retention stage', 'Retention', 'retention', index.map.stages.length),
    });
  },
};
