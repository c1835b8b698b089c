import fs from 'node:fs';
import path from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The limit the value must stay at or under; null for figures that are only reported. */
  budget: number | null;
  ok: boolean | null;
  detail?: string;
}

const figures: Figure[] = [];

export function report(name: string, value: number, unit: string, budget: number | null, detail?: string): void {
  const figure: Figure = { name, value: Number(value.toFixed(3)), unit, budget, ok: budget === null ? null : value <= budget, detail };
  figures.push(figure);
  const verdict = figure.ok === null ? 'reported' : figure.ok ? 'ok' : 'OVER BUDGET';
  const limit = budget === null ? '' : ` (budget ≤ ${budget} ${unit})`;
  console.log(`${name.padEnd(34)} ${String(figure.value).padStart(10)} ${unit}${limit}  ${verdict}${detail ? `  — ${detail}` : ''}`);
}

export function writeResults(file: string): Figure[] {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return figures;
}
