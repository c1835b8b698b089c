import { z } from 'zod';
import { LIMITS, finiteNumber, idSchema, labelSchema, optionalTextSchema, votesSchema } from './fields';

const teamIdList = z
  .array(idSchema)
  .max(LIMITS.teamsPerTouchpoint, `lists more than ${LIMITS.teamsPerTouchpoint} teams`)
  .default([]);

export const touchpointSchema = z.object({
  id: idSchema,
  stageId: idSchema,
  title: labelSchema(),
  channel: optionalTextSchema(LIMITS.channelLength),
  /** Teams that claim to lead it: exactly one is the healthy state, none or several are findings, not errors. */
  ownerTeamIds: teamIdList,
  supportTeamIds: teamIdList,
  promises: z
    .array(labelSchema(LIMITS.promiseLength))
    .max(LIMITS.promisesPerTouchpoint, `has more than ${LIMITS.promisesPerTouchpoint} promises`)
    .default([]),
  description: optionalTextSchema(LIMITS.longTextLength),
  kpi: optionalTextSchema(LIMITS.shortTextLength),
  /** Position within its cell; cards without one follow those with one, in array order. */
  order: finiteNumber(-LIMITS.coordinate, LIMITS.coordinate).optional(),
  /** Dot votes the room gave it (1 – 10,000); absent when it has none. */
  votes: votesSchema,
});

export type Touchpoint = z.output<typeof touchpointSchema>;
