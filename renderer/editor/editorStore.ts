import { createStore, type StoreApi } from 'zustand/vanilla';
import { applyPatches, type Patch } from 'immer';
import type { ApiClient, VersionSummary } from '../../shared/api/contract';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { toMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import { execute, type Command, CommandError } from '../../shared/document/command';
import { History, historyFor } from './history';
import { recordEdit } from './derived';
import { SaveQueue, type SaveState } from './saveQueue';

/** One call in a grouped gesture: several commands that undo as one step. */
export interface Invocation {
  command: Command<never>;
  args: unknown;
}

export function invoke<A>(command: Command<A>, args: A): Invocation {
  return { command: command as unknown as Command<never>, args };
}

export interface EditorState {
  doc: MapDoc;
  /** Selected element ids: cards, handoffs, notes, connections, stages, teams. */
  selection: ReadonlySet<string>;
  save: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
  /** The last refused edit or failed command, in words, until dismissed. */
  error?: string;
  /** The Inspector focuses this element's field once (its first field when none is named): after adding from the palette, or a quick fix that needs typing. */
  focus?: { id: string; field?: string };
  /** Present mode: the map large, one stage at a time, for the room. */
  presenting: boolean;
  presentStageIndex: number;
  /** Dims every card this team neither leads nor supports. */
  focusTeamId?: string;
  /** The card whose title is being edited in place (double-click). */
  editingId?: string;
  /** A saved version shown read-only instead of the map. */
  viewing?: { version: VersionSummary; map: JourneyMap };
  /** A question to ask before a destructive step (deleting a stage or lane that holds cards). */
  confirm?: { title: string; message: string; confirmLabel: string; onConfirm: () => void };
}

export interface Editor {
  store: StoreApi<EditorState>;
  /** Runs commands as one undoable step; returns false (and sets error) when refused. */
  run(label: string | undefined, ...invocations: Invocation[]): boolean;
  /** Runs one command for a form field: returns the refusal message for the field instead of a banner. */
  runForField(invocation: Invocation): string | undefined;
  undo(): void;
  redo(): void;
  select(ids: Iterable<string>): void;
  dismissError(): void;
  flush(): Promise<void>;
  hasUnsavedEdits(): boolean;
}

/**
 * The open map's editing state: every change goes through a named command, becomes one history step,
 * and its patches go to the store through the save queue. Undo and redo apply the recorded patches.
 */
export function createEditor(map: JourneyMap, api: ApiClient, onReload: (map: JourneyMap) => void): Editor {
  const history: History = historyFor(map.id);
  const store = createStore<EditorState>(() => ({
    doc: toMapDoc(map),
    selection: new Set<string>(),
    save: { status: 'saved' },
    presenting: false,
    presentStageIndex: 0,
    ...historyFlags(history),
  }));

  const queue = new SaveQueue({
    send: (patches) => api['maps.applyPatches']({ id: map.id, patches: patches as never }),
    onState: (save) => store.setState({ save }),
    onRejected: async (message) => {
      // The store is the truth: take its version of the map, and drop steps that no longer apply.
      history.clear();
      store.setState({ error: `That change could not be saved and was undone: ${message}`, ...historyFlags(history) });
      try {
        onReload(await api['maps.get']({ id: map.id }));
      } catch (error) {
        store.setState({ error: (error as Error).message });
      }
    },
  });

  function apply(patches: Patch[]) {
    const { doc, selection } = store.getState();
    const next = applyPatches(doc, patches);
    recordEdit(doc, next, patches);
    store.setState({ doc: next, selection: keepExisting(next, selection), ...historyFlags(history) });
    queue.enqueue(patches);
  }

  const editor: Editor = {
    store,
    runForField(invocation) {
      const before = store.getState().error;
      if (editor.run(undefined, invocation)) return undefined;
      const message = store.getState().error;
      store.setState({ error: before });
      return message;
    },
    run(label, ...invocations) {
      const before = store.getState().doc;
      let doc = before;
      const patches: Patch[] = [];
      const inversePatches: Patch[] = [];
      let firstLabel: string | undefined;
      try {
        for (const { command, args } of invocations) {
          const change = execute(doc, command, args as never);
          if (!change) continue;
          firstLabel ??= change.label;
          doc = change.doc;
          patches.push(...change.patches);
          inversePatches.unshift(...change.inversePatches);
        }
      } catch (error) {
        const message = error instanceof CommandError ? error.message : `Something went wrong: ${(error as Error).message}`;
        store.setState({ error: message });
        return false;
      }
      if (patches.length === 0) return true;
      history.push({ label: label ?? firstLabel ?? 'Edit', patches, inversePatches });
      recordEdit(before, doc, patches);
      store.setState({ doc, selection: keepExisting(doc, store.getState().selection), ...historyFlags(history) });
      queue.enqueue(patches);
      return true;
    },
    undo() {
      const step = history.undo();
      if (step) apply(step.inversePatches);
    },
    redo() {
      const step = history.redo();
      if (step) apply(step.patches);
    },
    select(ids) {
      store.setState({ selection: new Set(ids) });
    },
    dismissError() {
      store.setState({ error: undefined });
    },
    flush: () => queue.flush(),
    hasUnsavedEdits: () => queue.busy,
  };
  return editor;
}

function historyFlags(history: History) {
  return { canUndo: history.canUndo, canRedo: history.canRedo, undoLabel: history.undoLabel, redoLabel: history.redoLabel };
}

/** Drops ids from the selection that no longer exist (after a delete or an undo). */
function keepExisting(doc: MapDoc, selection: ReadonlySet<string>): ReadonlySet<string> {
  const exists = (id: string) =>
    doc.touchpoints.has(id) || doc.handoffs.has(id) || doc.notes.has(id) || doc.connections.has(id) || doc.stages.has(id) || doc.teams.has(id);
  if ([...selection].every(exists)) return selection;
  return new Set([...selection].filter(exists));
}
