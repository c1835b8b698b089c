/**
 * Whether a palette entry matches what was typed: every typed word appears in its text, in any order,
 * ignoring case ("sales purchase" finds "Add touchpoint in Purchase · Sales").
 */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  return words(query).every((word) => haystack.includes(word));
}

/** Entries whose words start with the typed words come first; otherwise the registry's order stays. */
export function rankByQuery<T>(entries: readonly T[], textOf: (entry: T) => string, query: string): T[] {
  const typed = words(query);
  if (typed.length === 0) return [...entries];
  const score = (entry: T) => {
    const starts = textOf(entry).toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return typed.filter((word) => starts.some((start) => start.startsWith(word))).length;
  };
  return entries
    .filter((entry) => matchesQuery(textOf(entry), query))
    .map((entry, index) => ({ entry, index, score: score(entry) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ entry }) => entry);
}

function words(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}
