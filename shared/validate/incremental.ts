import type { MapDoc } from '../document/mapDoc';

import type { Touchpoint } from '../model/touchpoint';
import type { JourneyMap } from '../model/journeyMap';
import { buildAdjacency, buildIndex, type Adjacency, type MapIndex } from './mapIndex';
import { promiseKey, widen, type PromiseSpans } from './rules/promises';
import { RULES } from './validate';
import type { Finding, Severity, ValidationMode } from './types';

/** What one card contributes: its findings under each per-card rule, and its share of the map-wide tallies. */
interface CardEntry {
  /** Its position in the map's card order, so findings keep the order a full validation gives. */
  ord: number;
  card: Touchpoint;
  findings: Finding[][];
  /** The card's stage, as its position in the stage order (-1 for an unknown stage). */
  stage: number;
  /** A marketing team leads or supports it. */
  marketing: boolean;
  /** Its promises' comparison keys, and whether a marketing- or sales-led card makes them. */
  promises?: { keys: string[]; at: number; byMarketing: boolean; bySales: boolean };
  /** Its findings under the promise rules, valid while the promise spans are those of `epoch`. */
  promiseFindings?: { epoch: number; lists: Finding[][] };
}

/**
 * The document as a JourneyMap whose large lists (cards, connections, notes) are only built if a rule asks
 * for them: after a card edit, no rule does, and the validator allocates nothing in proportion to the map.
 */
function lazyMapView(doc: MapDoc): JourneyMap {
  const lists: Partial<Pick<JourneyMap, 'touchpoints' | 'connections' | 'notes'>> = {};
  const view = {
    id: doc.id,
    name: doc.name,
    description: doc.description,
    rules: doc.rules,
    teams: doc.teamOrder.map((id) => doc.teams.get(id)!),
    stages: doc.stageOrder.map((id) => doc.stages.get(id)!),
    handoffs: [...doc.handoffs.values()],
    get touchpoints() {
      return (lists.touchpoints ??= [...doc.touchpoints.values()]);
    },
    get connections() {
      return (lists.connections ??= [...doc.connections.values()]);
    },
    get notes() {
      return (lists.notes ??= [...doc.notes.values()]);
    },
  };
  return view as JourneyMap;
}

/** Which cards an edit touched, when it touched nothing but cards; undefined when it touched more. */
export function changedCardIds(patches: readonly { path: readonly (string | number)[] }[]): Set<string> | undefined {
  const ids = new Set<string>();
  for (const patch of patches) {
    if (patch.path[0] !== 'touchpoints' || typeof patch.path[1] !== 'string') return undefined;
    ids.add(patch.path[1]);
  }
  return ids;
}

/** How the document came to be: the one before it and the cards the edit changed. */
export interface EditHint {
  from: MapDoc;
  cardIds: ReadonlySet<string>;
}

type PromiseCounts = Map<string, { marketing: number[]; sales: number[] }>;

/** Entries kept in card order: the few cards with findings or promises, without sorting all cards each time. */
class OrderedEntries {
  readonly items: CardEntry[] = [];
  private position(ord: number): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.items[mid]!.ord < ord) low = mid + 1;
      else high = mid;
    }
    return low;
  }
  add(entry: CardEntry): void {
    this.items.splice(this.position(entry.ord), 0, entry);
  }
  remove(ord: number): void {
    const at = this.position(ord);
    if (this.items[at]?.ord === ord) this.items.splice(at, 1);
  }
}

/**
 * Validation for the live canvas: the same findings, in the same order, as `validate` in the same mode
 * (the mode only changes map-wide rules, so cached card findings serve both). Given the edit that
 * led from the last validated document to this one (cards only), it re-checks just those cards and
 * updates the map-wide tallies (stage coverage, where promises are made) by their difference; otherwise it
 * walks every card, reusing the findings of cards immer kept identical. Teams, stages, connections or rule
 * settings changing invalidates every card's findings, since they read them.
 */
