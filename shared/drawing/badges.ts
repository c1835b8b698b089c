import type { Severity } from '../validate/types';
import type { Shape } from './shapes';
import { SEVERITY_COLOR } from './theme';

/**
 * A severity marker that differs in shape as well as colour: a square for errors, a triangle for
 * warnings, a circle for information. (x, y) is its top-left corner; `size` its width and height.
 */
export function severityBadge(severity: Severity, x: number, y: number, size: number): Shape[] {
  const color = SEVERITY_COLOR[severity];
  const mark = { kind: 'text' as const, x: x + size / 2, y: y + size * 0.78, size: size * 0.7, bold: true, color: '#ffffff', align: 'center' as const };
  if (severity === 'error') return [{ kind: 'rect', x, y, w: size, h: size, fill: color, radius: size * 0.18 }, { ...mark, text: '!' }];
  if (severity === 'warning') {
    return [
      { kind: 'path', points: [[x + size / 2, y], [x + size, y + size], [x, y + size]], closed: true, fill: color, stroke: color, width: 0.5 },
      { ...mark, text: '!', y: y + size * 0.9, size: size * 0.6 },
    ];
  }
  return [{ kind: 'circle', cx: x + size / 2, cy: y + size / 2, r: size / 2, fill: color }, { ...mark, text: 'i' }];
}
