import type { JourneyMap } from '../model/journeyMap';
import type { RuleSettings } from '../model/rules';
import { buildIndex } from './mapIndex';
import type { Emit, Finding, Rule, Severity, ValidateOptions } from './types';
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

/** A rule's severity under the map's rule settings; undefined when the map switches it off. */
export function severityOf(settings: RuleSettings, rule: Rule): Severity | undefined {
  const setting = settings[rule.id];
  return setting === 'off' ? undefined : (setting ?? rule.defaultSeverity);
}

/**
 * All findings for a map, with the map's own rule settings applied. Pure and deterministic. Complete unless
 * asked for `workshop` mode, which holds back what only means "not started yet" (see ValidationMode).
 */
export function validate(map: JourneyMap, options: ValidateOptions = {}): Finding[] {
  const index = buildIndex(map, {}, options.mode ?? 'complete');
  const into = (list: Finding[], rule: Rule, severity: Severity) => (finding: Omit<Finding, 'ruleId' | 'severity'>) => {
    list.push({ ruleId: rule.id, severity, ...finding });
  };
  // The per-card rules in one pass over the cards (each card is read once for all of them, not once per
  // rule), each into its own list; the lists join the others in rule order below.
  const perCard = new Map<Rule, Finding[]>();
  const cardChecks: { rule: Rule; emit: Emit }[] = [];
  for (const rule of RULES) {
    const severity = severityOf(map.rules, rule);
    if (!rule.checkTouchpoint || !severity) continue;
    const list: Finding[] = [];
    perCard.set(rule, list);
    cardChecks.push({ rule, emit: into(list, rule, severity) });
  }
  for (const touchpoint of map.touchpoints) for (const { rule, emit } of cardChecks) rule.checkTouchpoint!(touchpoint, index, emit);

  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = severityOf(map.rules, rule);
    if (!severity) continue;
    const emit = into(findings, rule, severity);
    if (rule.checkTouchpoint) for (const finding of perCard.get(rule)!) findings.push(finding);
    else if (rule.checkPromiseCard) {
      const infos = index.promiseInfos;
      index.cardsWithPromises.forEach((touchpoint, i) => rule.checkPromiseCard!(touchpoint, infos[i]!, index.promiseSpans, index, emit));
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
