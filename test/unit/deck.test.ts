import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { exportMap } from '../../electron/export/exporter';
import { runCli } from '../../electron/cli/main';
import { exportFonts } from '../../electron/export/fonts';
import { buildDeck } from '../../shared/deck/buildDeck';
import type { BoxElement, Deck } from '../../shared/deck/model';
import { parseDocument, parseMap } from '../../shared/format/document';
import { validate } from '../../shared/validate/validate';
import { generateMap } from '../../bench/generateMap';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { tempDir } from './helpers';

const NOW = new Date('2026-11-22T09:00:00Z');
const root = path.join(__dirname, '..', '..');

function workshopMap(): JourneyMap {
  const parsed = parseDocument(JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'workshop-map.json'), 'utf8')));
  if (!parsed.ok) throw new Error('fixture invalid');
  return parsed.map;
}

function largeMap(): JourneyMap {
  const parsed = parseMap(generateMap(3000));
  if (!parsed.ok) throw new Error('generated map invalid');
  return parsed.map;
}

const deckOf = (map: JourneyMap): Deck => buildDeck(map, validate(map, { mode: 'complete' }), { measure: exportFonts().measure, date: NOW });
const cardsOn = (deck: Deck, kinds: string[]) =>
  deck.slides.flatMap((slide, index) => (kinds.includes(slide.kind) ? slide.elements.filter((e): e is BoxElement => e.kind === 'box' && e.role === 'card').map((card) => ({ card, index })) : []));

describe('the journey at a glance', () => {
  it.each([
    ['a 20-card workshop map', workshopMap],
    ['a generated map of 3,000 cards', largeMap],
  ])('keeps every card title at 9 pt or more on %s, splitting into groups of stages instead of shrinking', (_, makeMap) => {
    const deck = deckOf(makeMap());
    const overviews = deck.slides.filter((s) => s.kind === 'overview');
    expect(overviews.length).toBeGreaterThan(1);
    const cards = cardsOn(deck, ['overview']);
    expect(cards.length).toBeGreaterThan(0);
    for (const { card, index } of cards) {
      for (const p of card.text!.paragraphs) expect(p.size, `slide ${index + 1}: ${p.lines.join(' ')}`).toBeGreaterThanOrEqual(9);
    }
    const titles = overviews.map((s) => s.elements.find((e) => e.kind === 'text' && e.role === 'title'));
    expect(titles.map((t) => t?.kind === 'text' && t.text.paragraphs[0]!.lines[0])).toEqual(overviews.map((_, i) => `The journey at a glance (${i + 1}/${overviews.length})`));
   },
  // Laying out 3,000 cards is about correctness here, not speed (that is the benchmark's): room for a busy machine.
  30_000);

  it('shows every card of the workshop map, with an arrow for every connection', () => {
    const map = workshopMap();
    const deck = deckOf(map);
    expect(cardsOn(deck, ['overview'])).toHaveLength(map.touchpoints.length);
    const arrows = deck.slides.filter((s) => s.kind === 'overview').flatMap((s) => s.elements.filter((e) => e.kind === 'line' && e.arrow));
    // A connection whose ends fall on different overview slides has no arrow to draw.
    expect(arrows.length).toBeGreaterThan(0);
    expect(arrows.length).toBeLessThanOrEqual(map.connections.length);
  });
});

const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

async function slidesOf(pptx: Buffer): Promise<{ slides: string[]; notes: Map<number, string> }> {
  const zip = await JSZip.loadAsync(pptx);
  const numbered = (pattern: RegExp) =>
    Object.keys(zip.files)
      .map((name) => ({ name, n: Number(pattern.exec(name)?.[1]) }))
      .filter((f) => f.n)
      .sort((a, b) => a.n - b.n);
  const slides = await Promise.all(numbered(/^ppt\/slides\/slide(\d+)\.xml$/).map((f) => zip.file(f.name)!.async('string')));
  const notes = new Map<number, string>();
  for (const f of numbered(/^ppt\/notesSlides\/notesSlide(\d+)\.xml$/)) notes.set(f.n - 1, await zip.file(f.name)!.async('string'));
  return { slides, notes };
}

