import { z } from 'zod';
import { LIMITS, finiteNumber, idSchema, labelSchema, votesSchema } from './fields';

/** A sticky note or parking-lot item, placed freely on the canvas. */
export const noteSchema = z.object({
  id: idSchema,
  text: labelSchema(LIMITS.shortTextLength),
  stageId: idSchema.optional(),
  x: finiteNumber(-LIMITS.coordinate, LIMITS.coordinate),
  y: finiteNumber(-LIMITS.coordinate, LIMITS.coordinate),
  /** Dot votes the room gave it (1 – 10,000); absent when it has none. */
  votes: votesSchema,
});

export type Note = z.output<typeof noteSchema>;
