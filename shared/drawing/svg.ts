import type { Shape } from './shapes';

export const EXPORT_FONT_FAMILY = 'Noto Sans';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (value: number) => (Math.round(value * 100) / 100).toString();

function arrowHead(points: [number, number][], size: number): string {
  const [x2, y2] = points[points.length - 1]!;
  const [x1, y1] = points[points.length - 2]!;
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const left = [x2 - size * Math.cos(angle - 0.45), y2 - size * Math.sin(angle - 0.45)];
  const right = [x2 - size * Math.cos(angle + 0.45), y2 - size * Math.sin(angle + 0.45)];
  return `${n(x2)},${n(y2)} ${n(left[0]!)},${n(left[1]!)} ${n(right[0]!)},${n(right[1]!)}`;
}

function shapeToSvg(shape: Shape): string {
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
}

/** A standalone SVG document: text stays text (selectable, searchable), in the export font. */
export function renderSvg(shapes: Shape[], options: SvgOptions): string {
  const { x, y, width, height } = options.viewBox;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(x)} ${n(y)} ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" font-family="${EXPORT_FONT_FAMILY}, 'DejaVu Sans', Arial, sans-serif">`,
  ];
  if (options.title) parts.push(`<title>${escape(options.title)}</title>`);
  if (options.background) parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="${options.background}"/>`);
  for (const shape of shapes) parts.push(shapeToSvg(shape));
  parts.push('</svg>');
  return parts.join('\n');
}
