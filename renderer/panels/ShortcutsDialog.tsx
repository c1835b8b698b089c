import { Dialog } from '../components/Dialog';

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? 'Cmd' : 'Ctrl';

const GROUPS: [string, [string, string][]][] = [
  [
    'Editing',
    [
      [`${mod}+Z`, 'Undo'],
      [`${mod}+Shift+Z or Ctrl+Y`, 'Redo'],
      ['Delete or Backspace', 'Delete the selection'],
      [`${mod}+C / ${mod}+X / ${mod}+V`, 'Copy, cut, paste (also into another map)'],
      [`${mod}+D`, 'Duplicate'],
      [`${mod}+A`, 'Select all cards, handoffs and notes'],
      ['Shift+click, Shift+drag', 'Add to the selection, select with a box'],
      ['Escape', 'Clear the selection'],
      ['Double-click a card', 'Edit its title in place'],
      ['Enter on a palette item', 'Add it to the selected stage and lane'],
    ],
  ],
  [
    'Facilitating',
    [
      ['F5', 'Present'],
      ['→, Page Down, Space', 'Next stage (slide clickers send Page Down)'],
      ['←, Page Up', 'Previous stage'],
      ['Home / End', 'First / last stage'],
      ['Escape', 'Leave the presentation, or a version you are viewing'],
      ['?', 'This sheet'],
    ],
  ],
  [
    'Maps',
    [[`${mod}+O`, 'Import a map file (home screen)']],
  ],
];

/** Every keyboard shortcut, for the facilitator at the keyboard. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcut-groups">
        {GROUPS.map(([title, rows]) => (
          <section key={title}>
            <h3 className="shortcut-title">{title}</h3>
            <dl className="shortcuts">
              {rows.map(([keys, what]) => (
                <div key={keys} className="shortcut">
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
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
