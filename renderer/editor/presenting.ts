import type { Editor } from './editorStore';
import { layoutOf, mapOf } from './derived';
import { presentPages } from '../present/presentPages';

function pageCount(editor: Editor, stageIndex: number): number {
  const { doc } = editor.store.getState();
  const map = mapOf(doc);
  return presentPages(map, layoutOf(doc), doc.stageOrder[stageIndex]).length;
}

/** Present mode: the same canvas, full window, one stage at a time; full screen when the platform allows. */
export function startPresenting(editor: Editor): void {
  const { selection, doc } = editor.store.getState();
  const selectedStage = [...selection].map((id) => doc.touchpoints.get(id)?.stageId ?? (doc.stages.has(id) ? id : undefined)).find(Boolean);
  const index = Math.max(0, selectedStage ? doc.stageOrder.indexOf(selectedStage) : 0);
  editor.store.setState({ presenting: true, presentStageIndex: index, presentPage: 0, presentScale: 1, viewing: undefined });
  document.documentElement.requestFullscreen?.().catch(() => {
    // Full screen refused or unavailable: presenting fills the window all the same.
  });
}

export function stopPresenting(editor: Editor): void {
  editor.store.setState({ presenting: false, editingId: undefined });
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

/**
 * The next or previous step of the presentation: the next page of a stage's cards when it has more than
 * fit on one, else the next stage (going back lands on the previous stage's last page).
 */
export function stepStage(editor: Editor, delta: number | 'first' | 'last'): void {
  const { doc, presentStageIndex, presentPage } = editor.store.getState();
  const last = Math.max(0, doc.stageOrder.length - 1);
  if (delta === 'first' || delta === 'last') {
    return editor.store.setState({ presentStageIndex: delta === 'first' ? 0 : last, presentPage: 0, presentScale: 1 });
  }
  const pages = pageCount(editor, presentStageIndex);
  if (delta > 0 && presentPage < pages - 1) return editor.store.setState({ presentPage: presentPage + 1 });
  if (delta < 0 && presentPage > 0) return editor.store.setState({ presentPage: presentPage - 1 });
  const next = Math.min(last, Math.max(0, presentStageIndex + delta));
  if (next === presentStageIndex) return;
  editor.store.setState({ presentStageIndex: next, presentPage: delta < 0 ? pageCount(editor, next) - 1 : 0, presentScale: 1 });
}

/** A− / A+: the facilitator's text size for this stage. */
export function scalePresentText(editor: Editor, factor: number): void {
  const { presentScale } = editor.store.getState();
  editor.store.setState({ presentScale: Math.min(1.6, Math.max(0.6, Math.round(presentScale * factor * 100) / 100)) });
}
