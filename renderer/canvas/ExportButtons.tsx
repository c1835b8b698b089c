import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { api } from '../api/client';
import { saveFile } from '../api/files';
import { useEditor } from '../editor/EditorContext';

type Format = 'pdf' | 'json' | 'png' | 'svg';

const LABEL: Record<Format, string> = { pdf: 'Export PDF', json: 'Export JSON', png: 'Export PNG', svg: 'Export SVG' };

/**
 * Exports are drawn from the stored map (so every edit is saved first): the slide deck, the JSON, and
 * the current canvas view as PNG (twice the screen's resolution) or SVG.
 */
export function ExportButtons() {
  const editor = useEditor();
  const { getViewport } = useReactFlow();
  const [busy, setBusy] = useState<Format>();

  const run = async (format: Format) => {
    setBusy(format);
    try {
      await editor.flush();
      let view;
      let scale;
      if (format === 'png' || format === 'svg') {
        const pane = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
        const { x, y, zoom } = getViewport();
        if (pane) view = { x: -x / zoom, y: -y / zoom, width: pane.width / zoom, height: pane.height / zoom };
        scale = Math.min(4, Math.max(1, 2 * zoom));
      }
      const file = await api['maps.exportFile']({ id: editor.store.getState().doc.id, format, view, scale });
      saveFile(file.fileName, file.mimeType, file.base64);
    } catch (error) {
      editor.store.setState({ error: `The ${format.toUpperCase()} export failed: ${(error as Error).message}` });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Export">
      {(['pdf', 'json', 'png', 'svg'] as const).map((format) => (
        <button key={format} type="button" className="button ghost" disabled={busy !== undefined} onClick={() => run(format)} aria-busy={busy === format}>
          {busy === format ? 'Exporting…' : LABEL[format]}
        </button>
      ))}
    </div>
  );
}
