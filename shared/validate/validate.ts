import type { JourneyMap } from '../model/journeyMap';
import { buildIndex } from './mapIndex';
import type { Finding, Rule, Severity, ValidateOptions } from './types';
import { stageWithoutTouchpoints } from './rules/stageWithoutTouchpoints';
import { stageWithoutMarketing } from './rules/stageWithoutMarketing';
import { touchpointWithoutOwner } from './rules/touchpointWithoutOwner';
import { touchpointContested } from './rules/touchpointContested';
import { salesLeadsEarlyStage } from './rules/salesLeadsEarlyStage';
import { marketingLeadsConversion } from './rules/marketingLeadsConversion';
import { salesUnsupported } from './rules/salesUnsupported';
import { handoffSameTeam } from './rules/handoffSameTeam';
import { handoffMissingCriteria } from './rules/handoffMissingCriteria';
import { handoffDropped } from './rules/handoffDropped';
import { noMarketingToSalesHandoff } from './rules/noMarketingToSalesHandoff';
import { promiseNotFollowedThrough, promiseNotSetUp } from './rules/promises';
import { missingPostPurchase } from './rules/missingPostPurchase';
import { touchpointDisconnected } from './rules/touchpointDisconnected';

/** Every rule, in the design brief's order; findings come out in this order, then in map order. */
export const RULES: readonly Rule[] = [
  stageWithoutTouchpoints,
  stageWithoutMarketing,
  touchpointWithoutOwner,
  touchpointContested,
  salesLeadsEarlyStage,
  marketingLeadsConversion,
  salesUnsupported,
  handoffSameTeam,
  handoffMissingCriteria,
  handoffDropped,
  noMarketingToSalesHandoff,
  promiseNotSetUp,
  promiseNotFollowedThrough,
  missingPostPurchase,
  touchpointDisconnected,
];

/**
 * All findings for a map, with the map's own rule settings applied. Pure and deterministic. Complete unless
 * asked for `workshop` mode, which holds back what only means "not started yet" (see ValidationMode).
 */
export function validate(map: JourneyMap, options: ValidateOptions = {}): Finding[] {
  const index = buildIndex(map, {}, options.mode ?? 'complete');
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = map.rules[rule.id];
    if (setting === 'off') continue;
    const severity: Severity = setting ?? rule.defaultSeverity;
    const emit = (finding: Omit<Finding, 'ruleId' | 'severity'>) => findings.push({ ruleId: rule.id, severity, ...finding });
    if (rule.checkTouchpoint) for (const touchpoint of map.touchpoints) rule.checkTouchpoint(touchpoint, index, emit);
    else if (rule.checkPromiseCard) {
      for (const touchpoint of index.cardsWithPromises) rule.checkPromiseCard(touchpoint, index.promiseInfo(touchpoint), index.promiseSpans, index, emit);
    } else rule.check?.(index, emit, map);
  }
  return findings;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The findings as the CLI's --json prints them: no quick fixes, just the facts. */
export function findingsForJson(findings: readonly Finding[]) {
  return findings.map(({ ruleId, severity, message, targetIds }) => ({ ruleId, severity, message, targetIds }));
}
