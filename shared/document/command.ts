import { produceWithPatches, applyPatches, type Draft, type Patch } from 'immer';
import type { MapDoc, RecordCollection } from './mapDoc';
import { opsFromEdit, type MapOp } from './ops';
import { MAP_FIELD_SCHEMAS, recordProblem } from './records';

/** A user operation, by name: the recipe changes a draft of the map; immer records the patches. */
export interface Command<Args> {
  name: string;
  /** What the undo history shows, e.g. "Move “Demo” to Sales × Intent". */
  label: (doc: MapDoc, args: Args) => string;
  run: (draft: Draft<MapDoc>, args: Args) => void;
}

export function defineCommand<Args>(command: Command<Args>): Command<Args> {
  return command;
}

/** A command that cannot apply to this map (an unknown id, an impossible move); says why in words. */
export class CommandError extends Error {
  override name = 'CommandError';
}

export interface Change {
  name: string;
  label: string;
  doc: MapDoc;
  patches: Patch[];
  inversePatches: Patch[];
  /** The change as the store and other windows take it: whole records and single fields. */
  ops: MapOp[];
}

/**
 * Runs a command. Returns undefined when it changed nothing, so no empty step enters the history.
 * Every record it writes is checked against the schema the store uses: a command never produces
 * something the store would refuse (a 300-character title, the colour "red").
 */
export function execute<Args>(doc: MapDoc, command: Command<Args>, args: Args): Change | undefined {
  const label = command.label(doc, args);
  const [next, patches, inversePatches] = produceWithPatches(doc, (draft) => {
    command.run(draft, args);
  });
  if (patches.length === 0) return undefined;
  const ops = opsFromEdit(doc, next, patches);
  checkWrites(next, ops);
  return { name: command.name, label, doc: next, patches, inversePatches, ops };
}

function checkWrites(doc: MapDoc, ops: readonly MapOp[]): void {
  const checked = new Set<string>();
  for (const { op, path } of ops) {
    if (op === 'remove' && path.length === 2) continue;
    const [head, id] = path;
    if (path.length >= 2 && head !== 'rules') {
      const key = `${head}\u0000${id}`;
      if (checked.has(key)) continue;
      checked.add(key);
      const collection = head as RecordCollection;
      const problem = recordProblem(collection, doc[collection].get(id!));
      if (problem) throw new CommandError(problem);
    } else if (head === 'name' || head === 'description' || head === 'rules') {
      const parsed = MAP_FIELD_SCHEMAS[head].safeParse(doc[head]);
      if (!parsed.success) throw new CommandError(`The map's ${head} ${parsed.error.issues[0]!.message}.`);
    }
  }
}

export { applyPatches, type Patch };
