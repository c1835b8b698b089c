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

/** One glyph as the font's shaping placed it, in font units. */
export interface ShapedGlyph {
  id: number;
  codePoints: number[];
  xAdvance: number;
  /** The glyph's own advance; xAdvance differs from it by kerning. */
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** A run of text shaped in one font: its glyphs (spaces included) and its width in ems. */
export interface ShapedRun {
  font: FontName;
  glyphs: ShapedGlyph[];
  units: number;
}

export interface ExportFonts {
  regularPath: string;
  boldPath: string;
  fallbackPath: string;
  measure: MeasureText;
  runs(text: string, size: number, bold?: boolean): TextRun[];
  /** The runs of a line with their glyphs, shaped exactly as `measure` measured them: what the PDF writer draws. */
  shapeRuns(text: string, bold?: boolean): ShapedRun[];
  unitsPerEm: Record<FontName, number>;
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
  // Widths come from the fonts' own shaping (kerning, ligatures), one space-separated piece at a time: in these
  // fonts nothing is shaped across a space (no kerning pair or context includes the space glyph; see
  // test/unit/fonts.test.ts), so a line is as wide as its pieces plus its spaces. A wrapped paragraph measures
  // line after growing line; each piece is shaped once and remembered, instead of the whole line every time.
  // Each piece is shaped for the script fontkit would pick for the whole stretch (the first character that
  // belongs to a script), and the sums stay in whole font units until the end: a width is the very number
  // that shaping the whole stretch at once gives.
  const unknownScript = fonts.regular.layout(' ').script;
  const scriptOfChar = new Map<number, string>();
  const scriptOfBmp: (string | undefined)[] = new Array(0x10000);
  const scriptOf = (text: string, start: number, end: number): string => {
    for (let i = start; i < end; ) {
      const code = text.codePointAt(i)!;
      let script = code <= 0xffff ? scriptOfBmp[code] : scriptOfChar.get(code);
      if (script === undefined) {
        script = fonts.regular.layout(String.fromCodePoint(code)).script;
        if (code <= 0xffff) scriptOfBmp[code] = script;
        else scriptOfChar.set(code, script);
      }
      if (script !== unknownScript) return script;
      i += code > 0xffff ? 2 : 1;
    }
    return unknownScript;
  };
  interface Piece {
    units: number;
    glyphs: ShapedGlyph[];
  }
  const pieces: Record<FontName, Map<string, Map<string, Piece>>> = { regular: new Map(), bold: new Map(), fallback: new Map() };
  const spaceGlyph = (font: FontName): ShapedGlyph => {
    const run = fonts[font].layout(' ');
    const glyph = run.glyphs[0]!;
    return { id: glyph.id, codePoints: [0x20], xAdvance: run.positions[0]!.xAdvance, advanceWidth: glyph.advanceWidth, xOffset: 0, yOffset: 0 };
  };
  const space: Record<FontName, ShapedGlyph> = { regular: spaceGlyph('regular'), bold: spaceGlyph('bold'), fallback: spaceGlyph('fallback') };
  let piecesKept = 0;
  const piece = (text: string, font: FontName, script: string): Piece => {
    let known = pieces[font].get(script);
    if (!known) pieces[font].set(script, (known = new Map()));
    let shaped = known.get(text);
    if (shaped) return shaped;
    const run = fonts[font].layout(text, undefined, script);
    shaped = {
      units: run.advanceWidth,
      glyphs: run.glyphs.map((glyph, i) => {
        const { xAdvance, xOffset, yOffset } = run.positions[i]!;
        return { id: glyph.id, codePoints: glyph.codePoints, xAdvance, advanceWidth: glyph.advanceWidth, xOffset, yOffset };
      }),
    };
    // Bounded: a huge map has many one-off pieces (numbers, names); the common words stay cheap to shape again.
    if (++piecesKept > 25_000) {
      for (const byScript of Object.values(pieces)) byScript.clear();
      piecesKept = 1;
      pieces[font].set(script, (known = new Map()));
    }
    known.set(text, shaped);
    return shaped;
  };
  /** Calls `each` for the pieces of text[start, end) set in one font, and for each space between them. */
  const eachPiece = (text: string, start: number, end: number, font: FontName, each: (piece: Piece | undefined) => void): void => {
    const script = scriptOf(text, start, end);
    let from = start;
    for (;;) {
      const next = text.indexOf(' ', from);
      const to = next === -1 || next >= end ? end : next;
      if (to > from) each(piece(to - from === text.length ? text : text.slice(from, to), font, script));
      if (to === end) break;
      each(undefined);
      from = to + 1;
    }
  };
  const unitsPerEm = { regular: fonts.regular.unitsPerEm, bold: fonts.bold.unitsPerEm, fallback: fonts.fallback.unitsPerEm };
  /** Width of text[start, end) set in one font, in ems. */
  const unitWidth = (text: string, start: number, end: number, font: FontName): number => {
    let units = 0;
    eachPiece(text, start, end, font, (p) => (units += p ? p.units : space[font].xAdvance));
    return units / unitsPerEm[font];
  };

