import { produce, type Draft, type Patch } from 'immer';
import { RECORD_COLLECTIONS, type MapDoc, type RecordCollection } from './mapDoc';
import { normalizeOrder, resolveField, sameValue } from './merge';

/** Map-level fields a change can set; rules are set one rule at a time (`['rules', ruleId]`). */
export const MAP_FIELDS = ['name', 'description', 'stageOrder', 'teamOrder'] as const;
export type MapField = (typeof MAP_FIELDS)[number];

/**
 * One element of a stored change, as the editor sends it and every window receives it. Unlike immer's
 * patches (index-based, which do not merge), each op names one record or one field:
 * - `add` a whole record (`path: [collection, id]`, `value`: the record);
 * - `remove` a whole record (`base`: the record as the sender last saw it, for undo);
 * - `set` one field of a record (`[collection, id, field]`), of the map (`[field]`) or one rule
 *   (`['rules', ruleId]`): `value` is the new value (absent: unset), `base` the value the sender saw before.
 */
export interface MapOp {
  op: 'add' | 'remove' | 'set';
  path: string[];
  value?: unknown;
  base?: unknown;
}

/** What another window's change did to a value this window may have written. */
export interface FieldConflict {
  path: string[];
  /** The value that was there and got replaced. */
  replaced?: unknown;
  value?: unknown;
}

export const opKey = (path: readonly string[]) => path.join('\u0000');
const isCollection = (value: unknown): value is RecordCollection => (RECORD_COLLECTIONS as readonly unknown[]).includes(value);
const isMapField = (value: unknown): value is MapField => (MAP_FIELDS as readonly unknown[]).includes(value);

function setOp(path: string[], before: unknown, after: unknown): MapOp {
  const op: MapOp = { op: 'set', path };
  if (after !== undefined) op.value = after;
  if (before !== undefined) op.base = before;
  return op;
}

/**
 * Turns an edit (the document before and after, and immer's patches between them) into ops: every
 * record the patches touch becomes an add, a remove, or one set per field that differs. Costs the
 * size of the edit, not of the map.
 */
export function opsFromEdit(before: MapDoc, after: MapDoc, patches: readonly Patch[]): MapOp[] {
  const records = new Map<string, { collection: RecordCollection; id: string; fields: Set<string> | 'all' }>();
  const mapFields = new Set<MapField>();
  let ruleIds: Set<string> | 'all' = new Set();
  for (const { path } of patches) {
    const [head, key, field] = path;
    if (isCollection(head) && typeof key === 'string') {
      const recordKey = `${head}\u0000${key}`;
      let entry = records.get(recordKey);
      if (!entry) records.set(recordKey, (entry = { collection: head, id: key, fields: new Set() }));
      if (path.length === 2 || typeof field !== 'string') entry.fields = 'all';
      else if (entry.fields !== 'all') entry.fields.add(field);
    } else if (head === 'rules') {
      if (typeof key !== 'string') ruleIds = 'all';
      else if (ruleIds !== 'all') ruleIds.add(key);
    } else if (isMapField(head)) {
      mapFields.add(head);
    }
  }

  const ops: MapOp[] = [];
  for (const { collection, id, fields } of records.values()) {
    const was = before[collection].get(id) as Record<string, unknown> | undefined;
    const now = after[collection].get(id) as Record<string, unknown> | undefined;
    if (!was && !now) continue;
    if (!was) ops.push({ op: 'add', path: [collection, id], value: now });
    else if (!now) ops.push({ op: 'remove', path: [collection, id], base: was });
    else {
      const names = fields === 'all' ? new Set([...Object.keys(was), ...Object.keys(now)]) : fields;
      for (const field of names) {
        if (field === 'id' || sameValue(was[field], now[field])) continue;
        ops.push(setOp([collection, id, field], was[field], now[field]));
      }
    }
  }
  for (const field of mapFields) {
    if (!sameValue(before[field], after[field])) ops.push(setOp([field], before[field], after[field]));
  }
  const rules = ruleIds === 'all' ? new Set([...Object.keys(before.rules), ...Object.keys(after.rules)]) : ruleIds;
  for (const ruleId of rules) {
    const was = (before.rules as Record<string, unknown>)[ruleId];
    const now = (after.rules as Record<string, unknown>)[ruleId];
    if (!sameValue(was, now)) ops.push(setOp(['rules', ruleId], was, now));
  }
  return ops;
}

