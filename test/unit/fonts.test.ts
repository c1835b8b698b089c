import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { exportFonts, fontsDir, type FontName } from '../../electron/export/fonts';

/**
 * The export fonts measure a line one space-separated piece at a time (each piece shaped once and
 * remembered). That is only right if nothing in these fonts is shaped across a space, so a width must be
 * the very number shaping the whole line at once gives — checked here against fontkit itself.
 */
const dir = fontsDir();
const raw: Record<FontName, fontkit.Font> = {
  regular: fontkit.openSync(path.join(dir, 'NotoSans-Regular.ttf')) as fontkit.Font,
  bold: fontkit.openSync(path.join(dir, 'NotoSans-Bold.ttf')) as fontkit.Font,
  fallback: fontkit.openSync(path.join(dir, 'DejaVuSans.ttf')) as fontkit.Font,
};

/** The width as it was measured before: each run of one font shaped whole. */
function wholeLineWidth(text: string, size: number, bold: boolean): number {
  const main: FontName = bold ? 'bold' : 'regular';
  const runs: { text: string; font: FontName }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const font: FontName = raw[main].hasGlyphForCodePoint(code) || !raw.fallback.hasGlyphForCodePoint(code) ? main : 'fallback';
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs.reduce((sum, run) => sum + raw[run.font].layout(run.text).advanceWidth / raw[run.font].unitsPerEm, 0) * size;
}

const LINES = [
  'Touchpoint 12345 — webinar',
  'Web · supported by Marketing, Customer Success · promises “SOC 2 certified”, “free migration”',
  'AVATAR Tyrone Watt “fi” office affluent L’Oréal  two  spaces ',
  'Η εταιρεία προσφέρει δωρεάν μετάβαση — Greece 2026',
  'Компания предлагает бесплатную миграцию → Москва ≥ 60 баллов',
  'Łódź → Αθήνα → Москва: one journey ★ ✓ ● 3',
  'Zürich Straße Ärger Übergang e\u0301 n\u0303 1,234.56 € ½',
  'A👍B mixed 🙂 emoji and שלום',
];

describe('export font metrics', () => {
  it('measure a line as wide as shaping the whole line, word by word and for every prefix a wrap tries', () => {
    const fonts = exportFonts();
    for (const line of LINES) {
      const words = line.split(' ');
      for (let i = 1; i <= words.length; i++) {
        const prefix = words.slice(0, i).join(' ');
        for (const bold of [false, true]) expect(fonts.measure(prefix, 13, bold), `${bold ? 'bold' : 'regular'} “${prefix}”`).toBe(wholeLineWidth(prefix, 13, bold));
      }
    }
  });

  it('shape the runs a PDF draws exactly as wide as they were measured, in the font that has each character', () => {
    const fonts = exportFonts();
    for (const line of LINES) {
      const shaped = fonts.shapeRuns(line, true);
      expect(shaped.reduce((sum, run) => sum + run.units, 0) * 15).toBe(fonts.measure(line, 15, true));
      expect(shaped.map((run) => run.font)).toEqual(fonts.runs(line, 15, true).map((run) => run.font));
      for (const run of shaped) {
        expect(run.glyphs.reduce((sum, g) => sum + g.xAdvance, 0) / fonts.unitsPerEm[run.font]).toBeCloseTo(run.units, 12);
      }
    }
    // The arrow is not in Noto Sans: it is drawn in the fallback font.
    expect(fonts.shapeRuns('a → b').map((run) => run.font)).toEqual(['regular', 'fallback', 'regular']);
  });
});