export function createIncrementalValidator(): (doc: MapDoc, hint?: EditHint, mode?: ValidationMode) => Finding[] {
  const cardRules = RULES.filter((r) => r.checkTouchpoint);
  const promiseRules = RULES.filter((r) => r.checkPromiseCard);
  // Promise spans change only when a promise-making card moves or changes hands; then every such card is re-judged.
  let spansEpoch = 0;
  let spansSignature = '';
  let context: readonly unknown[] = [];
  let perCard = new WeakMap<Touchpoint, Omit<CardEntry, 'ord' | 'card'>>();
  let adjacencyOf: { connections: unknown; adjacency: Adjacency } | undefined;
  // The state of the last validated document, kept up to date edit by edit.
  let last: MapDoc | undefined;
  let entries = new Map<string, CardEntry>();
  let nextOrd = 0;
  let cardsInStage: number[] = [];
  let marketingInStage: number[] = [];
  let promiseCounts: PromiseCounts = new Map();
  let withFindings = new OrderedEntries();
  let withPromises = new OrderedEntries();

  const severityOf = (map: JourneyMap, rule: (typeof RULES)[number]): Severity | undefined => {
    const setting = map.rules[rule.id];
    return setting === 'off' ? undefined : (setting ?? rule.defaultSeverity);
  };

  function describe(touchpoint: Touchpoint, index: MapIndex, map: JourneyMap, marketingIds: Set<string>): Omit<CardEntry, 'ord' | 'card'> {
    let cached = perCard.get(touchpoint);
    if (!cached) {
      const findings = cardRules.map((rule) => {
        const severity = severityOf(map, rule);
        if (!severity) return [];
        const found: Finding[] = [];
        rule.checkTouchpoint!(touchpoint, index, (finding) => found.push({ ruleId: rule.id, severity, ...finding }));
        return found;
      });
      const involves = (ids: string[]) => ids.some((id) => marketingIds.has(id));
      cached = { findings, stage: index.stageIndex.get(touchpoint.stageId) ?? -1, marketing: involves(touchpoint.ownerTeamIds) || involves(touchpoint.supportTeamIds) };
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
  }

  /** Adds (+1) or removes (-1) a card's share of the tallies and lists. */
  function tally(entry: CardEntry, sign: 1 | -1, stageCount: number): void {
    if (entry.findings.some((f) => f.length > 0)) {
      if (sign > 0) withFindings.add(entry);
      else withFindings.remove(entry.ord);
    }
    if (entry.promises) {
      if (sign > 0) withPromises.add(entry);
      else withPromises.remove(entry.ord);
    }
    if (entry.stage >= 0) {
      cardsInStage[entry.stage]! += sign;
      if (entry.marketing) marketingInStage[entry.stage]! += sign;
    }
    const p = entry.promises;
    if (!p || (!p.byMarketing && !p.bySales)) return;
    for (const key of p.keys) {
      let counts = promiseCounts.get(key);
      if (!counts) promiseCounts.set(key, (counts = { marketing: new Array(stageCount).fill(0), sales: new Array(stageCount).fill(0) }));
      if (p.byMarketing) counts.marketing[p.at]! += sign;
      if (p.bySales) counts.sales[p.at]! += sign;
    }
  }

  return (doc, hint, mode = 'complete') => {
    const now = [doc.teams, doc.stages, doc.stageOrder, doc.teamOrder, doc.rules, doc.connections];
    const sameContext = !now.some((value, i) => value !== context[i]);
    if (!sameContext) {
      perCard = new WeakMap();
      context = now;
    }
    const map = lazyMapView(doc);
    if (adjacencyOf?.connections !== doc.connections) adjacencyOf = { connections: doc.connections, adjacency: buildAdjacency(doc.connections.values()) };
    const stageStats = new Map<string, { cards: number; marketing: boolean }>();
    const promiseSpans: PromiseSpans = { marketing: new Map(), sales: new Map() };
    const cardsWithPromises: Touchpoint[] = [];
    const index = buildIndex(map, {
      touchpoints: doc.touchpoints,
      adjacency: adjacencyOf.adjacency,
      stageStats,
      promiseSpans,
      cardsWithPromises,
      promiseInfo: (t) => (perCard.get(t)?.promises),
    }, mode);
    const marketingIds = new Set(map.teams.filter((t) => t.role === 'marketing').map((t) => t.id));
    const stageCount = map.stages.length;

    if (doc === last) {
      // Validated already, in the other mode: the tallies describe this very document.
    } else if (sameContext && hint && last !== undefined && hint.from === last) {
      // Only the cards the edit touched: take their old share out, put their new one in.
      for (const id of hint.cardIds) {
        const old = entries.get(id);
        if (old) {
          tally(old, -1, stageCount);
          entries.delete(id);
        }
        const card = doc.touchpoints.get(id);
        if (card) {
          const entry: CardEntry = { ord: old?.ord ?? nextOrd++, card, ...describe(card, index, map, marketingIds) };
          entries.set(id, entry);
          tally(entry, 1, stageCount);
        }
      }
    } else {
      // Every card, in map order; unchanged cards reuse their cached findings.
      entries = new Map();
      nextOrd = 0;
      cardsInStage = new Array<number>(stageCount).fill(0);
      marketingInStage = new Array<number>(stageCount).fill(0);
      promiseCounts = new Map();
      withFindings = new OrderedEntries();
      withPromises = new OrderedEntries();
      for (const card of doc.touchpoints.values()) {
        const entry: CardEntry = { ord: nextOrd++, card, ...describe(card, index, map, marketingIds) };
        entries.set(card.id, entry);
        tally(entry, 1, stageCount);
      }
    }
    last = doc;

    map.stages.forEach((stage, i) => stageStats.set(stage.id, { cards: cardsInStage[i]!, marketing: marketingInStage[i]! > 0 }));
    for (const [key, counts] of promiseCounts) {
      for (const role of ['marketing', 'sales'] as const) {
        const first = counts[role].findIndex((n) => n > 0);
        if (first >= 0) {
          widen(promiseSpans[role], key, first);
          widen(promiseSpans[role], key, counts[role].findLastIndex((n) => n > 0));
        }
      }
    }

    for (const entry of withPromises.items) cardsWithPromises.push(entry.card);
    const signature = [...promiseSpans.marketing, ...promiseSpans.sales].map(([k, v]) => `${k}:${v.first}-${v.last}`).join('|') + `#${promiseSpans.marketing.size}`;
    if (signature !== spansSignature || !sameContext) {
      spansSignature = signature;
      spansEpoch++;
    }
    const byPromiseRule: Finding[][] = promiseRules.map(() => []);
    for (const entry of withPromises.items) {
      if (entry.promiseFindings?.epoch !== spansEpoch) {
        entry.promiseFindings = {
          epoch: spansEpoch,
          lists: promiseRules.map((rule) => {
            const severity = severityOf(map, rule);
            const found: Finding[] = [];
            if (severity) rule.checkPromiseCard!(entry.card, entry.promises!, promiseSpans, index, (f) => found.push({ ruleId: rule.id, severity, ...f }));
            return found;
          }),
        };
      }
      entry.promiseFindings.lists.forEach((list, p) => {
        for (const finding of list) byPromiseRule[p]!.push(finding);
      });
    }

    // The per-card rules' findings, gathered in one pass in card order.
    const byRule: Finding[][] = cardRules.map(() => []);
    for (const entry of withFindings.items) {
      for (let r = 0; r < byRule.length; r++) for (const finding of entry.findings[r]!) byRule[r]!.push(finding);
    }
    const findings: Finding[] = [];
    for (const rule of RULES) {
      const severity = severityOf(map, rule);
      if (!severity) continue;
      if (rule.checkTouchpoint) {
        for (const finding of byRule[cardRules.indexOf(rule)]!) findings.push(finding);
      } else if (rule.checkPromiseCard) {
        for (const finding of byPromiseRule[promiseRules.indexOf(rule)]!) findings.push(finding);
      } else {
        rule.check?.(index, (finding) => findings.push({ ruleId: rule.id, severity, ...finding }), map);
      }
    }
    return findings;
  };
}
