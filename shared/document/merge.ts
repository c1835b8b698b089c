/**
 * How two windows' edits to the same value combine. Plain values: the later writer wins and the
 * replaced value is reported (never silently). Lists of ids or tags: merged element by element against
 * the value both sides started from, so "A added here, B added there" keeps both.
 */

/** Deep equality of plain JSON-like values; a missing key and `undefined` are the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/** Positions in `list` of the longest run of elements that keep their relative order from `base`. */
function keptInOrder(base: readonly string[], list: readonly string[]): Set<string> {
  const inBase = new Map(base.map((item, i) => [item, i]));
  const common = list.filter((item) => inBase.has(item)).map((item) => inBase.get(item)!);
  // Longest increasing subsequence of base positions (patience sorting), O(n log n).
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous: number[] = new Array(common.length).fill(-1);
  common.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tails[mid]! < value) low = mid + 1;
      else high = mid;
    }
    tails[low] = value;
    tailIndex[low] = i;
    previous[i] = low > 0 ? tailIndex[low - 1]! : -1;
  });
  const kept = new Set<string>();
  for (let i = tailIndex[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) kept.add(base[common[i]!]!);
  return kept;
}

/**
 * Three-way merge of a list of unique strings: what `ours` removed from `base` is removed, what it added
 * or moved is placed after the element it follows in `ours`, and everything else keeps `theirs`' order.
 */
export function mergeList(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  const oursSet = new Set(ours);
  const removed = new Set(base.filter((item) => !oursSet.has(item)));
  const result = [...new Set(theirs)].filter((item) => !removed.has(item));
  const kept = keptInOrder(base, ours);
  const inBase = new Set(base);
  const inTheirs = new Set(theirs);
  ours.forEach((item, i) => {
    // Unmoved elements stay where theirs has them; one theirs removed stays removed, even if ours moved it.
    if (kept.has(item) || (inBase.has(item) && !inTheirs.has(item))) return;
    const at = result.indexOf(item);
    if (at !== -1) result.splice(at, 1);
    let after = -1;
    for (let j = i - 1; j >= 0 && after === -1; j--) after = result.indexOf(ours[j]!);
    result.splice(after + 1, 0, item);
  });
  return result;
}

/** The fields whose values are lists merged element by element. */
export const LIST_FIELDS: ReadonlySet<string> = new Set(['ownerTeamIds', 'supportTeamIds', 'promises', 'stageOrder', 'teamOrder']);

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export interface Resolution {
  value: unknown;
  /** Someone else had changed the value since `base`, and `ours` replaced it. */
  conflict: boolean;
}

/** Combines our change of one field (from `base` to `ours`) with the value stored now (`theirs`). */
export function resolveField(field: string, base: unknown, ours: unknown, theirs: unknown): Resolution {
  if (LIST_FIELDS.has(field)) return { value: mergeList(asList(base), asList(ours), asList(theirs)), conflict: false };
  const conflict = !sameValue(theirs, base) && !sameValue(theirs, ours);
  return { value: ours, conflict };
}

/** Keeps an id in order lists exactly once, for every record that exists; newcomers go at the end. */
export function normalizeOrder(order: readonly string[], existing: Iterable<string>): string[] {
  const present = new Set(existing);
  const result = [...new Set(order)].filter((id) => present.has(id));
  const listed = new Set(result);
  for (const id of present) if (!listed.has(id)) result.push(id);
  return result;
}
