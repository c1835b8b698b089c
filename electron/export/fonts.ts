import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { MeasureText } from '../../shared/drawing/shapes';
import type { GlyphOutlines, PlacedGlyph } from '../../shared/drawing/svg';

export type FontName = 'regular' | 'bold' | 'fallback';

/** A stretch of text drawn in one font: the export font, or the fallback for characters it lacks. */
export interface TextRun {
  text: string;
  font: FontName;
  width: number;
}

export interface ExportFonts {
  regularPath: string;
  boldPath: string;
  fallbackPath: string;
  measure: MeasureText;
  runs(text: string, size: number, bold?: boolean): TextRun[];
  /** Each font's ascent as a share of the font size, to turn a baseline into PDFKit's top-of-line position. */
  ascent: Record<FontName, number>;
  /** Lines laid out as glyph outlines, for images that must look the same without the fonts installed. */
  outlines: GlyphOutlines;
}

let knownFontsDir: string | undefined;

/** Sets where the fonts are: an export worker is told by the process that started it, which already found them. */
export function useFontsDir(dir: string): void {
  knownFontsDir = dir;
}

/**
 * resources/fonts, found from the source tree (tests), from dist/ (CLI and desktop app), or unpacked next to
 * the packaged app's asar, where native code (the PNG rasteriser) can read the files.
 */
export function fontsDir(): string {
  if (knownFontsDir) return knownFontsDir;
  const candidates = [path.join(__dirname, '..', '..', 'resources', 'fonts'), path.join(__dirname, '..', 'resources', 'fonts')].map((dir) =>
    dir.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
  );
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'NotoSans-Regular.ttf')));
  if (!found) throw new Error(`The export font is missing (looked in ${candidates.join(', ')}).`);
  return found;
}

let loaded: ExportFonts | undefined;

/** Loads the export font once; its metrics lay out every slide and image so nothing overflows. */
export function exportFonts(): ExportFonts {
  if (loaded) return loaded;
  const dir = fontsDir();
  const regularPath = path.join(dir, 'NotoSans-Regular.ttf');
  const boldPath = path.join(dir, 'NotoSans-Bold.ttf');
  const fallbackPath = path.join(dir, 'DejaVuSans.ttf');
  const fonts: Record<FontName, fontkit.Font> = {
    regular: fontkit.openSync(regularPath) as fontkit.Font,
    bold: fontkit.openSync(boldPath) as fontkit.Font,
    fallback: fontkit.openSync(fallbackPath) as fontkit.Font,
  };
  const unitWidth = (text: string, font: FontName) => fonts[font].layout(text).advanceWidth / fonts[font].unitsPerEm;

  // Splits text where the main font lacks a character (→, ≥ …), so each run is drawn in a font that has it.
  const cache = new Map<string, { text: string; font: FontName; units: number }[]>();
  const unitRuns = (text: string, bold: boolean) => {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let runs = cache.get(key);
    if (!runs) {
      const main: FontName = bold ? 'bold' : 'regular';
      runs = [];
      for (const char of text) {
        const code = char.codePointAt(0)!;
        const font: FontName = fonts[main].hasGlyphForCodePoint(code) || !fonts.fallback.hasGlyphForCodePoint(code) ? main : 'fallback';
        const last = runs[runs.length - 1];
        if (last && last.font === font) last.text += char;
        else runs.push({ text: char, font, units: 0 });
      }
      for (const run of runs) run.units = unitWidth(run.text, run.font);
      if (cache.size > 50_000) cache.clear();
      cache.set(key, runs);
    }
    return runs;
  };
  const runs = (text: string, size: number, bold = false): TextRun[] => unitRuns(text, bold).map((r) => ({ text: r.text, font: r.font, width: r.units * size }));
  const measure: MeasureText = (text, size, bold = false) => unitRuns(text, bold).reduce((sum, r) => sum + r.units, 0) * size;
  const outlineOf = new Map<string, string>();
  const outlines: GlyphOutlines = {
    layout(text, size, bold) {
      const glyphs: PlacedGlyph[] = [];
      let x = 0;
      for (const run of unitRuns(text, bold)) {
        const font = fonts[run.font];
        const scale = size / font.unitsPerEm;
        const laid = font.layout(run.text);
        laid.glyphs.forEach((glyph, i) => {
          const position = laid.positions[i]!;
          const key = `${run.font}:${glyph.id}`;
          let d = outlineOf.get(key);
          if (d === undefined) outlineOf.set(key, (d = glyph.path.toSVG()));
          glyphs.push({ key, d, x: x + position.xOffset * scale, scale });
          x += position.xAdvance * scale;
        });
      }
      return { glyphs, width: x };
    },
  };
  loaded = { regularPath, boldPath, fallbackPath, measure, runs, outlines, ascent: {
      regular: fonts.regular.ascent / fonts.regular.unitsPerEm,
      bold: fonts.bold.ascent / fonts.bold.unitsPerEm,
      fallback: fonts.fallback.ascent / fonts.fallback.unitsPerEm,
    },
  };
  return loaded;
}
