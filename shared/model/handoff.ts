import { z } from 'zod';
import { LIMITS, finiteNumber, idSchema, optionalTextSchema } from './fields';

export const handoffSchema = z.object({
  id: idSchema,
  stageId: idSchema,
  fromTeamId: idSchema,
  toTeamId: idSchema,
  /** What makes the buyer ready to be passed on (an MQL/SQL definition). */
  criteria: optionalTextSchema(LIMITS.shortTextLength),
  /** How fast the receiving team picks the buyer up. */
  slaHours: finiteNumber(0, LIMITS.slaHours).optional(),
});

export type Handoff = z.output<typeof handoffSchema>;
