import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import type { VersionSummary } from '../../shared/api/contract';
import { useEditorState } from '../editor/EditorContext';
import { mapOf } from '../editor/derived';
import { diffMaps, isEmptyDiff, type MapDiff } from '../../shared/versions/diff';
import { useVersions } from './useVersions';
import { LIMITS } from '../../shared/model/fields';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function DiffView({ diff }: { diff: MapDiff }) {
  if (isEmptyDiff(diff)) return <p className="muted">No changes since this version.</p>;
  const item = (key: string, text: string) => <li key={key}>{text}</li>;
  return (
    <ul className="diff-list" aria-label="Changes since this version">
      {diff.added.map((c) => item(`a${c.id}`, `Added “${c.title}”`))}
      {diff.removed.map((c) => item(`r${c.id}`, `Removed “${c.title}”`))}
      {diff.moved.map((m) =>
        item(
          `m${m.id}`,
          `Moved “${m.title}”: ${m.fromStage === m.toStage ? m.toStage : `${m.fromStage} → ${m.toStage}`}, ${m.fromLane === m.toLane ? m.toLane : `${m.fromLane} → ${m.toLane}`}`,
        ),
      )}
      {diff.ownershipChanged.map((o) => item(`o${o.id}`, `Ownership of “${o.title}”: ${o.before.join(', ') || 'none'} → ${o.after.join(', ') || 'none'}`))}
      {diff.stages.added.map((s) => item(`sa${s}`, `Stage added: ${s}`))}
      {diff.stages.removed.map((s) => item(`sr${s}`, `Stage removed: ${s}`))}
      {diff.teams.added.map((t) => item(`ta${t}`, `Team added: ${t}`))}
      {diff.teams.removed.map((t) => item(`tr${t}`, `Team removed: ${t}`))}
      {diff.handoffs.added > 0 && item('ha', `${diff.handoffs.added} handoff(s) added`)}
      {diff.handoffs.removed > 0 && item('hr', `${diff.handoffs.removed} handoff(s) removed`)}
    </ul>
  );
}

/** Save the session's versions, open one read-only, see what changed since, restore it. */
export function VersionsDialog({ onClose }: { onClose: () => void }) {
  const { versions, save, open, restore, remove, load } = useVersions();
  const current = mapOf(useEditorState((s) => s.doc));
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [comparing, setComparing] = useState<{ id: string; diff: MapDiff }>();

  const onSave = async () => {
    if (!name.trim()) return setError('Give the version a name, such as “after workshop 1”.');
    try {
      await save(name.trim());
      setName('');
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const compare = async (version: VersionSummary) => {
    if (comparing?.id === version.id) return setComparing(undefined);
    setComparing({ id: version.id, diff: diffMaps(await load(version), current) });
  };

  return (
    <Dialog title="Versions" onClose={onClose}>
      <form
        className="version-save"
        onSubmit={(event) => {
          event.preventDefault();
          void onSave();
        }}
      >
        <label htmlFor="version-name">Version name</label>
        <div className="version-save-row">
          <input
            id="version-name"
            className="input"
            value={name}
            maxLength={LIMITS.nameLength}
            placeholder="after workshop 1"
            onChange={(event) => setName(event.target.value)}
            aria-invalid={error ? true : undefined}
          />
          <button type="submit" className="button primary">
            Save version
          </button>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {versions === undefined ? (
        <p className="muted">Loading versions…</p>
      ) : versions.length === 0 ? (
        <p className="muted">No versions yet. Save one before a big change, to compare or go back later.</p>
      ) : (
        <ul className="version-list" aria-label="Saved versions">
          {versions.map((v) => (
            <li key={v.id} className="version">
              <div className="version-head">
                <div>
                  <strong>{v.name}</strong>
                  <span className="muted version-meta">
                    {timeFormat.format(new Date(v.createdAt))} · {v.stageCount} stages · {v.touchpointCount} touchpoints · {v.handoffCount} handoffs
                  </span>
                </div>
                <div className="version-actions">
                  <button type="button" className="button ghost small" aria-label={`Open ${v.name}`} onClick={() => void open(v).then(onClose)}>
                    Open
                  </button>
                  <button type="button" className="button ghost small" aria-label={`Compare ${v.name} with now`} aria-expanded={comparing?.id === v.id} onClick={() => void compare(v)}>
                    Compare
                  </button>
                  <button type="button" className="button small" aria-label={`Restore ${v.name}`} onClick={() => void restore(v).then(onClose)}>
                    Restore
                  </button>
                  <button type="button" className="button ghost small danger" aria-label={`Delete ${v.name}`} onClick={() => void remove(v)}>
                    Delete
                  </button>
                </div>
              </div>
              {comparing?.id === v.id && <DiffView diff={comparing.diff} />}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="button ghost" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
