import type { Rule } from '../types';
import { addTouchpointFix } from '../fixes';
import { quote } from '../wording';
import { expectedLeadRole } from '../roleModel';

export const stageWithoutTouchpoints: Rule = {
  id: 'stage-without-touchpoints',
  defaultSeverity: 'error',
  title: 'Stage without touchpoints',
  description: 'A stage where no team meets the buyer at all.',
  rationale: 'Every stage is a step the buyer takes; with no touchpoint there, the buyer is on their own and may not take the next step.',
  check(index, emit) {
    for (const stage of index.map.stages) {
      if (index.stageStats.get(stage.id)!.cards > 0) continue;
      if (index.notStartedYet(stage.id)) continue; // an invitation on the canvas, not an error, until the room gets there
      const role = expectedLeadRole(stage.phase) ?? 'marketing';
      const team = index.teamsWithRole(role)[0] ?? index.teamsWithRole('marketing')[0] ?? index.map.teams[0];
      emit({
        message: `No touchpoint in ${quote(stage.name)}: the buyer is on their own there.`,
        targetIds: [stage.id],
        fix: addTouchpointFix(stage, team),
      });
    }
  },
};
