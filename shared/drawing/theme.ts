import type { Severity } from '../validate/types';

/** Colours shared by the canvas, slides and images, so an export looks like the app. */
export const INK = '#0f172a';
export const MUTED = '#475569';
export const LINE = '#cbd5e1';
export const SURFACE = '#ffffff';
export const BACKDROP = '#f1f5f9';
export const ACCENT = '#4f46e5';
export const NOTE_FILL = '#fef3c7';
export const NOTE_STROKE = '#fcd34d';
export const WARNING_CHIP = { fill: '#fef3c7', stroke: '#f59e0b', ink: '#78350f' };

export const SEVERITY_COLOR: Record<Severity, string> = { error: '#dc2626', warning: '#d97706', info: '#2563eb' };
export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** The colour mixed toward white by `amount` (0 = colour, 1 = white), as the canvas tints lanes. */
export function tint(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${((1 << 24) | (r! << 16) | (g! << 8) | b!).toString(16).slice(1)}`;
}

/** The colour mixed toward black, for readable text in a team's colour. */
export function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c * (1 - amount));
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${((1 << 24) | (r! << 16) | (g! << 8) | b!).toString(16).slice(1)}`;
}
