import { describe, expect, it, vi } from 'vitest';
import { execute, type Command } from '../../shared/document/command';
import type { MapDoc } from '../../shared/document/mapDoc';
import { fromMapDoc } from '../../shared/document/mapDoc';
import { layoutGrid } from '../../shared/layout/grid';
import { acceleratorOf, formatChord, matchesChord, type KeyPress } from '../../shared/keyboard/chords';
import { MENU_COMMANDS } from '../../shared/keyboard/menuCommands';
import { describeMove, planMove, type MoveDirection } from '../../renderer/commands/moveSelection';
import { ACTIONS } from '../../renderer/commands/actions';
import { actionForKey, keysOf, situationOf } from '../../renderer/commands/dispatch';
import { matchesQuery, rankByQuery } from '../../renderer/commands/search';
import type { EditorState } from '../../renderer/editor/editorStore';
import { fullMapDoc } from './docHelpers';

/** Runs a keyboard move as the editor does: its commands one after the other, as one step. */
function move(doc: MapDoc, ids: string[], direction: MoveDirection) {
  const plan = planMove(doc, layoutGrid(fromMapDoc(doc)), new Set(ids), direction);
  if ('refusal' in plan) return { refusal: plan.refusal };
  let after = doc;
  for (const { command, args } of plan.invocations) after = execute(after, command as Command<unknown>, args)?.doc ?? after;
  return { after, label: plan.label, message: describeMove(doc, after, plan.movedIds, direction) };
}

describe('Alt+Arrow moves the selected cards one stage or one lane, as one step', () => {
  it('a stage move keeps the lane and the teams, and lands at the bottom of the cell', () => {
    const { after, message, label } = move(fullMapDoc(), ['tp-demo'], 'nextStage');
    expect(after!.touchpoints.get('tp-demo')).toMatchObject({ stageId: 'pu', ownerTeamIds: ['sales'], supportTeamIds: ['mkt'] });
    const layout = layoutGrid(fromMapDoc(after!));
    expect(layout.touchpoints.get('tp-demo')!.y).toBeGreaterThan(layout.touchpoints.get('tp-proposal')!.y);
    expect(message).toBe('Moved “Tailored demo” to Purchase · Sales');
    expect(label).toBeUndefined();
  });

  it('a lane move hands the card over: the lane’s team leads, the previous lead supports, and the notice says so', () => {
    const up = move(fullMapDoc(), ['tp-cold'], 'laneAbove');
    expect(up.after!.touchpoints.get('tp-cold')).toMatchObject({ ownerTeamIds: ['mkt'], supportTeamIds: ['sales'] });
    expect(up.message).toBe('Moved “Cold outbound sequence” to Interest · Marketing — Marketing now leads, Sales supports');
    const unowned = move(fullMapDoc(), ['tp-onboard'], 'laneBelow');
    expect(unowned.message).toBe('Moved “Onboarding programme” to Retention · Unowned — no team leads it now');
  });

  it('several cards move together, handoffs only between stages, and nothing moves past an edge', () => {
    const both = move(fullMapDoc(), ['tp-webinar', 'tp-linkedin', 'ho-mql'], 'nextStage');
    expect(both.label).toBe('Move 3 cards to the next stage');
    expect(both.after!.touchpoints.get('tp-linkedin')!.stageId).toBe('in');
    expect(both.after!.handoffs.get('ho-mql')!.stageId).toBe('pu');
    expect(move(fullMapDoc(), ['tp-webinar', 'tp-linkedin'], 'previousStage').refusal).toBe('“Industry webinar series” is already in the first stage.');
    expect(move(fullMapDoc(), ['tp-webinar'], 'laneAbove').refusal).toBe('“Industry webinar series” is already in the top lane.');
    expect(move(fullMapDoc(), ['ho-mql'], 'laneBelow').refusal).toMatch(/handoff moves between stages only/);
  });
});

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe('one registry of keys: matching, the sheet, the menu', () => {
  it('Ctrl on Windows and Linux, Cmd on macOS; Shift does not count for symbols such as ?', () => {
    const undo = { key: 'z', mod: true };
    expect(matchesChord(undo, press('z', { ctrlKey: true }), 'other')).toBe(true);
    expect(matchesChord(undo, press('z', { metaKey: true }), 'other')).toBe(false);
    expect(matchesChord(undo, press('z', { metaKey: true }), 'mac')).toBe(true);
    expect(matchesChord(undo, press('Z', { ctrlKey: true, shiftKey: true }), 'other')).toBe(false);
    expect(matchesChord({ key: '?' }, press('?', { shiftKey: true }), 'other')).toBe(true);
    expect(matchesChord({ key: 'ArrowRight' }, press('ArrowRight', { altKey: true }), 'other')).toBe(false);
    expect(formatChord({ key: 'z', mod: true, shift: true }, 'mac')).toBe('Cmd+Shift+Z');
    expect(formatChord({ key: 'ArrowUp', alt: true }, 'other')).toBe('Alt+↑');
    expect(acceleratorOf({ key: 'z', mod: true, shift: true })).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorOf({ key: 'y', ctrl: true })).toBe('Ctrl+Y');
  });

  it('every menu command is an action with the same label and keys; every keyed action is on the sheet', () => {
    for (const command of MENU_COMMANDS) {
      const action = ACTIONS.find((a) => a.id === command.id);
      expect(action, command.id).toBeDefined();
      expect(action!.label).toBe(command.label);
      expect(action!.keys).toEqual(command.keys);
    }
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
    for (const action of ACTIONS) if (action.keys) expect(keysOf(action, 'other')).toBeTruthy();
    expect(keysOf(ACTIONS.find((a) => a.id === 'redo')!, 'other')).toBe('Ctrl+Shift+Z or Ctrl+Y');
  });

  it('a key runs the action that applies in the current mode', () => {
    const state = (changes: Partial<EditorState> = {}) =>
      ({ doc: fullMapDoc(), selection: new Set(['tp-demo']), presenting: false, canUndo: true, canRedo: false, notices: [], ...changes }) as unknown as EditorState;
    const onMap = { typing: false, onMap: true };
    const idFor = (key: KeyPress, s = state(), target = onMap) => actionForKey(ACTIONS, key, situationOf(s), target, 'other').action?.id;
    expect(idFor(press('ArrowRight'))).toBe('select-right');
    expect(idFor(press('ArrowRight'), state({ presenting: true }))).toBe('next-stage');
    expect(idFor(press('ArrowRight', { altKey: true }))).toBe('move-nextStage');
    expect(idFor(press('Enter'))).toBe('edit-title');
    expect(idFor(press('Enter'), state(), { typing: false, onMap: false })).toBeUndefined();
    expect(idFor(press('Escape'))).toBe('clear-selection');
    expect(idFor(press('Escape'), state({ presenting: true }))).toBe('stop-presenting');
    expect(idFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(idFor(press('z', { ctrlKey: true }), state(), { typing: true, onMap: false })).toBeUndefined();
    expect(idFor(press('k', { ctrlKey: true }), state(), { typing: true, onMap: false })).toBe('commandPalette');
    expect(idFor(press('F5'), state(), { typing: true, onMap: false })).toBe('present');
    expect(idFor(press('n'))).toBe('add-here');
    // F5 while presenting runs nothing, but the browser must not reload the page either.
    expect(actionForKey(ACTIONS, press('F5'), situationOf(state({ presenting: true })), onMap, 'other')).toEqual({ claimed: true });
    // Copy, cut and paste stay clipboard events.
    expect(idFor(press('c', { ctrlKey: true }))).toBeUndefined();
  });

  it('the palette finds words in any order, ignoring case; word starts rank first', () => {
    expect(matchesQuery('Add touchpoint in Purchase · Sales', 'sales PURCH')).toBe(true);
    expect(matchesQuery('Add touchpoint in Purchase · Sales', 'sales marketing')).toBe(false);
    expect(rankByQuery(['Redo', 'Move to lane below', 'Delete'], (s) => s, 'd')).toEqual(['Delete', 'Redo']);
  });
});

