/** Small statistics helpers for benchmarks: medians and percentiles over repeated runs. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: number[]) => percentile(values, 50);

/** Runs `fn` repeatedly (after warm-up) and returns each run's duration in milliseconds. */
export function timeRuns(fn: () => void, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

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