  // Which font draws a character: the main font, or the fallback for characters it lacks (→, ≥ …). Asked per
  // character of every line, so it is looked up once per character and font.
  // For the Basic Multilingual Plane, 1: the main font, 2: the fallback, 0: not looked up yet.
  const fontForBmp: Record<'regular' | 'bold', Uint8Array> = { regular: new Uint8Array(0x10000), bold: new Uint8Array(0x10000) };
  const fontForAstral: Record<'regular' | 'bold', Map<number, FontName>> = { regular: new Map(), bold: new Map() };
  const lookUpFont = (code: number, main: 'regular' | 'bold'): FontName =>
    fonts[main].hasGlyphForCodePoint(code) || !fonts.fallback.hasGlyphForCodePoint(code) ? main : 'fallback';
  const fontOf = (code: number, main: 'regular' | 'bold'): FontName => {
    if (code > 0xffff) {
      let font = fontForAstral[main].get(code);
      if (font === undefined) fontForAstral[main].set(code, (font = lookUpFont(code, main)));
      return font;
    }
    let known = fontForBmp[main][code]!;
    if (known === 0) fontForBmp[main][code] = known = lookUpFont(code, main) === main ? 1 : 2;
    return known === 1 ? main : 'fallback';
  };
  /** Calls `each` for every stretch of text drawn in one font, in order (offsets into text, in UTF-16 units). */
  const eachRun = (text: string, bold: boolean, each: (start: number, end: number, font: FontName) => void) => {
    const main = bold ? 'bold' : 'regular';
    let start = 0;
    let current: FontName | undefined;
    for (let i = 0; i < text.length; ) {
      const code = text.codePointAt(i)!;
      const font = fontOf(code, main);
      if (font !== current) {
        if (current !== undefined) each(start, i, current);
        current = font;
        start = i;
      }
      i += code > 0xffff ? 2 : 1;
    }
    if (current !== undefined) each(start, text.length, current);
  };
  // Splits text where the main font lacks a character, so each run is drawn in a font that has it.
  const unitRuns = (text: string, bold: boolean) => {
    const runs: { text: string; font: FontName; units: number }[] = [];
    eachRun(text, bold, (start, end, font) => runs.push({ text: text.slice(start, end), font, units: unitWidth(text, start, end, font) }));
    return runs;
  };
  const runs = (text: string, size: number, bold = false): TextRun[] => unitRuns(text, bold).map((r) => ({ text: r.text, font: r.font, width: r.units * size }));
  const shapeRuns = (text: string, bold = false): ShapedRun[] => {
    const shaped: ShapedRun[] = [];
    eachRun(text, bold, (start, end, font) => {
      const glyphs: ShapedGlyph[] = [];
      let units = 0;
      eachPiece(text, start, end, font, (p) => {
        if (p) glyphs.push(...p.glyphs);
        else glyphs.push(space[font]);
        units += p ? p.units : space[font].xAdvance;
      });
      shaped.push({ font, glyphs, units: units / unitsPerEm[font] });
    });
    return shaped;
  };
  const measure: MeasureText = (text, size, bold = false) => {
    let units = 0;
    eachRun(text, bold, (start, end, font) => (units += unitWidth(text, start, end, font)));
    return units * size;
  };
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
  loaded = { regularPath, boldPath, fallbackPath, measure, runs, shapeRuns, unitsPerEm, outlines, ascent: {
      regular: fonts.regular.ascent / fonts.regular.unitsPerEm,
      bold: fonts.bold.ascent / fonts.bold.unitsPerEm,
      fallback: fonts.fallback.ascent / fonts.fallback.unitsPerEm,
    },
  };
  return loaded;
}
