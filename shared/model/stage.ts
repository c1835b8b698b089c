import { z } from 'zod';
import { LIMITS, idSchema, labelSchema, optionalTextSchema } from './fields';

/** The common stage model; "other" covers company-specific stages. Array order in a map is the left-to-right order. */
export const STAGE_PHASES = [
  'awareness',
  'interest',
  'consideration',
  'intent',
  'purchase',
  'retention',
  'growth',
  'other',
] as const;
export type StagePhase = (typeof STAGE_PHASES)[number];

export const stageSchema = z.object({
  id: idSchema,
  name: labelSchema(),
  phase: z.enum(STAGE_PHASES, { error: `must be one of ${STAGE_PHASES.join(', ')}` }),
  goal: optionalTextSchema(LIMITS.shortTextLength),
  kpi: optionalTextSchema(LIMITS.shortTextLength),
});

export type Stage = z.output<typeof stageSchema>;

/** How the UI and the slides name each phase. */
export const PHASE_LABELS: Record<StagePhase, string> = {
  awareness: 'Awareness',
  interest: 'Interest',
  consideration: 'Consideration',
  intent: 'Intent',
  purchase: 'Purchase',
  retention: 'Retention',
  growth: 'Growth',
  other: 'Other',
};