export interface ApplyOptions {
  /**
   * Merge each set against what the document holds now (rebasing this window's unstored edits onto
   * newer stored ones). Without it, values are taken as they are (changes the store already resolved).
   */
  merge?: boolean;
  /** Keep stageOrder and teamOrder a permutation of the stages and teams (off for partial documents). */
  fixOrders?: boolean;
}

export interface ApplyResult {
  doc: MapDoc;
  conflicts: FieldConflict[];
  /** Sets whose record no longer exists (deleted elsewhere); they were skipped. */
  missing: MapOp[];
  /** The value each set op ended with, after merging (same order as the ops given). */
  resolved: unknown[];
}

/** Drops supporters that also lead: a merge of two windows' team lists can put a team in both. */
function tidyTeamLists(card: { ownerTeamIds?: string[]; supportTeamIds?: string[] }): void {
  if (!card.ownerTeamIds || !card.supportTeamIds) return;
  const leads = new Set(card.ownerTeamIds);
  if (card.supportTeamIds.some((id) => leads.has(id))) card.supportTeamIds = card.supportTeamIds.filter((id) => !leads.has(id));
}

/** Applies ops to a document (a whole one, or one holding just the records they touch). */
export function applyOps(doc: MapDoc, ops: readonly MapOp[], options: ApplyOptions = {}): ApplyResult {
  const conflicts: FieldConflict[] = [];
  const missing: MapOp[] = [];
  const resolved: unknown[] = [];
  const next = produce(doc, (draft) => {
    const touchedCards = new Set<string>();
    let ordersTouched = false;
    const resolve = (op: MapOp, field: string, current: unknown): unknown => {
      if (!options.merge) return op.value;
      const { value, conflict } = resolveField(field, op.base, op.value, current);
      if (conflict) conflicts.push(withoutUndefinedValues({ path: op.path, replaced: current, value }));
      return value;
    };
    for (const op of ops) {
      const [head, key, field] = op.path;
      if (isCollection(head) && key !== undefined) {
        const collection = draft[head] as Map<string, Record<string, unknown>>;
        if (head === 'stages' || head === 'teams') ordersTouched = true;
        if (op.op === 'add') {
          collection.set(key, structuredCloneValue(op.value) as Record<string, unknown>);
          resolved.push(op.value);
        } else if (op.op === 'remove' && field === undefined) {
          collection.delete(key);
          resolved.push(undefined);
        } else if (field !== undefined) {
          const record = collection.get(key);
          if (!record) {
            missing.push(op);
            resolved.push(undefined);
            continue;
          }
          const value = resolve(op, field, record[field]);
          if (value === undefined) delete record[field];
          else record[field] = structuredCloneValue(value);
          if (head === 'touchpoints') touchedCards.add(key);
          resolved.push(value);
        }
      } else if (head === 'rules' && key !== undefined) {
        const rules = draft.rules as Record<string, unknown>;
        const value = resolve(op, key, rules[key]);
        if (value === undefined) delete rules[key];
        else rules[key] = value;
        resolved.push(value);
      } else if (isMapField(head)) {
        const value = resolve(op, head, (draft as Record<string, unknown>)[head]);
        if (value === undefined) delete (draft as Record<string, unknown>)[head];
        else (draft as Record<string, unknown>)[head] = structuredCloneValue(value);
        if (head === 'stageOrder' || head === 'teamOrder') ordersTouched = true;
        resolved.push(value);
      } else {
        resolved.push(undefined);
      }
    }
    for (const id of touchedCards) {
      const card = draft.touchpoints.get(id);
      if (card) tidyTeamLists(card);
    }
    if (options.fixOrders && ordersTouched) fixOrders(draft);
  });
  return { doc: next, conflicts, missing, resolved };
}

