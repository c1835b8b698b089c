import { useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { api } from '../api/client';
import { saveFile } from '../api/files';
import { useEditor } from '../editor/EditorContext';
import type { ApiInput, ApiResult } from '../../shared/api/contract';
import type { AgreementFormat } from '../../shared/agreement/agreement';
import { exportFormatName } from '../../shared/exportFormatName';

type Format = AgreementFormat | 'pdf' | 'pptx' | 'json' | 'png' | 'svg' | 'csv';

const LABEL: Record<Format, string> = { 'agreement-pdf': 'Export agreement (PDF)', 'agreement-md': 'Export agreement (Markdown)', pdf: 'Export PDF', pptx: 'Export PowerPoint', json: 'Export JSON', csv: 'Export CSV', png: 'Export PNG', svg: 'Export SVG' };

/** How progress and errors name a format: "PDF", "agreement (Markdown)". */
const formatName = (format: Format) => exportFormatName(format);

/** How often a running export is asked how far it is: often enough for a smooth bar, rare enough to cost nothing. */
const POLL_INTERVAL_MS = 250;
/** The host stops an export after ten minutes; stop asking a little after that. */
const MAX_POLLS = (11 * 60_000) / POLL_INTERVAL_MS;

interface Progress {
  format: Format;
  fraction: number;
  stage: string;
}

type ExportedFile = NonNullable<ApiResult<'maps.exportStatus'>['file']>;

/** Starts an export job and asks how it goes until the file is there. */
async function runExport(input: ApiInput<'maps.exportStart'>, onProgress: (status: ApiResult<'maps.exportStatus'>) => void, isCancelled: () => boolean): Promise<ExportedFile | undefined> {
  const { jobId } = await api['maps.exportStart'](input);
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    const status = await api['maps.exportStatus']({ jobId });
    if (status.done) return status.file;
    if (isCancelled()) return undefined;
    onProgress(status);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error('it is taking far longer than it should.');
}

/**
 * Exports are drawn from the stored map (so every edit is saved first): the slide deck, the JSON, and
 * the current canvas view as PNG (twice the screen's resolution) or SVG. The host draws them off its
 * event loop and reports progress, shown as a bar over the (disabled) buttons while the editor stays usable.
 */
export function ExportButtons() {
  const editor = useEditor();
  const { getViewport } = useReactFlow();
  const [busy, setBusy] = useState<Format>();
  const [progress, setProgress] = useState<Progress>();
  const unmounted = useRef(false);
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);

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
      const input = { id: editor.store.getState().doc.id, format, view, scale };
      const file = await runExport(input, ({ fraction, stage }) => setProgress({ format, fraction, stage }), () => unmounted.current);
      if (file) saveFile(file.fileName, file.mimeType, file.base64);
    } catch (error) {
      editor.store.setState({ error: `The ${formatName(format)} export failed: ${(error as Error).message}` });
    } finally {
      if (!unmounted.current) {
        setBusy(undefined);
        setProgress(undefined);
      }
    }
  };

  return (
    <div className="toolbar export-toolbar" role="toolbar" aria-label="Export">
      <ExportMenu busy={busy} onExport={(format) => void run(format)} />
      {progress && <ExportProgress {...progress} />}
    </div>
  );
}

/** One "Export" button in the bar; the formats open beneath it, so the bar stays one row. */
function ExportMenu({ busy, onExport }: { busy?: Format; onExport: (format: Format) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as globalThis.Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="export-menu" ref={root}>
      <button type="button" className="button ghost" aria-haspopup="true" aria-expanded={open} disabled={busy !== undefined} onClick={() => setOpen(!open)}>
        {busy ? 'Exporting…' : 'Export'} <span aria-hidden="true">▾</span>
      </button>
      <div className="export-menu-items" role="group" aria-label="Export formats" hidden={!open}>
        {(['pdf', 'pptx', 'json', 'csv', 'png', 'svg', 'agreement-pdf', 'agreement-md'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button ghost"
            disabled={busy !== undefined}
            aria-busy={busy === format}
            onClick={() => {
              setOpen(false);
              onExport(format);
            }}
          >
            {LABEL[format]}
          </button>
        ))}
      </div>
    </div>
  );
}

function ExportProgress({ format, fraction, stage }: Progress) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  const name = `Exporting ${formatName(format)}`;
  return (
    <div className="export-progress">
      <div className="export-progress-text">
        <span className="export-progress-name">{formatName(format)}</span>
        <span className="export-progress-stage">{stage}</span>
        <span className="export-progress-percent">{percent}%</span>
      </div>
      <div className="export-progress-track" role="progressbar" aria-label={name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}% — ${stage}`}>
        <div className="export-progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
