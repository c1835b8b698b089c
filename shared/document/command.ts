import { produceWithPatches, applyPatches, type Draft, type Patch } from 'immer';
import type { MapDoc } from './mapDoc';

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
}

/** Runs a command. Returns undefined when it changed nothing, so no empty step enters the history. */
export function execute<Args>(doc: MapDoc, command: Command<Args>, args: Args): Change | undefined {
  const label = command.label(doc, args);
  const [next, patches, inversePatches] = produceWithPatches(doc, (draft) => {
    command.run(draft, args);
  });
  if (patches.length === 0) return undefined;
  return { name: command.name, label, doc: next, patches, inversePatches };
}

export { applyPatches, type Patch };
