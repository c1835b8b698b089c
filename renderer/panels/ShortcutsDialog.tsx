import { Dialog } from '../components/Dialog';
import { ACTION_GROUPS, ACTIONS } from '../commands/actions';
import { keysOf } from '../commands/dispatch';

/** Every keyboard shortcut, from the same registry the keys, the command palette and the menu use. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const groups = ACTION_GROUPS.map((group) => ({
    group,
    rows: ACTIONS.filter((action) => action.group === group && keysOf(action) !== undefined).map((action) => ({
      id: action.id,
      keys: keysOf(action)!,
      what: action.description ?? action.label,
    })),
  })).filter(({ rows }) => rows.length > 0);
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcut-groups">
        {groups.map(({ group, rows }) => (
          <section key={group}>
            <h3 className="shortcut-title">{group}</h3>
            <dl className="shortcuts">
              {rows.map((row) => (
                <div key={row.id} className="shortcut">
                  <dt>
                    <kbd>{row.keys}</kbd>
                  </dt>
                  <dd>{row.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
