import type { MapDoc } from '../document/mapDoc';
import type { Touchpoint } from '../model/touchpoint';
import type { JourneyMap } from '../model/journeyMap';
import { buildAdjacency, buildIndex, involves, type Adjacency, type MapIndex } from './mapIndex';
import { sameSpans, widen, type PromiseInfo, type PromiseSpans } from './promiseSpans';
import { RULES, severityOf } from './validate';
import type { Finding, Rule, ValidationMode } from './types';

const CARD_RULES = RULES.filter((r) => r.checkTouchpoint);
const PROMISE_RULES = RULES.filter((r) => r.checkPromiseCard);

/**
 * What one card contributes, worked out once per card object while the context (teams, stages, rule
 * settings, connections) stays the same: per-card rules read nothing else.
 */
interface CardFacts {
  /** Its findings under each per-card rule, in CARD_RULES order. */
  findings: Finding[][];
  /** Its stage as a position in the stage order (-1 for an unknown stage). */
  stage: number;
  /** A marketing team leads or supports it. */
  marketing: boolean;
  /** Set when it makes promises. */
  promises?: PromiseInfo;
}

interface CardEntry extends CardFacts {
  /** Its position in the map's card order, so findings keep the order a full validation gives. */
  ord: number;
  card: Touchpoint;
  /** Its findings under the promise rules (PROMISE_RULES order), judged against `spans`. */
  promiseFindings?: { spans: PromiseSpans; lists: Finding[][] };
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

/**
 * One rule's findings in card order, each beside its card's position: an edit takes a card's findings out
 * and puts its new ones in, without walking the other cards.
 */
class RuleFindings {
  readonly findings: Finding[] = [];
  private readonly ords: number[] = [];
  /** The first index whose card comes at or after `ord`. */
  private position(ord: number): number {
    let low = 0;
    let high = this.ords.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ords[mid]! < ord) low = mid + 1;
      else high = mid;
    }
    return low;
  }
  add(ord: number, found: readonly Finding[]): void {
    if (found.length === 0) return;
    const at = this.position(ord);
    this.findings.splice(at, 0, ...found);
    this.ords.splice(at, 0, ...found.map(() => ord));
  }
  remove(ord: number, count: number): void {
    if (count > 0) {
      const at = this.position(ord);
      this.findings.splice(at, count);
      this.ords.splice(at, count);
    }
  }
}

/** Runs one rule's check into a list, under the rule's severity; nothing when the map switches it off. */
function collect(rule: Rule, map: JourneyMap, check: (emit: (finding: Omit<Finding, 'ruleId' | 'severity'>) => void) => void): Finding[] {
  const severity = severityOf(map.rules, rule);
  const found: Finding[] = [];
  if (severity) check((finding) => found.push({ ruleId: rule.id, severity, ...finding }));
  return found;
}

/**
 * Validation for the live canvas: the same findings, in the same order, as `validate` in the same mode
 * (the mode only changes map-wide rules, so cached card findings serve both).
 *
 * Given the edit that led from the last validated document to this one (cards only), it takes the changed
 * cards' share out — of the map-wide tallies (stage coverage, where promises are made) and of each rule's
 * findings — and puts their new share in; otherwise it starts afresh from every card. Either way a card's
 * facts come from a cache keyed by the card object (immer keeps unchanged cards identical), emptied
 * whenever the context — teams, stages, rule settings, connections — changes. Promise-making cards are
 * re-judged only when the promise spans change.
 */
