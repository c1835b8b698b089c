import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeList, resolveField } from '../../shared/document/merge';
import { applyOps, undoOps } from '../../shared/document/ops';
import { execute, CommandError } from '../../shared/document/command';
import * as commands from '../../shared/document/commands';
import { validate } from '../../shared/validate/validate';
import { fromMapDoc } from '../../shared/document/mapDoc';
import { copyName } from '../../electron/store/mapStore';
import { truncateText, isWellFormedText } from '../../shared/model/fields';
import { fullMapDoc } from './docHelpers';

/** A base list and two edits of it: some elements removed, some added, some moved. */
const editOf = (base: string[], pool: string[]) =>
  fc.tuple(fc.subarray(base), fc.subarray(pool), fc.func(fc.integer())).map(([kept, added, rank]) => {
    const list = [...new Set([...kept, ...added])];
    return list.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  });

const lists = fc
  .uniqueArray(fc.constantFrom(...'abcdefghijkl'.split('')), { maxLength: 8 })
  .chain((base) => fc.tuple(fc.constant(base), editOf(base, ['x', 'y', 'z']), editOf(base, ['u', 'v', 'w'])));

describe('merging two windows’ lists', () => {
  it('keeps what either side added, drops what either side removed, and lists nothing twice', () => {
    fc.assert(
      fc.property(lists, ([base, ours, theirs]) => {
        const merged = mergeList(base, ours, theirs);
        expect(new Set(merged).size).toBe(merged.length);
        for (const item of [...ours, ...theirs]) if (!base.includes(item)) expect(merged).toContain(item);
        for (const item of base) if (!ours.includes(item) || !theirs.includes(item)) expect(merged).not.toContain(item);
        for (const item of base) if (ours.includes(item) && theirs.includes(item)) expect(merged).toContain(item);
      }),
      { numRuns: 500 },
    );
  });

  it('is exactly one side’s list when the other side changed nothing', () => {
    fc.assert(
      fc.property(lists, ([base, ours, theirs]) => {
        expect(mergeList(base, ours, base)).toEqual(ours);
        expect(mergeList(base, base, theirs)).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });

  it('a plain value: the later write wins, and it is a conflict only when it replaced someone else’s value', () => {
    expect(resolveField('title', 'Old', 'Mine', 'Old')).toEqual({ value: 'Mine', conflict: false });
    expect(resolveField('title', 'Old', 'Mine', 'Theirs')).toEqual({ value: 'Mine', conflict: true });
    expect(resolveField('title', 'Old', 'Same', 'Same')).toEqual({ value: 'Same', conflict: false });
  });
});

describe('undo in a shared map', () => {
  it('takes back my change without taking back another window’s change to the same card', () => {
    const start = fullMapDoc();
    const mine = execute(start, commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'My title', promises: ['mine'] } })!;
    // Another window then changes the same card's channel and adds a promise; its change arrives here.
    const theirs = applyOps(mine.doc, [
      { op: 'set', path: ['touchpoints', 'tp-demo', 'channel'], value: 'Phone', base: 'Video call' },
      { op: 'set', path: ['touchpoints', 'tp-demo', 'promises'], value: ['mine', 'theirs'], base: ['mine'] },
    ]).doc;
    const undone = applyOps(theirs, undoOps(mine.ops, theirs)).doc;
    const card = undone.touchpoints.get('tp-demo')!;
    expect(card.title).toBe(start.touchpoints.get('tp-demo')!.title);
    expect(card.channel).toBe('Phone');
    expect(card.promises).toEqual([...start.touchpoints.get('tp-demo')!.promises, 'theirs']);
  });

  it('leaves a value alone that another window changed after me', () => {
    const start = fullMapDoc();
    const mine = execute(start, commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'My title' } })!;
    const theirs = applyOps(mine.doc, [{ op: 'set', path: ['touchpoints', 'tp-demo', 'title'], value: 'Their title', base: 'My title' }]).doc;
    expect(undoOps(mine.ops, theirs)).toEqual([]);
  });
});

describe('commands never produce what the store refuses', () => {
  it('refuses over-long titles, bad colours and over-long notes at the command, naming the field', () => {
    const doc = fullMapDoc();
    const attempt = (act: () => unknown) => {
      try {
        act();
      } catch (error) {
        expect(error).toBeInstanceOf(CommandError);
        return (error as Error).message;
      }
      throw new Error('the command was not refused');
    };
    expect(attempt(() => execute(doc, commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'x'.repeat(300) } }))).toBe(
      "The touchpoint's title is longer than 200 characters.",
    );
    expect(attempt(() => execute(doc, commands.addTeam, { id: 'tm-red', name: 'Red', role: 'other', color: 'red' }))).toMatch(/colour must be a colour written as #rrggbb/);
    expect(attempt(() => execute(doc, commands.addNote, { id: 'n-long', x: 0, y: 0, text: 'n'.repeat(2000) }))).toMatch(/text is longer than 1000 characters/);
    expect(attempt(() => execute(doc, commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'broken \udc00 text' } }))).toMatch(/broken character/);
  });

  it('the "add a touchpoint" quick fix shortens a name built from long team and stage names', () => {
    let doc = fullMapDoc();
    doc = execute(doc, commands.updateStage, { id: 'pu', changes: { name: 'P'.repeat(200) } })!.doc;
    doc = execute(doc, commands.updateTeam, { id: 'mkt', changes: { name: 'M'.repeat(200) } })!.doc;
    const fix = validate(fromMapDoc(doc))
      .flatMap((finding) => (finding.fix?.kind === 'edit' ? [finding.fix] : []))
      .find((f) => f.label.startsWith(`Add a ${'M'.repeat(200)} touchpoint`))!;
    expect(fix).toBeDefined();
    const [step] = fix.steps();
    const change = execute(doc, step!.command, step!.args as never)!;
    const added = [...change.doc.touchpoints.values()].find((t) => !doc.touchpoints.has(t.id))!;
    expect(added.title.length).toBeLessThanOrEqual(200);
    expect(added.title.endsWith('…')).toBe(true);
  });
});

describe('text that survives storage', () => {
  it('cuts by character, never inside a surrogate pair', () => {
    const name = `${'a'.repeat(192)}😀😀😀`;
    expect(name.length).toBe(198);
    const copy = copyName(name);
    expect(copy.length).toBeLessThanOrEqual(200);
    expect(isWellFormedText(copy)).toBe(true);
    expect(copy.endsWith(' (copy)')).toBe(true);
    expect(isWellFormedText(truncateText('😀'.repeat(10), 5))).toBe(true);
    expect(isWellFormedText('ok 😀')).toBe(true);
    expect(isWellFormedText('bad \ud83d')).toBe(false);
  });
});
