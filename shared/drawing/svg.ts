import type { Shape } from './shapes';

export const EXPORT_FONT_FAMILY = 'Noto Sans';

/** Characters XML 1.0 forbids (controls other than tab and newlines, lone surrogates, U+FFFE/FFFF): one makes the whole file unreadable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlText = (text: string) =>
  text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escape = xmlText;

/** One glyph of a laid-out line: its outline (font units, y up) under a key shared by every use of it. */
export interface PlacedGlyph {
  key: string;
  d: string;
  /** Offset from the line's start, in points. */
  x: number;
  /** Font units → points. */
  scale: number;
}

/** Lays a line out in the export fonts, glyph by glyph; supplied by the exporter, which has the font files. */
export interface GlyphOutlines {
  layout(text: string, size: number, bold: boolean): { glyphs: PlacedGlyph[]; width: number };
}
const n = (value: number) => (Math.round(value * 100) / 100).toString();

function arrowHead(points: [number, number][], size: number): string {
  const [x2, y2] = points[points.length - 1]!;
  const [x1, y1] = points[points.length - 2]!;
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const left = [x2 - size * Math.cos(angle - 0.45), y2 - size * Math.sin(angle - 0.45)];
  const right = [x2 - size * Math.cos(angle + 0.45), y2 - size * Math.sin(angle + 0.45)];
  return `${n(x2)},${n(y2)} ${n(left[0]!)},${n(left[1]!)} ${n(right[0]!)},${n(right[1]!)}`;
}

/**
 * Text drawn as the export font's own outlines (each distinct glyph defined once, then placed), so the
 * file looks the same on a machine without Noto Sans; an invisible text line on top keeps it selectable
 * and searchable.
 */
/** Glyph key → its id in <defs> and its outline. */
type GlyphDefs = Map<string, { id: string; d: string }>;

function outlinedText(shape: Extract<Shape, { kind: 'text' }>, outlines: GlyphOutlines, defs: GlyphDefs): string {
  const { glyphs, width } = outlines.layout(shape.text.replace(NOT_XML, ''), shape.size, shape.bold ?? false);
  const start = shape.align === 'center' ? shape.x - width / 2 : shape.align === 'right' ? shape.x - width : shape.x;
  const uses: string[] = [];
  for (const glyph of glyphs) {
    if (!glyph.d) continue;
    let def = defs.get(glyph.key);
    if (!def) defs.set(glyph.key, (def = { id: `g${defs.size}`, d: glyph.d }));
    // The scale is tiny (points per font unit): it needs more digits than coordinates do.
    const scale = glyph.scale.toPrecision(5);
    uses.push(`<use href="#${def.id}" transform="matrix(${scale} 0 0 -${scale} ${n(start + glyph.x)} ${n(shape.y)})"/>`);
  }
  const weight = shape.bold ? ' font-weight="700"' : '';
  const hidden = `<text x="${n(start)}" y="${n(shape.y)}" font-size="${n(shape.size)}"${weight} fill-opacity="0" textLength="${n(width)}" lengthAdjust="spacingAndGlyphs">${escape(shape.text)}</text>`;
  return `<g fill="${shape.color}">${uses.join('')}</g>${hidden}`;
}

function shapeToSvg(shape: Shape, outlines?: GlyphOutlines, defs?: GlyphDefs): string {
  if (shape.kind === 'text' && outlines && defs) return outlinedText(shape, outlines, defs);
  switch (shape.kind) {
    case 'rect': {
      const attrs = [`x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}"`];
      if (shape.radius) attrs.push(`rx="${n(shape.radius)}"`);
      attrs.push(`fill="${shape.fill ?? 'none'}"`);
      if (shape.stroke) attrs.push(`stroke="${shape.stroke}" stroke-width="${n(shape.strokeWidth ?? 1)}"`);
      if (shape.dash) attrs.push(`stroke-dasharray="${shape.dash.map(n).join(' ')}"`);
      return `<rect ${attrs.join(' ')}/>`;
    }
    case 'text': {
      const anchor = shape.align === 'center' ? ' text-anchor="middle"' : shape.align === 'right' ? ' text-anchor="end"' : '';
      const weight = shape.bold ? ' font-weight="700"' : '';
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${n(shape.size)}"${weight} fill="${shape.color}"${anchor}>${escape(shape.text)}</text>`;
    }
    case 'path': {
      const d = shape.points.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x)} ${n(y)}`).join(' ') + (shape.closed ? ' Z' : '');
      const dash = shape.dash ? ` stroke-dasharray="${shape.dash.map(n).join(' ')}"` : '';
      const path = `<path d="${d}" fill="${shape.fill ?? 'none'}" stroke="${shape.stroke}" stroke-width="${n(shape.width)}"${dash} stroke-linejoin="round"/>`;
      return shape.arrow && shape.points.length > 1 ? `${path}<polygon points="${arrowHead(shape.points, 5 + shape.width * 2.5)}" fill="${shape.stroke}"/>` : path;
    }
    case 'circle': {
      const stroke = shape.stroke ? ` stroke="${shape.stroke}" stroke-width="${n(shape.strokeWidth ?? 1)}"` : '';
      return `<circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}" fill="${shape.fill ?? 'none'}"${stroke}/>`;
    }
  }
}

export interface SvgOptions {
  /** The part of the drawing to show, in drawing coordinates (default: all of it). */
  viewBox: { x: number; y: number; width: number; height: number };
  background?: string;
  title?: string;
  /** Draw text as outlines of the export font (a file that renders the same anywhere); plain text without. */
  outlines?: GlyphOutlines;
}

/** A standalone SVG document: text stays text (selectable, searchable), in the export font. */
export function renderSvg(shapes: Shape[], options: SvgOptions): string {
  const { x, y, width, height } = options.viewBox;
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(x)} ${n(y)} ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" font-family="${EXPORT_FONT_FAMILY}, 'DejaVu Sans', Arial, sans-serif">`,
  ];
  if (options.title) parts.push(`<title>${escape(options.title)}</title>`);
  if (options.background) parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="${options.background}"/>`);
  const defs: GlyphDefs | undefined = options.outlines ? new Map() : undefined;
  const body = shapes.map((shape) => shapeToSvg(shape, options.outlines, defs));
  if (defs && defs.size > 0) parts.push(`<defs>${[...defs.values()].map(({ id, d }) => `<path id="${id}" d="${d}"/>`).join('')}</defs>`);
  parts.push(...body, '</svg>');
  return parts.join('\n');
}