describe('PowerPoint deck', () => {
  it('holds the same slides as the PDF, as editable PowerPoint objects', async () => {
    const map = workshopMap();
    const [pdf, pptx] = await Promise.all([exportMap(map, 'pdf', { now: NOW }), exportMap(map, 'pptx', { now: NOW })]);
    expect(pptx.fileName).toBe('Northwind Analytics — workshop.pptx');
    expect(pptx.mimeType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    const pdfFile = path.join(tempDir(), 'deck.pdf');
    fs.writeFileSync(pdfFile, pdf.data);

    const deck = deckOf(map);
    const { slides, notes } = await slidesOf(pptx.data);
    expect(slides).toHaveLength(pdfPages(pdfFile));
    expect(slides).toHaveLength(deck.slides.length);

    // Every card on the overview and stage slides is a rounded shape whose lines are real, editable text.
    const cards = cardsOn(deck, ['overview', 'stage']);
    expect(cards.length).toBeGreaterThanOrEqual(2 * map.touchpoints.length);
    for (const { card, index } of cards) {
      for (const line of card.text!.paragraphs[0]!.lines) expect(slides[index], `slide ${index + 1}`).toContain(`<a:t>${xmlText(line)}</a:t>`);
    }
    for (const t of map.touchpoints) expect(slides.some((xml) => xml.includes(`<a:t>${xmlText(t.title)}</a:t>`)), t.title).toBe(true);
    const overview = deck.slides.findIndex((s) => s.kind === 'overview');
    expect(slides[overview]).toContain('<a:prstGeom prst="roundRect">');
    // Connections are lines with an arrowhead at their end.
    expect(slides[overview]).toMatch(/<a:prstGeom prst="line">[\s\S]*?<a:tailEnd type="triangle"\/>/);

    const coverage = deck.slides.findIndex((s) => s.kind === 'coverage');
    expect(slides[coverage]).toContain('<a:tbl>');
    expect(slides[coverage]).toContain('<a:t>Gap</a:t>');

    deck.slides.forEach((slide, i) => {
      if (slide.kind !== 'stage') return;
      const stage = map.stages.find((s) => slide.notes!.startsWith(`Goal: ${s.goal || 'none agreed yet'}`));
      expect(stage, `slide ${i + 1} has speaker notes with its stage's goal`).toBeDefined();
      expect(notes.get(i), `slide ${i + 1}`).toContain(xmlText(`Goal: ${stage!.goal || 'none agreed yet'}`));
      expect(notes.get(i)).toContain('KPI: ');
    });
    // No slide is a picture of a slide.
    for (const xml of slides) expect(xml).not.toContain('<p:pic>');
  });

  it('is written by `throughline export FILE --pptx OUT`, and the help names the option', async () => {
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    const target = path.join(tempDir(), 'deck.pptx');
    expect(await runCli(['export', path.join(root, 'test', 'fixtures', 'workshop-map.json'), '--pptx', target], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^Wrote .*deck\.pptx \(PPTX, \d+ KiB\)$/m);
    expect((await JSZip.loadAsync(fs.readFileSync(target))).file('ppt/presentation.xml')).not.toBeNull();
    out.length = 0;
    await runCli(['--help'], io);
    expect(out.join('\n')).toContain('export FILE --pptx OUT');
  });

  it('opens in LibreOffice Impress with as many pages as the PDF', async (context) => {
    const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((file) => fs.existsSync(file));
    if (!soffice) {
      context.skip('LibreOffice (soffice) is not installed: apt-get install libreoffice-impress to run this check');
      return;
    }
    const map = workshopMap();
    const dir = tempDir();
    const input = path.join(dir, 'deck.pptx');
    fs.writeFileSync(input, (await exportMap(map, 'pptx', { now: NOW })).data);
    // A private profile, so a running LibreOffice (or another test) never holds the lock.
    const result = spawnSync(soffice, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(pdfPages(path.join(dir, 'deck.pdf'))).toBe(deckOf(map).slides.length);
  }, 150_000);
});
