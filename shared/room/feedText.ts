import type { MapDoc, RecordCollection } from '../document/mapDoc';
import type { MapOp } from '../document/ops';
import { RECORD_KINDS } from '../document/records';

const MAX_NAME = 40;

function quoted(text: unknown): string {
  const value = String(text ?? '').replace(/\s+/g, ' ').trim();
  return `“${value.length > MAX_NAME ? `${value.slice(0, MAX_NAME - 1)}…` : value}”`;
}

type AnyRecord = Record<string, unknown> | undefined;

function recordIn(doc: MapDoc, collection: string, id: string): AnyRecord {
  return (doc[collection as RecordCollection] as Map<string, Record<string, unknown>> | undefined)?.get(id);
}

/** The words a record goes by: a card's title, a stage's name, a note's text. */
function nameOf(collection: string, record: AnyRecord, doc: MapDoc): string {
  if (!record) return `a ${RECORD_KINDS[collection as RecordCollection] ?? 'element'}`;
  if (collection === 'connections') {
    const end = (id: unknown) => {
      const card = recordIn(doc, 'touchpoints', String(id));
      if (card) return quoted(card.title);
      return recordIn(doc, 'handoffs', String(id)) ? 'a handoff' : 'a card';
    };
    return `${end(record.source)} → ${end(record.target)}`;
  }
  if (collection === 'handoffs') {
    const team = (id: unknown) => recordIn(doc, 'teams', String(id))?.name ?? '?';
    return `the handoff ${team(record.fromTeamId)} → ${team(record.toTeamId)}`;
  }
  if (collection === 'notes') return `the note ${quoted(record.text)}`;
  if (collection === 'stages') return `the stage ${quoted(record.name)}`;
  if (collection === 'teams') return `the team ${quoted(record.name)}`;
  return quoted(record.title ?? record.name ?? record.text);
}

function describeOne(op: MapOp, before: MapDoc, after: MapDoc): string | undefined {
  const [collection, id, field] = op.path;
  if (!collection || !id || !(collection in RECORD_KINDS)) return undefined;
  if (op.op === 'add') return collection === 'connections' ? `connected ${nameOf(collection, op.value as AnyRecord, after)}` : `added ${nameOf(collection, op.value as AnyRecord, after)}`;
  if (op.op === 'remove') return `removed ${nameOf(collection, (recordIn(before, collection, id) ?? op.base) as AnyRecord, before)}`;
  const record = recordIn(after, collection, id) ?? recordIn(before, collection, id);
  if (field === 'title' || field === 'name' || field === 'text') {
    const old = recordIn(before, collection, id)?.[field] ?? op.base;
    return old ? `renamed ${quoted(old)} to ${quoted(op.value)}` : `named ${nameOf(collection, record, after)}`;
  }
  if (field === 'stageId' || field === 'ownerTeamIds' || field === 'order') return `moved ${nameOf(collection, record, after)}`;
  if (field === 'votes') return undefined;
  return `edited ${nameOf(collection, record, after)}`;
}

/** The one record a change is about (`collection\u0000id`), or undefined when it touches several or the map. */
export function recordOfChange(ops: readonly MapOp[]): string | undefined {
  const keys = new Set(ops.map((op) => (op.path.length >= 2 ? `${op.path[0]}\u0000${op.path[1]}` : '')));
  const [key] = keys;
  return keys.size === 1 && key ? key : undefined;
}

/** "added “Trade show booth”": a record someone added, as it reads now (after they typed its title). */
export function describeAdded(recordKey: string, doc: MapDoc): string | undefined {
  const [collection, id] = recordKey.split('\u0000') as [string, string];
  const record = recordIn(doc, collection, id);
  if (!record) return undefined;
  return collection === 'connections' ? `connected ${nameOf(collection, record, doc)}` : `added ${nameOf(collection, record, doc)}`;
}

/**
 * One line for the facilitator's feed: what a participant's change did, in words ("added “Trade show
 * booth”"). `before` and `after` are the map around the change; several records read "… and 2 more".
 */
export function describeRoomChange(ops: readonly MapOp[], before: MapDoc, after: MapDoc): string | undefined {
  const touched = new Map<string, MapOp>();
  for (const op of ops) {
    const key = `${op.path[0]}\u0000${op.path[1]}`;
    // The add or remove of a record says more than the sets that come with it.
    if (!touched.has(key) || op.op !== 'set') touched.set(key, op);
  }
  const lines = [...touched.values()].map((op) => describeOne(op, before, after)).filter((line): line is string => !!line);
  if (lines.length === 0) return undefined;
  return lines.length === 1 ? lines[0] : `${lines[0]} and ${lines.length - 1} more`;
}
