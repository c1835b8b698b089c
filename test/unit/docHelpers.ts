import { parseDocument } from '../../shared/format/document';
import { toMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import { execute, type Command, type Change } from '../../shared/document/command';
import { applyOps, redoOps, undoOps } from '../../shared/document/ops';
import { fullDocument } from './helpers';

export function fullMapDoc(): MapDoc {
  const parsed = parseDocument(fullDocument());
  if (!parsed.ok) throw new Error('fixture is invalid');
  return toMapDoc(parsed.map);
}

/** Runs a command (its ops are what the editor stores, undoes and redoes). */
export function run<A>(doc: MapDoc, command: Command<A>, args: A): Change {
  const change = execute(doc, command, args);
  if (!change) throw new Error(`${command.name} changed nothing`);
  return change;
}

/** Undo and redo as the editor does them: ops that take back or make again this edit, on the current document. */
export function undoRedoRoundTrip(change: Change, before: MapDoc): { replayed: MapDoc; undone: MapDoc; redone: MapDoc } {
  const replayed = applyOps(before, change.ops, { fixOrders: true }).doc;
  const undone = applyOps(change.doc, undoOps(change.ops, change.doc), { fixOrders: true }).doc;
  const redone = applyOps(undone, redoOps(change.ops, undone), { fixOrders: true }).doc;
  return { replayed, undone, redone };
}
