import type { Team, TeamRole } from '../model/team';
import type { StagePhase } from '../model/stage';

/**
 * What the common stage model expects of each team role: marketing supports every stage, sales is the
 * conversion arm (intent and purchase), the post-sale team keeps the customer. Rules, the coverage matrix
 * and the editor's defaults all read it from here, so they never disagree.
 */

/** The role that usually leads in a phase: marketing early, sales at conversion, the rest after the sale. */
export function expectedLeadRole(phase: StagePhase): TeamRole | undefined {
  if (phase === 'awareness' || phase === 'interest' || phase === 'consideration') return 'marketing';
  if (phase === 'intent' || phase === 'purchase') return 'sales';
  if (phase === 'retention' || phase === 'growth') return 'other';
  return undefined;
}

/**
 * Whether the model expects a team of this role to lead or support something in a stage of this phase:
 * marketing in every stage (company-specific ones too), sales in intent and purchase. Nothing is expected
 * of other roles, so their empty cells are just empty.
 */
export function expectsRoleIn(role: TeamRole, phase: StagePhase): boolean {
  if (role === 'marketing') return true;
  if (role === 'sales') return phase === 'intent' || phase === 'purchase';
  return false;
}

/**
 * The usual direction of a handoff in a phase: marketing passes the buyer to sales up to intent (the usual
 * handover point); from the purchase on, sales passes the customer to the post-sale team. None for a
 * company-specific stage: the model does not know where it sits.
 */
export function usualHandoffRoles(phase: StagePhase): { from: TeamRole; to: TeamRole } | undefined {
  if (phase === 'awareness' || phase === 'interest' || phase === 'consideration' || phase === 'intent') return { from: 'marketing', to: 'sales' };
  if (phase === 'purchase' || phase === 'retention' || phase === 'growth') return { from: 'sales', to: 'other' };
  return undefined;
}

/**
 * The teams a new handoff in a stage starts with, for a drop in `laneTeamId`'s lane. The phase's usual
 * direction wins: the lane's team keeps its end of it (a drop in the Sales lane at Intent is Marketing →
 * Sales; in the Marketing lane, too). When the map lacks a team for either end, or the phase has no usual
 * direction, the lane's team hands over to the next lane (or the one before the last). Undefined with
 * fewer than two teams.
 */
export function defaultHandoffTeams(teams: readonly Team[], phase: StagePhase, laneTeamId: string | undefined): { fromTeamId: string; toTeamId: string } | undefined {
  if (teams.length < 2) return undefined;
  const lane = teams.find((t) => t.id === laneTeamId);
  const usual = usualHandoffRoles(phase);
  if (usual) {
    const sender = lane?.role === usual.from ? lane : teams.find((t) => t.role === usual.from);
    const receiver = lane?.role === usual.to ? lane : teams.find((t) => t.role === usual.to);
    if (sender && receiver) return { fromTeamId: sender.id, toTeamId: receiver.id };
  }
  const from = lane ?? teams[0]!;
  const at = teams.indexOf(from);
  return { fromTeamId: from.id, toTeamId: (teams[at + 1] ?? teams[at - 1])!.id };
}
