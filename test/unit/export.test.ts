import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportFileName, exportMap } from '../../electron/export/exporter';
import { exportFonts } from '../../electron/export/fonts';
import { buildDeck } from '../../shared/deck/buildDeck';
import { drawDeck } from '../../shared/deck/drawDeck';
import { SLIDE } from '../../shared/deck/model';
import { truncate, wrap } from '../../shared/drawing/text';
import { parseDocument, parseMap, toDocument } from '../../shared/format/document';
import { validate } from '../../shared/validate/validate';
import { generateMap } from '../../bench/generateMap';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { fullDocument, tempDir } from './helpers';

function fullMap(): JourneyMap {
  const parsed = parseDocument(fullDocument());
  if (!parsed.ok) throw new Error('fixture invalid');
  return parsed.map;
}

/** A map whose names need Latin, Greek and Cyrillic glyphs, and an arrow the main font lacks. */
function multilingualMap(): JourneyMap {
  const map = fullMap();
  map.name = 'Łódź → Αθήνα → Москва: one journey';
  map.teams[0]!.name = 'Μάρκετινγκ';
  map.teams[1]!.name = 'Продажи';
  map.touchpoints[0]!.title = 'Vorführung für Müller & Söhne';
  return map;
}

function writePdf(map: JourneyMap, data: Buffer): string {
  const file = path.join(tempDir(), `${map.id}.pdf`);
  fs.writeFileSync(file, data);
  return file;
}
const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('PDF slide deck', () => {
  it('is a 16:9 deck: title, overview, a slide per stage, coverage, findings, parking lot', async () => {
    const map = fullMap();
    const { data, fileName, mimeType } = await exportMap(map, 'pdf', { now: new Date('2026-11-22T09:00:00Z') });
    expect(fileName).toBe('Acme Analytics — enterprise journey.pdf');
    expect(mimeType).toBe('application/pdf');
    const file = writePdf(map, data);
    const info = pdfInfo(file);
    // 1 title + 2 overviews (3 stages each, so card titles stay readable) + 6 stages + 1 coverage + 1 findings + 1 parking lot
    expect(info).toMatch(/Pages:\s+12\n/);
    expect(info).toMatch(/Page size:\s+960 x 540 pts/);
    expect(info).toMatch(/Title:\s+Acme Analytics — enterprise journey/);
    const text = pdfText(file);
    for (const expected of ['Acme Analytics — enterprise journey', 'Exported 22 November 2026', 'Case study: Łódź Logistics', 'Zürich', 'The journey at a glance', 'Coverage', 'Open findings (7)', 'Parking lot']) {
      expect(text).toContain(expected);
    }
  });

  it('embeds its fonts, so Latin, Greek and Cyrillic names print and stay selectable text', async () => {
    const map = multilingualMap();
    const file = writePdf(map, (await exportMap(map, 'pdf')).data);
    const text = pdfText(file);
    for (const name of ['Łódź → Αθήνα → Москва: one journey', 'Μάρκετινγκ', 'Продажи', 'Vorführung für Müller & Söhne']) expect(text).toContain(name);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('keeps every line of text on its slide, and a map of hundreds of touchpoints continues over readable pages', () => {
    const fonts = exportFonts();
    const map = parseMap(generateMap(500));
    if (!map.ok) throw new Error('generated map invalid');
    map.map.touchpoints[3]!.title = 'An extremely long touchpoint title that goes on and on about the many things this webinar covers for the buyer';
    const deck = drawDeck(buildDeck(map.map, validate(map.map), { measure: fonts.measure, date: new Date() }));
    expect(deck.length).toBeGreaterThan(20);
    for (const [index, page] of deck.entries()) {
      expect([page.width, page.height]).toEqual([SLIDE.width, SLIDE.height]);
      for (const shape of page.shapes) {
        if (shape.kind !== 'text') continue;
        const width = fonts.measure(shape.text, shape.size, shape.bold);
        const left = shape.align === 'center' ? shape.x - width / 2 : shape.align === 'right' ? shape.x - width : shape.x;
        expect(left, `slide ${index + 1}: “${shape.text}”`).toBeGreaterThanOrEqual(-0.5);
        expect(left + width, `slide ${index + 1}: “${shape.text}”`).toBeLessThanOrEqual(SLIDE.width + 0.5);
        expect(shape.y, `slide ${index + 1}: “${shape.text}”`).toBeLessThanOrEqual(SLIDE.height);
        // Stage slides and lists stay readable on a projector; only the overview grid is drawn small.
        const isOverview = page.shapes.some((s) => s.kind === 'text' && s.text.startsWith('The journey at a glance'));
        const isBadgeMark = shape.text === '!' || shape.text === 'i';
        if (!isOverview && !isBadgeMark) expect(shape.size, `slide ${index + 1}: “${shape.text}”`).toBeGreaterThanOrEqual(10);
      }
    }
    const titles = deck.flatMap((page) => page.shapes.filter((s) => s.kind === 'text' && s.size === 28).map((s) => (s as { text: string }).text));
    expect(titles.some((t) => /^Awareness \(1\/\d+\)$/.test(t))).toBe(true);
    expect(titles.some((t) => t.startsWith('Open findings ('))).toBe(true);
  });
});

describe('images and JSON', () => {
  it('JSON export is the format v1 document, and reads back to the same map', async () => {
    const map = fullMap();
    const now = new Date('2026-11-22T09:00:00Z');
    const json = JSON.parse((await exportMap(map, 'json', { now })).data.toString('utf8'));
    expect(json).toEqual(toDocument(map, now.toISOString()));
    const back = parseDocument(json);
    expect(back.ok && back.map).toEqual(map);
  });

  it('file names keep the map’s name, without characters file systems refuse', () => {
    expect(exportFileName('Q3: Sales/Marketing <draft>?', 'pdf')).toBe('Q3 Sales Marketing draft.pdf');
    expect(exportFileName('Łódź journey', 'json')).toBe('Łódź journey.json');
    expect(exportFileName('///', 'svg')).toBe('journey-map.svg');
  });
});

describe('text fitting', () => {
  const measure = (text: string, size: number) => text.length * size * 0.5; // a monospace stand-in
  it('wraps at spaces, cuts words longer than a line, and ends an overflow with an ellipsis', () => {
    expect(wrap('one two three four', 45, 10, measure)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghijklmnop', 40, 10, measure)).toEqual(['abcdefgh', 'ijklmnop']);
    const two = wrap('one two three four five six', 50, 10, measure, 2);
    expect(two).toHaveLength(2);
    expect(two[1]!.endsWith('…')).toBe(true);
    expect(measure(two[1]!, 10)).toBeLessThanOrEqual(50);
  });
  it('truncates to the width with an ellipsis, and leaves text that fits alone', () => {
    expect(truncate('short', 100, 10, measure)).toBe('short');
    const cut = truncate('a rather long heading', 60, 10, measure);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(cut, 10)).toBeLessThanOrEqual(60);
  });
});
