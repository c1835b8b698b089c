import { z } from 'zod';
import { colorSchema, idSchema, labelSchema } from './fields';

export const TEAM_ROLES = ['marketing', 'sales', 'other'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const teamSchema = z.object({
  id: idSchema,
  name: labelSchema(),
  role: z.enum(TEAM_ROLES, { error: `must be one of ${TEAM_ROLES.join(', ')}` }),
  color: colorSchema.optional(),
});

export type Team = z.output<typeof teamSchema>;
