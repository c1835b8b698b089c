import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient, VersionSummary } from '../../shared/api/contract';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { toMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import { execute, type Command, CommandError } from '../../shared/document/command';
import { applyOps, redoOps, undoOps, type MapOp } from '../../shared/document/ops';
import { setFieldValue } from '../../shared/document/commands';
import { newId } from '../../shared/ids';
import { History, historyFor, type Step } from './history';
import { recordEdit } from './derived';
import { MapSync, type ReceivedChange, type ReplacedValue, type SaveState, type UnsavedEdits } from './mapSync';
import { describeValue, describeWhere } from './describeChange';

/** One call in a grouped gesture: several commands that undo as one step. */
export interface Invocation {
  command: Command<never>;
  args: unknown;
}

export function invoke<A>(command: Command<A>, args: A): Invocation {
  return { command: command as unknown as Command<never>, args };
}

/** Something the editor tells the user (live region), with an optional one-click action. */
export interface Notice {
  id: string;
  message: string;
  action?: { label: string; run: () => void };
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
  /** Which page of the stage's cards Present shows, when it has more than fit on one. */
  presentPage: number;
  /** The facilitator's text size for Present (A−/A+), reset at the next stage. */
  presentScale: number;
  /** Dims every card this team neither leads nor supports. */
  focusTeamId?: string;
  /** The card whose title is being edited in place (double-click). */
  editingId?: string;
  /** A saved version shown read-only instead of the map. */
  viewing?: { version: VersionSummary; map: JourneyMap };
  /** A question to ask before a destructive step (deleting a stage or lane that holds cards). */
  confirm?: { title: string; message: string; confirmLabel: string; onConfirm: () => void };
  /** What other windows did to this window's values, and edits the store refused: said, never silent. */
  notices: Notice[];
  /** The map was deleted in another window: nothing more can be stored. */
  deletedElsewhere?: boolean;
  /** Why this window may not change the map (a room participant set to “Can view”); edits are refused with it. */
  readOnly?: string;
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
  dismissNotice(id: string): void;
  /** Says something in the notices (a live region), with an optional one-click action such as Undo. */
  announce(message: string, action?: Notice['action']): void;
  /** Applies a change the host pushed (another window's, or this one's echo). */
  receive(change: ReceivedChange): void;
  /** The host no longer has the changes this window missed: reload the stored map under the unsaved edits. */
  reset(): Promise<void>;
  /** The map was deleted elsewhere. */
  markDeleted(): void;
  /** The stored revision this window has applied (to resume the event stream from). */
  revision(): number;
  /** Joins the live session (again): sending resumes. */
  open(): void;
  /** Leaves the live session: nothing more is sent or applied; unsaved edits stay for the next editor. */
  close(): void;
}

export interface EditorOptions {
  /** Edits an earlier session of this tab left unsaved, sent first. */
  unsaved?: UnsavedEdits;
  /** Keeps unsaved edits where a reload finds them. */
  persist?: (edits: UnsavedEdits | undefined) => void;
}

/**
 * The open map's editing state: every change goes through a named command and becomes one history
 * step; its ops go to the store through the map's live session, which also brings in what other
 * windows store. Undo and redo take back or make again only this window's own values.
 */
export function createEditor(opened: { map: JourneyMap; revision: number }, api: ApiClient, options: EditorOptions = {}): Editor {
  const mapId = opened.map.id;
  const clientId = newId('w');
  const history: History = historyFor(mapId);
  const store = createStore<EditorState>(() => ({
    doc: toMapDoc(opened.map),
    selection: new Set<string>(),
    save: { status: 'saved' },
    presenting: false,
    presentStageIndex: 0,
    presentPage: 0,
    presentScale: 1,
    notices: [],
    ...historyFlags(history),
  }));

  const notify = (notice: Omit<Notice, 'id'>) => store.setState((s) => ({ notices: [...s.notices.slice(-4), { id: newId('n'), ...notice }] }));

  /** Shows a document the session produced (others' changes, a refusal taken back). */
  function show(doc: MapDoc, touched: readonly MapOp[] | undefined) {
    const before = store.getState().doc;
    if (touched) recordEdit(before, doc, touched);
    store.setState({ doc, selection: keepExisting(doc, store.getState().selection) });
  }

  const sync = new MapSync({
    clientId,
    confirmed: store.getState().doc,
    revision: opened.revision,
    unsaved: options.unsaved,
    send: ({ batchId, ops }) => api['maps.storeChange']({ id: mapId, clientId, batchId, ops }),
    catchUp: async (since) => {
      const answer = await api['maps.changes']({ id: mapId, since });
      return 'reset' in answer ? 'reset' : answer.changes;
    },
    reload: async () => {
      const fresh = await api['maps.open']({ id: mapId });
      return { doc: toMapDoc(fresh.map), revision: fresh.revision };
    },
    onDoc: show,
    onState: (save: SaveState) => store.setState({ save }),
    onRefused: (step, message) => {
      history.forget(step.id);
      store.setState(historyFlags(history));
      notify({ message: `“${step.label}” could not be saved and was taken back: ${message}` });
    },
    onReplaced: (values: ReplacedValue[]) => {
      for (const value of values) {
        const doc = store.getState().doc;
        notify({
          message: `Another window changed ${describeWhere(doc, value.path)} from “${describeValue(value.mine)}” to “${describeValue(value.theirs)}”.`,
          action: { label: 'Put mine back', run: () => editor.run('Put my value back', invoke(setFieldValue, { path: value.path, value: value.mine })) },
        });
      }
    },
    persist: (edits) => options.persist?.(edits),
  });
  if (options.unsaved) store.setState({ doc: sync.doc });

  /** Records a step of this window: shown now, stored soon. */
  function commit(step: Step, before: MapDoc, doc: MapDoc) {
    recordEdit(before, doc, step.ops);
    store.setState({ doc, selection: keepExisting(doc, store.getState().selection), ...historyFlags(history) });
    sync.edit(step, doc);
  }

  /** Undo or redo: ops that only touch what is still this window's value. */
  function replay(step: Step | undefined, reverse: typeof undoOps, prefix: string) {
    if (!step) return;
    if (store.getState().readOnly) return void store.setState({ error: store.getState().readOnly });
    const before = store.getState().doc;
    const ops = reverse(step.ops, before);
    if (ops.length === 0) {
      store.setState(historyFlags(history));
      notify({ message: `Nothing to ${prefix.toLowerCase()} for “${step.label}”: another window has changed it since.` });
      return;
    }
    const doc = applyOps(before, ops, { fixOrders: true }).doc;
    commit({ id: step.id, label: `${prefix} ${step.label}`, ops }, before, doc);
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
      if (store.getState().deletedElsewhere) {
        store.setState({ error: 'This map was deleted in another window; changes can no longer be saved.' });
        return false;
      }
      const readOnly = store.getState().readOnly;
      if (readOnly) {
        store.setState({ error: readOnly });
        return false;
      }
      const before = store.getState().doc;
      let doc = before;
      const ops: MapOp[] = [];
      let firstLabel: string | undefined;
      try {
        for (const { command, args } of invocations) {
          const change = execute(doc, command, args as never);
          if (!change) continue;
          firstLabel ??= change.label;
          doc = change.doc;
          ops.push(...change.ops);
        }
      } catch (error) {
        const message = error instanceof CommandError ? error.message : `Something went wrong: ${(error as Error).message}`;
        store.setState({ error: message });
        return false;
      }
      if (ops.length === 0) return true;
      const step: Step = { id: newId('s'), label: label ?? firstLabel ?? 'Edit', ops };
      history.push(step);
      commit(step, before, doc);
      return true;
    },
    undo: () => replay(history.undo(), undoOps, 'Undo'),
    redo: () => replay(history.redo(), redoOps, 'Redo'),
    select(ids) {
      store.setState({ selection: new Set(ids) });
    },
    dismissError() {
      store.setState({ error: undefined });
    },
    announce(message, action) {
      notify(action ? { message, action } : { message });
    },
    dismissNotice(id) {
      store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
    flush: () => sync.flush(),
    hasUnsavedEdits: () => sync.busy,
    receive: (change) => sync.receive(change),
    reset: () => sync.reset(),
    markDeleted() {
      sync.stop();
      store.setState({ deletedElsewhere: true, save: { status: 'saved' } });
    },
    revision: () => sync.storedRevision,
    open: () => sync.resume(),
    close: () => sync.stop(),
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
