import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { MapSummary } from '../../shared/api/contract';
import { ErrorBanner } from '../components/ErrorBanner';
import { relativeTime } from './relativeTime';
import { NewMapDialog } from './NewMapDialog';
import { RenameMapDialog } from './RenameMapDialog';
import { DeleteMapDialog } from './DeleteMapDialog';
import { readTextFile } from '../api/files';
import { MAX_DOCUMENT_BYTES, parseDocument } from '../../shared/format/document';
import { explainProblems } from '../../shared/format/problemWording';
import { ApiError } from '../../shared/api/contract';
import { ImportProblems, type RefusedImport } from './ImportProblems';
import { SharingBanner } from '../room/SharingBanner';
import { describeGuess } from '../../shared/format/csvColumns';

/** How many of a refused file's problems the banner lists. */
const PROBLEMS_SHOWN = 5;

type Pending = { kind: 'new' } | { kind: 'rename'; map: MapSummary } | { kind: 'delete'; map: MapSummary } | undefined;

interface HomeScreenProps {
  onOpen: (mapId: string) => void;
}

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The maps on this computer, most recently edited first, and what can be done with each. */
export function HomeScreen({ onOpen }: HomeScreenProps) {
  const [maps, setMaps] = useState<MapSummary[] | undefined>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<Pending>();
  const [notice, setNotice] = useState<{ text: string; details?: string[] }>();
  const [refused, setRefused] = useState<RefusedImport>();
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    try {
      setMaps(await api['maps.list']({}));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Ctrl/Cmd+O imports, from the keyboard or the desktop app's File menu.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        fileInput.current?.click();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  /** A file becomes a new map; a bad file is refused with what is wrong and where, and nothing stored changes. */
  const importFile = async (file: File) => {
    setNotice(undefined);
    setRefused(undefined);
    let document: unknown;
    const isCsv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
    try {
      const text = await readTextFile(file, MAX_DOCUMENT_BYTES);
      if (isCsv) {
        // The CSV parser lives on the host: it reads the file, builds the map and checks it with the same gate.
        const result = await api['maps.importCsv']({ csv: text, fileName: file.name });
        setError(undefined);
        setNotice({
          text: `Imported “${result.map.name}” from CSV${result.guesses.length ? '; the file did not say everything, so:' : '.'}`,
          details: [
            ...result.guesses.map(describeGuess),
            ...result.ignoredColumns.map((column) => `Column “${column}” ignored: it is not a column Throughline reads`),
            ...(result.copiedFromId ? ['A map with the same id is already here, and it is unchanged.'] : []),
          ],
        });
        await refresh();
        return;
      }
      try {
        document = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (parseError) {
        throw new Error(`This file cannot be imported: “${file.name}” is not valid JSON (${(parseError as Error).message}).`, { cause: parseError });
      }
      const result = await api['maps.import']({ document });
      setError(undefined);
      setNotice({
        text: result.copiedFromId
          ? `Imported as “${result.map.name}”: a map with the same id is already here, and it is unchanged.`
          : `Imported “${result.map.name}”.`,
      });
    } catch (e) {
      const invalid = e instanceof ApiError && e.code === 'invalid-document';
      const explained = invalid ? (isCsv ? csvRefusal(file.name, e.message) : explainRefusal(file.name, document)) : undefined;
      setError(explained ? undefined : (e as Error).message);
      setRefused(explained);
    }
    await refresh();
  };

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
    await refresh();
  };

  return (
    <div className="home">
      <header className="app-bar">
        <h1 className="brand">Throughline</h1>
        <div className="app-bar-actions">
          <button type="button" className="button ghost" onClick={() => fileInput.current?.click()} title="Import a Throughline JSON file or a CSV, one row per touchpoint (Ctrl+O)">
            Import
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json,.csv,text/csv"
            hidden
            aria-label="Map file to import"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
          <button type="button" className="button primary" onClick={() => setPending({ kind: 'new' })}>
            New map
          </button>
        </div>
      </header>
      <ErrorBanner message={error} onDismiss={() => setError(undefined)} />
      <ImportProblems refused={refused} onDismiss={() => setRefused(undefined)} />
      {notice && (
        <div className="notice-banner" role="status">
          {notice.text}
          {notice.details && notice.details.length > 0 && (
            <ul className="notice-details">
              {notice.details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <main className="home-main">
        <SharingBanner mapName={(id) => maps?.find((map) => map.id === id)?.name} onOpen={onOpen} />
        <h2 className="home-heading">Your journey maps</h2>
        {maps === undefined ? (
          <p className="muted">Loading maps…</p>
        ) : maps.length === 0 ? (
          <div className="empty-state">
            <p>No maps yet.</p>
            <p className="muted">
              Start with <strong>New map</strong>: the B2B funnel template lays out seven stages, from Awareness to Growth, and
              lanes for Marketing, Sales and Customer Success.
            </p>
          </div>
        ) : (
          <ul className="map-list" aria-label="Maps">
            {maps.map((map) => (
              <li key={map.id} className="map-row">
                <button type="button" className="map-open" aria-label={`Open ${map.name}`} onClick={() => onOpen(map.id)}>
                  <span className="map-name">{map.name}</span>
                  <span className="map-meta">
                    {plural(map.stageCount, 'stage')} · {plural(map.teamCount, 'team')} · {plural(map.touchpointCount, 'touchpoint')} ·
                    edited {relativeTime(map.updatedAt)}
                  </span>
                </button>
                <div className="map-actions">
                  <button type="button" className="button ghost" aria-label={`Rename ${map.name}`} onClick={() => setPending({ kind: 'rename', map })}>
                    Rename
                  </button>
                  <button type="button" className="button ghost" aria-label={`Duplicate ${map.name}`} onClick={() => run(() => api['maps.duplicate']({ id: map.id }))}>
                    Duplicate
                  </button>
                  <button type="button" className="button ghost danger" aria-label={`Delete ${map.name}`} onClick={() => setPending({ kind: 'delete', map })}>
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </main>
      {pending?.kind === 'new' && (
        <NewMapDialog
          onCancel={() => setPending(undefined)}
          onCreate={async (name, template) => {
            const created = await api['maps.create']({ name, template });
            setPending(undefined);
            onOpen(created.id);
          }}
        />
      )}
      {pending?.kind === 'rename' && (
        <RenameMapDialog
          map={pending.map}
          onCancel={() => setPending(undefined)}
          onRename={async (name) => {
            await api['maps.rename']({ id: pending.map.id, name });
            setPending(undefined);
            await refresh();
          }}
        />
      )}
      {pending?.kind === 'delete' && (
        <DeleteMapDialog
          map={pending.map}
          onCancel={() => setPending(undefined)}
          onDelete={async () => {
            setPending(undefined);
            await run(() => api['maps.delete']({ id: pending.map.id }));
          }}
        />
      )}
    </div>
  );
}

/**
 * The store refused the file (it checks every import): the same check, run here on the file as read, tells
 * which card, stage or team is at fault in words the room uses. Undefined if it finds nothing to say.
 */
function explainRefusal(fileName: string, document: unknown): RefusedImport | undefined {
  const checked = parseDocument(document);
  if (checked.ok) return undefined;
  return { fileName, problems: explainProblems(checked.problems, document, PROBLEMS_SHOWN), more: Math.max(0, checked.problems.length - PROBLEMS_SHOWN) };
}

/**
 * A refused CSV: the host names each problem by row and column (“Row 7, column “stage”: is empty”), which is
 * already the facilitator's wording; the lines of its message become the list.
 */
function csvRefusal(fileName: string, message: string): RefusedImport {
  const lines = message.split('\n').slice(1).filter(Boolean);
  const more = /^…and (\d+) more/.exec(lines.at(-1) ?? '');
  const problems = (more ? lines.slice(0, -1) : lines).map((line) => ({ sentence: `${line}.`, technical: '' }));
  return { fileName, problems, more: more ? Number(more[1]) : 0 };
}
