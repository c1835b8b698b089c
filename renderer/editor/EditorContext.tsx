import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Editor, EditorState } from './editorStore';

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside an open map');
  return editor;
}

/** Subscribes to one slice of the editor state; components re-render only when that slice changes. */
export function useEditorState<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditor().store, selector);
}
