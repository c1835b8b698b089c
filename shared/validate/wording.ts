/** How findings, fixes and the agreement name things: one place for the wording helpers. */

/** A name or title as findings quote it: “Demo”. */
export const quote = (text: string) => `“${text}”`;

/** "Marketing", "Marketing and Sales", "Marketing, Sales and Partners". */
export function names(teams: { name: string }[]): string {
  const list = teams.map((t) => t.name);
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}
