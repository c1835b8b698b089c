import { parseDocument } from '../../shared/format/document';
import { toMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import { execute, applyPatches, type Command, type Change } from '../../shared/document/command';
import { fullDocument } from './helpers';

export function fullMapDoc(): MapDoc {
  const parsed = parseDocument(fullDocument());
  if (!parsed.ok) throw new Error('fixture is invalid');
  return toMapDoc(parsed.map);
}

/** Runs a command and checks the undo/redo contract: inverse patches restore the old doc, patches the new one. */
export function run<A>(doc: MapDoc, command: Command<A>, args: A): Change {
  const change = execute(doc, command, args);
  if (!change) throw new Error(`${command.name} changed nothing`);
  return change;
}

export function undoRedoRoundTrip(change: Change): { undone: MapDoc; redone: MapDoc } {
  const undone = applyPatches(change.doc, change.inversePatches);
  const redone = applyPatches(undone, change.patches);
  return { undone, redone };
}
