import type { MapDoc } from '../document/mapDoc';
import { fromMapDoc } from '../document/mapDoc';
import type { Touchpoint } from '../model/touchpoint';
import { buildAdjacency, buildIndex, type Adjacency } from './mapIndex';
import { promiseKey, widen, type PromiseSpans } from './rules/promises';

/** What one card contributes: its findings under each per-card rule, and its share of the map-wide tallies. */
interface CardEntry {
  findings: Finding[][];
  /** Whether any per-card rule found something (most cards: no), to skip them quickly. */
  any: boolean;
  /** The card's stage, as its position in the stage order (-1 for an unknown stage). */
  stage: number;
  /** A marketing team leads or supports it. */
  marketing: boolean;
  /** Its promises' comparison keys, and whether a marketing- or sales-led card makes them. */
  promises?: { keys: string[]; at: number; byMarketing: boolean; bySales: boolean };
}
import { RULES } from './validate';
import type { Finding, Severity } from './types';

/**
 * Validation for the live canvas: the same findings, in the same order, as `validate`, but per-card rules
 * are re-run only for cards that changed since the last call (immer keeps unchanged records identical).
 * Teams, stages, connections or rule settings changing invalidates every card's findings, since they read them.
 */
export function createIncrementalValidator(): (doc: MapDoc) => Finding[] {
  const cardRules = RULES.filter((r) => r.checkTouchpoint);
  let context: readonly unknown[] = [];
  let perCard = new WeakMap<Touchpoint, CardEntry>();
  let adjacencyOf: { connections: unknown; adjacency: Adjacency } | undefined;

  return (doc) => {
    const now = [doc.teams, doc.stages, doc.stageOrder, doc.teamOrder, doc.rules, doc.connections];
    if (now.some((value, i) => value !== context[i])) {
      perCard = new WeakMap();
      context = now;
    }
    const map = fromMapDoc(doc);
    if (adjacencyOf?.connections !== doc.connections) adjacencyOf = { connections: doc.connections, adjacency: buildAdjacency(doc.connections.values()) };
    // The map-wide tallies are summed from each card's cached share, in the same pass that gathers findings.
    const stageStats = new Map<string, { cards: number; marketing: boolean }>();
    const cardsInStage = new Array<number>(map.stages.length).fill(0);
    const marketingInStage = new Array<boolean>(map.stages.length).fill(false);
    const promiseSpans: PromiseSpans = { marketing: new Map(), sales: new Map() };
    const cardsWithPromises: Touchpoint[] = [];
    const index = buildIndex(map, { touchpoints: doc.touchpoints, adjacency: adjacencyOf.adjacency, stageStats, promiseSpans, cardsWithPromises });
    const marketingIds = new Set(map.teams.filter((t) => t.role === 'marketing').map((t) => t.id));
    const severityOf = (rule: (typeof RULES)[number]): Severity | undefined => {
      const setting = map.rules[rule.id];
      return setting === 'off' ? undefined : (setting ?? rule.defaultSeverity);
    };
    const cardEntry = (touchpoint: Touchpoint): CardEntry => {
      let cached = perCard.get(touchpoint);
      if (!cached) {
        const findings = cardRules.map((rule) => {
          const severity = severityOf(rule);
          if (!severity) return [];
          const found: Finding[] = [];
          rule.checkTouchpoint!(touchpoint, index, (finding) => found.push({ ruleId: rule.id, severity, ...finding }));
          return found;
        });
        const involves = (ids: string[]) => ids.some((id) => marketingIds.has(id));
        cached = {
          findings,
          any: findings.some((f) => f.length > 0),
          stage: index.stageIndex.get(touchpoint.stageId) ?? -1,
          marketing: involves(touchpoint.ownerTeamIds) || involves(touchpoint.supportTeamIds),
        };
        if (touchpoint.promises.length) {
          const leads = index.leads(touchpoint);
          cached.promises = {
            keys: touchpoint.promises.map(promiseKey),
            at: index.stageIndex.get(touchpoint.stageId) ?? 0,
            byMarketing: leads.some((t) => t.role === 'marketing'),
            bySales: leads.some((t) => t.role === 'sales'),
          };
        }
        perCard.set(touchpoint, cached);
      }
      return cached;
    };

    // One pass over the cards gathers every per-card rule's findings, in card order, and the tallies.
    const byRule: Finding[][] = cardRules.map(() => []);
    for (const touchpoint of map.touchpoints) {
      const entry = cardEntry(touchpoint);
      if (entry.any) {
        const found = entry.findings;
        for (let r = 0; r < found.length; r++) for (const finding of found[r]!) byRule[r]!.push(finding);
      }
      if (entry.stage >= 0) {
        cardsInStage[entry.stage]!++;
        if (entry.marketing) marketingInStage[entry.stage] = true;
      }
      const promises = entry.promises;
      if (promises) cardsWithPromises.push(touchpoint);
      if (promises && (promises.byMarketing || promises.bySales)) {
        for (const key of promises.keys) {
          if (promises.byMarketing) widen(promiseSpans.marketing, key, promises.at);
          if (promises.bySales) widen(promiseSpans.sales, key, promises.at);
        }
      }
    }
    map.stages.forEach((stage, i) => stageStats.set(stage.id, { cards: cardsInStage[i]!, marketing: marketingInStage[i]! }));
    const findings: Finding[] = [];
    for (const rule of RULES) {
      const severity = severityOf(rule);
      if (!severity) continue;
      if (rule.checkTouchpoint) {
        for (const finding of byRule[cardRules.indexOf(rule)]!) findings.push(finding);
      } else {
        rule.check?.(index, (finding) => findings.push({ ruleId: rule.id, severity, ...finding }), map);
      }
    }
    return findings;
  };
}