export function createIncrementalValidator(): (doc: MapDoc, hint?: EditHint, mode?: ValidationMode) => Finding[] {
  let context: readonly unknown[] = [];
  let facts = new WeakMap<Touchpoint, CardFacts>();
  let adjacencyOf: { connections: unknown; handoffs: unknown; adjacency: Adjacency } | undefined;
  // The state of the last validated document, kept up to date edit by edit.
  let last: MapDoc | undefined;
  let entries = new Map<string, CardEntry>();
  let nextOrd = 0;
  let cardsInStage: number[] = [];
  let marketingInStage: number[] = [];
  let promiseCounts: PromiseCounts = new Map();
  let byCardRule: RuleFindings[] = [];
  let byPromiseRule: RuleFindings[] = [];
  let spans: PromiseSpans = { marketing: new Map(), sales: new Map() };

  function factsOf(card: Touchpoint, index: MapIndex, marketingIds: ReadonlySet<string>): CardFacts {
    let known = facts.get(card);
    if (!known) {
      known = {
        findings: CARD_RULES.map((rule) => collect(rule, index.map, (emit) => rule.checkTouchpoint!(card, index, emit))),
        stage: index.stageIndex.get(card.stageId) ?? -1,
        marketing: involves(card, marketingIds),
        promises: card.promises.length > 0 ? index.promiseInfo(card) : undefined,
      };
      facts.set(card, known);
    }
    return known;
  }

  /** Adds (+1) or removes (-1) a card's share of the tallies and of the per-card rules' findings. */
  function tally(entry: CardEntry, sign: 1 | -1, stageCount: number): void {
    entry.findings.forEach((found, r) => (sign > 0 ? byCardRule[r]!.add(entry.ord, found) : byCardRule[r]!.remove(entry.ord, found.length)));
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

  /** A promise-making card's findings under the promise rules, judged (once per span table) against `spans`. */
  function promiseFindingsOf(entry: CardEntry, map: JourneyMap, index: MapIndex): Finding[][] {
    if (entry.promiseFindings?.spans !== spans) {
      const { card, promises } = entry;
      entry.promiseFindings = { spans, lists: PROMISE_RULES.map((rule) => collect(rule, map, (emit) => rule.checkPromiseCard!(card, promises!, spans, index, emit))) };
    }
    return entry.promiseFindings.lists;
  }

  return (doc, hint, mode = 'complete') => {
    const now = [doc.teams, doc.stages, doc.stageOrder, doc.teamOrder, doc.rules, doc.connections];
    const sameContext = now.every((value, i) => value === context[i]);
    if (!sameContext) {
      facts = new WeakMap();
      context = now;
    }
    const map = lazyMapView(doc);
    if (adjacencyOf?.connections !== doc.connections || adjacencyOf.handoffs !== doc.handoffs) {
      adjacencyOf = { connections: doc.connections, handoffs: doc.handoffs, adjacency: buildAdjacency(doc.connections.values(), doc.handoffs) };
    }
    // Stage coverage and promise spans are filled in below, from the tallies, before any map-wide rule reads them.
    const stageStats = new Map<string, { cards: number; marketing: boolean }>();
    const promiseSpans: PromiseSpans = { marketing: new Map(), sales: new Map() };
    const index = buildIndex(map, { touchpoints: doc.touchpoints, adjacency: adjacencyOf.adjacency, stageStats, promiseSpans }, mode);
    const stageCount = map.stages.length;

    // The cards whose promise findings must be put in afresh; all of them when the spans change.
    const judge: CardEntry[] = [];
    // Validated already (in the other mode) when it is the very same document: every tally and list stands.
    const seen = doc === last;
    const edited = !seen && sameContext && hint !== undefined && last !== undefined && hint.from === last;
    if (!seen) {
      if (!edited) {
        entries = new Map();
        nextOrd = 0;
        cardsInStage = new Array<number>(stageCount).fill(0);
        marketingInStage = new Array<number>(stageCount).fill(0);
        promiseCounts = new Map();
        byCardRule = CARD_RULES.map(() => new RuleFindings());
      }
      // After an edit, only the cards it touched: their old share out, their new one in. Otherwise every
      // card, in map order.
      const marketingIds = new Set(map.teams.filter((t) => t.role === 'marketing').map((t) => t.id));
      for (const id of edited ? hint.cardIds : doc.touchpoints.keys()) {
        const old = entries.get(id);
        if (old) {
          tally(old, -1, stageCount);
          if (old.promiseFindings) old.promiseFindings.lists.forEach((found, p) => byPromiseRule[p]!.remove(old.ord, found.length));
          entries.delete(id);
        }
        const card = doc.touchpoints.get(id);
        if (!card) continue;
        const entry: CardEntry = { ord: old?.ord ?? nextOrd++, card, ...factsOf(card, index, marketingIds) };
        entries.set(id, entry);
        tally(entry, 1, stageCount);
        if (entry.promises) judge.push(entry);
      }
      last = doc;
    }

    map.stages.forEach((stage, i) => stageStats.set(stage.id, { cards: cardsInStage[i]!, marketing: marketingInStage[i]! > 0 }));
    for (const [key, counts] of promiseCounts) {
      for (const role of ['marketing', 'sales'] as const) {
        const first = counts[role].findIndex((n) => n > 0);
        if (first < 0) continue;
        widen(promiseSpans[role], key, first);
        widen(promiseSpans[role], key, counts[role].findLastIndex((n) => n > 0));
      }
    }
    if (!seen && !(edited && sameSpans(promiseSpans, spans))) {
      // New spans, or no edit to go by: every promise-making card is judged again, in card order.
      spans = promiseSpans;
      byPromiseRule = PROMISE_RULES.map(() => new RuleFindings());
      judge.length = 0;
      for (const entry of entries.values()) if (entry.promises) judge.push(entry);
      judge.sort((a, b) => a.ord - b.ord);
    }
    for (const entry of judge) promiseFindingsOf(entry, map, index).forEach((found, p) => byPromiseRule[p]!.add(entry.ord, found));

    const findings: Finding[] = [];
    for (const rule of RULES) {
      const own = rule.checkTouchpoint ? byCardRule[CARD_RULES.indexOf(rule)]!.findings : rule.checkPromiseCard ? byPromiseRule[PROMISE_RULES.indexOf(rule)]!.findings : collect(rule, map, (emit) => rule.check!(index, emit, map));
      for (let i = 0; i < own.length; i++) findings.push(own[i]!);
    }
    return findings;
  };
}
