import type { StagePhase } from '../../shared/model/stage';

export const STAGE_LABELS: Record<StagePhase, string> = {
  awareness: 'Awareness',
  interest: 'Interest',
  consideration: 'Consideration',
  intent: 'Intent',
  purchase: 'Purchase',
  retention: 'Retention',
  growth: 'Growth',
  other: 'Other',
};
