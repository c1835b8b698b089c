import { z } from 'zod';

/** Rule ids from the design brief; the validator gives each its meaning, the map may change its severity. */
export const RULE_IDS = [
  'stage-without-touchpoints',
  'stage-without-marketing',
  'touchpoint-without-owner',
  'touchpoint-contested',
  'sales-leads-early-stage',
  'marketing-leads-conversion',
  'sales-unsupported',
  'handoff-same-team',
  'handoff-missing-criteria',
  'handoff-dropped',
  'no-marketing-to-sales-handoff',
  'promise-not-set-up',
  'promise-not-followed-through',
  'missing-post-purchase',
  'touchpoint-disconnected',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const RULE_SETTINGS = ['off', 'info', 'warning', 'error'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

const knownRuleIds = new Set<string>(RULE_IDS);

export const ruleSettingsSchema = z
  .record(z.string(), z.enum(RULE_SETTINGS, { error: `must be one of ${RULE_SETTINGS.join(', ')}` }))
  .superRefine((rules, ctx) => {
    for (const ruleId of Object.keys(rules)) {
      if (!knownRuleIds.has(ruleId)) {
        ctx.addIssue({ code: 'custom', path: [ruleId], message: 'is not a known rule id' });
      }
    }
  })
  .default({});

export type RuleSettings = Partial<Record<RuleId, RuleSetting>>;
