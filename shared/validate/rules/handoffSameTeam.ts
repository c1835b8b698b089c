import type { Rule } from '../types';
import { retargetHandoffFix } from '../fixes';
import { quote } from '../wording';

export const handoffSameTeam: Rule = {
  id: 'handoff-same-team',
  defaultSeverity: 'error',
  title: 'Handoff to the same team',
  description: 'A handoff whose from-team and to-team are the same.',
  rationale: 'A handoff passes the buyer from one team to another; to the same team, nothing is handed over.',
  check(index, emit) {
    for (const handoff of index.map.handoffs) {
      if (handoff.fromTeamId !== handoff.toTeamId) continue;
      const stage = index.stages.get(handoff.stageId)!;
      const teams = index.map.teams;
      const from = teams.findIndex((t) => t.id === handoff.fromTeamId);
      const other = teams[from + 1] ?? teams[from - 1];
      emit({
        message: `The handoff in ${quote(stage.name)} goes from ${index.teamName(handoff.fromTeamId)} to ${index.teamName(handoff.toTeamId)}: nothing is handed over.`,
        targetIds: [handoff.id],
        fix: other ? retargetHandoffFix(handoff.id, other) : undefined,
      });
    }
  },
};
