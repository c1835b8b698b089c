import type { MapOp } from '../../shared/document/ops';

/** One undoable gesture of this window: the ops that made it (each names its value before and after). */
export interface Step {
  id: string;
  label: string;
  ops: MapOp[];
}

const LIMIT = 500;

/** Undo and redo stacks for one map. */
export class History {
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];

  push(step: Step): void {
    this.undoStack.push(step);
    if (this.undoStack.length > LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  /** The step to take back, moved onto the redo stack. */
  undo(): Step | undefined {
    const step = this.undoStack.pop();
    if (step) this.redoStack.push(step);
    return step;
  }

  redo(): Step | undefined {
    const step = this.redoStack.pop();
    if (step) this.undoStack.push(step);
    return step;
  }

  /** Takes a step out of the history (the store refused it), wherever it is; the others stay. */
  forget(id: string): void {
    this.undoStack = this.undoStack.filter((step) => step.id !== id);
    this.redoStack = this.redoStack.filter((step) => step.id !== id);
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  get undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.label;
  }

  get redoLabel(): string | undefined {
    return this.redoStack[this.redoStack.length - 1]?.label;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}

const histories = new Map<string, History>();

/** History lives for the session, per map: leaving a map and coming back keeps its undo steps. */
export function historyFor(mapId: string): History {
  let history = histories.get(mapId);
  if (!history) histories.set(mapId, (history = new History()));
  return history;
}