describe('the desktop menu is built from the same list', () => {
  it('shows each command with its accelerator, and a click presses its keys into the page', async () => {
    const sent: unknown[] = [];
    vi.doMock('electron', () => ({ BrowserWindow: class {} }));
    const { BrowserWindow } = await import('electron');
    const { buildAppMenu } = await import('../../electron/shell/appMenu');
    const window = Object.assign(new (BrowserWindow as unknown as new () => object)(), { webContents: { sendInputEvent: (e: unknown) => sent.push(e) } });
    const items = buildAppMenu('linux', true).flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));
    for (const command of MENU_COMMANDS) expect(items.find((item) => item.id === command.id)?.label).toBe(command.label);
    const redo = items.find((item) => item.id === 'redo')!;
    expect(redo.accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(items.find((item) => item.id === 'present')!.accelerator).toBe('F5');
    // A plain key would be taken from every text field by a macOS menu: it is not shown as an accelerator.
    expect(items.find((item) => item.id === 'shortcuts')!.accelerator).toBeUndefined();
    (redo.click as (item: unknown, window: unknown) => void)(undefined, window);
    expect(sent).toEqual([
      { type: 'keyDown', keyCode: 'Z', modifiers: ['control', 'shift'] },
      { type: 'keyUp', keyCode: 'Z', modifiers: ['control', 'shift'] },
    ]);
    const mac = buildAppMenu('darwin', true).flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));
    sent.length = 0;
    (mac.find((item) => item.id === 'undo')!.click as (item: unknown, window: unknown) => void)(undefined, window);
    expect(sent[0]).toEqual({ type: 'keyDown', keyCode: 'Z', modifiers: ['meta'] });
  });
});
