import type { Editor } from './editorStore';

/** Present mode: the same canvas, full window, one stage at a time; full screen when the platform allows. */
export function startPresenting(editor: Editor): void {
  const { selection, doc } = editor.store.getState();
  const selectedStage = [...selection].map((id) => doc.touchpoints.get(id)?.stageId ?? (doc.stages.has(id) ? id : undefined)).find(Boolean);
  const index = Math.max(0, selectedStage ? doc.stageOrder.indexOf(selectedStage) : 0);
  editor.store.setState({ presenting: true, presentStageIndex: index, viewing: undefined });
  document.documentElement.requestFullscreen?.().catch(() => {
    // Full screen refused or unavailable: presenting fills the window all the same.
  });
}

export function stopPresenting(editor: Editor): void {
  editor.store.setState({ presenting: false, editingId: undefined });
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

export function stepStage(editor: Editor, delta: number | 'first' | 'last'): void {
  const { doc, presentStageIndex } = editor.store.getState();
  const last = Math.max(0, doc.stageOrder.length - 1);
  const next = delta === 'first' ? 0 : delta === 'last' ? last : Math.min(last, Math.max(0, presentStageIndex + delta));
  editor.store.setState({ presentStageIndex: next });
}
