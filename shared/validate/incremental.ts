import type { MapDoc } from '../document/mapDoc';
import { fromMapDoc } from '../document/mapDoc';
import type { Touchpoint } from '../model/touchpoint';
import { buildAdjacency, buildIndex, type Adjacency } from './mapIndex';
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
  let perCard = new WeakMap<Touchpoint, Finding[][]>();
  let adjacencyOf: { connections: unknown; adjacency: Adjacency } | undefined;

  return (doc) => {
    const now = [doc.teams, doc.stages, doc.stageOrder, doc.teamOrder, doc.rules, doc.connections];
    if (now.some((value, i) => value !== context[i])) {
      perCard = new WeakMap();
      context = now;
    }
    const map = fromMapDoc(doc);
    if (adjacencyOf?.connections !== doc.connections) adjacencyOf = { connections: doc.connections, adjacency: buildAdjacency(doc.connections.values()) };
    const index = buildIndex(map, { touchpoints: doc.touchpoints, adjacency: adjacencyOf.adjacency });
    const severityOf = (rule: (typeof RULES)[number]): Severity | undefined => {
      const setting = map.rules[rule.id];
      return setting === 'off' ? undefined : (setting ?? rule.defaultSeverity);
    };
    const cardFindings = (touchpoint: Touchpoint): Finding[][] => {
      let cached = perCard.get(touchpoint);
      if (!cached) {
        cached = cardRules.map((rule) => {
          const severity = severityOf(rule);
          if (!severity) return [];
          const found: Finding[] = [];
          rule.checkTouchpoint!(touchpoint, index, (finding) => found.push({ ruleId: rule.id, severity, ...finding }));
          return found;
        });
        perCard.set(touchpoint, cached);
      }
      return cached;
    };

    // One pass over the cards gathers every per-card rule's findings, in card order.
    const byRule: Finding[][] = cardRules.map(() => []);
    for (const touchpoint of map.touchpoints) {
      const found = cardFindings(touchpoint);
      for (let r = 0; r < found.length; r++) if (found[r]!.length) byRule[r]!.push(...found[r]!);
    }
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
