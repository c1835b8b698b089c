import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useEditor, useEditorState } from '../editor/EditorContext';
import { ACTIONS } from './actions';
import { keysOf, situationOf } from './dispatch';
import { focusedCard } from './focus';
import { rankByQuery } from './search';
import type { Action, ActionContext } from './types';
import './commandPalette.css';

interface Entry {
  id: string;
  label: string;
  detail?: string;
  keys?: string;
  keywords?: string;
  /** Listed whatever is typed. */
  always?: boolean;
  /** An action (which may open a second step), or a choice of that second step. */
  action?: Action;
  run?: () => void;
}

const searchText = (entry: Entry) => `${entry.label} ${entry.detail ?? ''} ${entry.keywords ?? ''}`;

/**
 * Ctrl/Cmd+K: every action that applies now, with its keys; type to filter (words in any order),
 * ↑/↓ to choose, Enter to run, Escape to close. Some actions take a second step (the card to connect
 * to, the team, the cell, the promise); Backspace in an empty search goes back. Focus returns to where
 * it was, and an action that puts the keyboard somewhere (a title to type) takes it from there.
 */
export function CommandPalette({ context, onClose }: { context: ActionContext; onClose: () => void }) {
  const editor = useEditor();
  const state = useEditorState((s) => s);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const closed = useRef(false);
  // What had the keyboard when the palette opened (a card's node, a field) is where it goes back to.
  const [focusedAtOpen] = useState(() => focusedCard(editor));
  const [query, setQuery] = useState('');
  const [step, setStep] = useState<Action>();
  const [active, setActive] = useState(0);
  const id = useId();
  const optionId = (index: number) => `${id}-option-${index}`;

  const situation = situationOf(state, focusedAtOpen);
  const entries: Entry[] = step?.choices
    ? step.choices(context, situation, query).map((choice) => ({ ...choice }))
    : ACTIONS.filter((action) => action.inPalette !== false && (action.run || action.choices) && action.when(situation)).map((action) => ({
        id: action.id,
        label: action.paletteLabel?.(situation) ?? action.label,
        keys: keysOf(action, undefined, true),
        keywords: action.keywords,
        action,
      }));
  const shown = [...entries.filter((e) => e.always), ...rankByQuery(entries.filter((e) => !e.always), searchText, query)];
  const current = Math.min(active, Math.max(0, shown.length - 1));
  const prompt = step ? (step.paletteLabel?.(situation) ?? step.label) : 'Run a command';

  useEffect(() => {
    const element = dialog.current!;
    // The first run only: a development re-run would find the keyboard already moved.
    returnFocus.current ??= document.activeElement;
    closed.current = false;
    if (!element.open) element.showModal();
    return () => {
      if (element.open) element.close();
    };
  }, []);

  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  /** Closes and gives the keyboard back before an action runs, so what the action focuses keeps focus. */
  const close = () => {
    if (closed.current) return;
    closed.current = true;
    dialog.current?.close();
    const previous = returnFocus.current as HTMLElement | null;
    if (previous?.isConnected && previous !== document.body) previous.focus({ preventScroll: true });
    onClose();
  };

  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    if (entry.action?.choices) {
      setStep(entry.action);
      setQuery('');
      setActive(0);
      return;
    }
    close();
    if (entry.run) entry.run();
    else entry.action?.run?.(context, situation);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      event.preventDefault();
      if (shown.length > 0) setActive((to + shown.length) % shown.length);
    };
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'PageDown') move(Math.min(shown.length - 1, current + 8));
    else if (event.key === 'PageUp') move(Math.max(0, current - 8));
    else if (event.key === 'Enter') {
      event.preventDefault();
      choose(shown[current]);
    } else if (event.key === 'Escape' || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      close();
    } else if (event.key === 'Backspace' && query === '' && step) {
      event.preventDefault();
      setStep(undefined);
      setActive(0);
    } else if (event.key === 'Tab') {
      // The search box is the one stop in here: the list is chosen with the arrows.
      event.preventDefault();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="command-palette"
      aria-label="Command palette"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => event.target === event.currentTarget && close()}
    >
      <div className="command-palette-search">
        <label htmlFor={`${id}-search`} className="command-palette-prompt">
          {prompt}
        </label>
        <input
          id={`${id}-search`}
          className="command-palette-input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder={step ? 'Type to narrow the list' : 'Type what you want to do: “connect”, “move”, “present”…'}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul id={`${id}-list`} className="command-palette-list" role="listbox" aria-label={step ? prompt : 'Commands'}>
        {shown.map((entry, index) => (
          <li
            key={entry.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className={`command-palette-option${index === current ? ' active' : ''}`}
            onMouseMove={() => index !== current && setActive(index)}
            onClick={() => choose(entry)}
          >
            <span className="command-palette-label">{entry.label}</span>
            {entry.detail && (
              <span className="command-palette-detail">
                <span className="command-palette-pause">, </span>
                {entry.detail}
              </span>
            )}
            {entry.keys && (
              <>
                <span className="command-palette-pause">, </span>
                <kbd className="command-palette-keys">{entry.keys}</kbd>
              </>
            )}
            {entry.action?.choices && (
              <span className="command-palette-more" aria-hidden="true">
                ›
              </span>
            )}
          </li>
        ))}
      </ul>
      {shown.length === 0 && (
        <p className="command-palette-empty" aria-live="polite">
          {query ? `Nothing matches “${query}”.` : 'Nothing to choose here.'}
        </p>
      )}
      <p className="command-palette-help" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> run · {step && <><kbd>Backspace</kbd> back · </>}<kbd>Esc</kbd> close
      </p>
    </dialog>
  );
}
