import { z } from 'zod';
import { LIMITS, idSchema, optionalTextSchema } from './fields';

/** One step of the buyer's path, between touchpoints and handoffs. */
export const connectionSchema = z.object({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  label: optionalTextSchema(LIMITS.nameLength),
});

export type Connection = z.output<typeof connectionSchema>;
