import type { Rule } from '../types';
import { addTouchpointFix } from '../fixes';
import { quote } from '../wording';

export const stageWithoutMarketing: Rule = {
  id: 'stage-without-marketing',
  defaultSeverity: 'warning',
  title: 'Stage without marketing',
  description: 'A stage with touchpoints where no marketing team leads or supports any of them.',
  rationale: 'Marketing supports every stage, including the sales-led ones (pitch decks, case studies) and the ones after the sale (onboarding, loyalty).',
  check(index, emit) {
    const marketing = index.teamsWithRole('marketing');
    if (marketing.length === 0) return;
    for (const stage of index.map.stages) {
      const stat = index.stageStats.get(stage.id)!;
      if (stat.cards === 0) continue; // stage-without-touchpoints says it already
      if (stat.marketing) continue;
      emit({
        message: `Marketing is absent from ${quote(stage.name)}: no marketing team leads or supports a touchpoint there.`,
        targetIds: [stage.id],
        fix: addTouchpointFix(stage, marketing[0]),
      });
    }
  },
};