function fixOrders(draft: Draft<MapDoc>): void {
  const stageOrder = normalizeOrder(draft.stageOrder, draft.stages.keys());
  if (!sameValue(stageOrder, draft.stageOrder)) draft.stageOrder = stageOrder;
  const teamOrder = normalizeOrder(draft.teamOrder, draft.teams.keys());
  if (!sameValue(teamOrder, draft.teamOrder)) draft.teamOrder = teamOrder;
}

/** Ops values come from JSON or from another document; a copy keeps the documents from sharing arrays. */
function structuredCloneValue<T>(value: T): T {
  return value === undefined || value === null || typeof value !== 'object' ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function withoutUndefinedValues(conflict: FieldConflict): FieldConflict {
  const out: FieldConflict = { path: conflict.path };
  if (conflict.replaced !== undefined) out.replaced = conflict.replaced;
  if (conflict.value !== undefined) out.value = conflict.value;
  return out;
}

/**
 * The ops that take an edit back without taking back anyone else's: a value is only restored while it
 * is still the one this edit wrote; lists lose only what this edit added and regain what it removed.
 */
export function undoOps(ops: readonly MapOp[], current: MapDoc): MapOp[] {
  return reverseOps(ops, current, 'undo');
}

/** The ops that make an undone edit again, on the document as it is now. */
export function redoOps(ops: readonly MapOp[], current: MapDoc): MapOp[] {
  return reverseOps(ops, current, 'redo');
}

/** The value a path names in a document: a record, one of its fields, a rule or a map field. */
export function valueAt(doc: MapDoc, path: readonly string[]): unknown {
  const [head, key, field] = path;
  if (isCollection(head) && key !== undefined) {
    const record = doc[head].get(key) as Record<string, unknown> | undefined;
    return field === undefined ? record : record?.[field];
  }
  if (head === 'rules' && key !== undefined) return (doc.rules as Record<string, unknown>)[key];
  if (isMapField(head)) return doc[head];
  return undefined;
}

function reverseOps(ops: readonly MapOp[], current: MapDoc, direction: 'undo' | 'redo'): MapOp[] {
  // Records come back in their original order (cards without an explicit order stack by it); values
  // are taken back last change first.
  const records = ops.filter((op) => op.path.length === 2 && op.path[0] !== 'rules');
  const values = ops.filter((op) => !records.includes(op));
  const sequence = direction === 'undo' ? [...records, ...values.reverse()] : [...ops];
  const out: MapOp[] = [];
  for (const op of sequence) {
    const now = valueAt(current, op.path);
    if (op.op === 'add' || op.op === 'remove') {
      const shouldExist = (op.op === 'add') === (direction === 'redo');
      const record = op.op === 'add' ? op.value : op.base;
      if (shouldExist && now === undefined) out.push({ op: 'add', path: op.path, value: record });
      if (!shouldExist && now !== undefined) out.push({ op: 'remove', path: op.path, base: now });
      continue;
    }
    const [from, to] = direction === 'undo' ? [op.value, op.base] : [op.base, op.value];
    const field = op.path[op.path.length - 1]!;
    if (op.path.length === 3 && valueAt(current, op.path.slice(0, 2)) === undefined) continue;
    const { value } = resolveField(field, from, to, now);
    // A plain value someone else has changed since stays theirs.
    if (!Array.isArray(value) && !sameValue(now, from)) continue;
    if (!sameValue(value, now)) out.push(setOp(op.path, now, value));
  }
  return out;
}
