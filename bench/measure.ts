/** Small statistics helpers for benchmarks: medians and percentiles over repeated runs. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: number[]) => percentile(values, 50);

/**
 * Times a subject against its baseline in alternation, so both see the same machine load; returns the
 * median of each and their ratio.
 */
export function sideBySide(subject: () => void, baseline: () => void, runs: number): { subject: number; baseline: number; ratio: number } {
  for (let i = 0; i < 3; i++) {
    subject();
    baseline();
  }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    baseline();
    b.push(performance.now() - start);
    start = performance.now();
    subject();
    s.push(performance.now() - start);
  }
  const subjectMedian = median(s);
  const baselineMedian = median(b);
  return { subject: subjectMedian, baseline: baselineMedian, ratio: subjectMedian / baselineMedian };
}
