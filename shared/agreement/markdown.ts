import { NOT_ON_PATH, type Agreement, type HandoffTerms, type PathStep, type ResponsibilityCell, type SharedPromise } from './agreement';

/**
 * Text from the map as inline Markdown: one line (a newline would end a heading or a table row), with the
 * characters Markdown would read as formatting escaped, so a title renders as typed in any wiki.
 */
export function inline(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (char) => `\\${char}`)
    .trim();
}

/** A GitHub table: cells are inline text, a pipe in a cell is escaped so it cannot split the row. */
export function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

const steps = (list: PathStep[]) => list.map((step) => `${inline(step.title)} (led by ${inline(step.ledBy)})`).join('; ');

function handoffSection(terms: HandoffTerms, number: number): string[] {
  const lines = [
    `### ${number}. ${inline(terms.fromTeam)} → ${inline(terms.toTeam)} at ${inline(terms.stage)}`,
    '',
    `- **From:** ${inline(terms.fromTeam)}`,
    `- **To:** ${inline(terms.toTeam)}`,
    `- **Stage:** ${inline(terms.stage)}`,
    `- **Entry criteria (lead definition):** ${inline(terms.criteria)}`,
    `- **Response time:** ${inline(terms.responseTime)}`,
  ];
  if (terms.handedOverAfter.length > 0) lines.push(`- **Handed over after:** ${steps(terms.handedOverAfter)}`);
  lines.push(`- **${inline(terms.toTeam)} first does:** ${terms.firstSteps.length > 0 ? steps(terms.firstSteps) : NOT_ON_PATH}`);
  if (terms.findings.length > 0) {
    lines.push('- **Open points:**');
    for (const finding of terms.findings) lines.push(`  - ${finding.severity}: ${inline(finding.message)}`);
  }
  return [...lines, ''];
}

function cellWords(cell: ResponsibilityCell): string {
  if (cell.responsibility === '—') return cell.gap ? '— (gap)' : '—';
  return cell.contested ? `${cell.responsibility} (contested)` : cell.responsibility;
}

function promiseLine(entry: SharedPromise): string {
  const list = (titles: string[]) => (titles.length > 0 ? titles.map(inline).join(', ') : 'none');
  const flag =
    entry.onlyOneSide === 'marketing' ? ' — **only marketing makes it**' : entry.onlyOneSide === 'sales' ? ' — **only sales makes it**' : entry.onlyOneSide === 'neither' ? ' — **neither side makes it**' : '';
  const also = entry.alsoBy.length > 0 ? `; also: ${list(entry.alsoBy)}` : '';
  return `- **${inline(entry.promise)}**${flag}: made by ${list(entry.madeBy)}; carried by ${list(entry.carriedBy)}${also}`;
}

/** The agreement as Markdown a wiki can take as it is: headings, lists and GitHub tables. */
export function agreementMarkdown(agreement: Agreement): string {
  const out: string[] = [`# ${inline(agreement.title)}`, '', `Drawn up ${agreement.date} between ${inline(agreement.parties)}, from the journey map “${inline(agreement.mapName)}”.`, ''];
  if (agreement.description) out.push(inline(agreement.description), '');

  out.push('## Handoffs', '');
  if (agreement.handoffs.length === 0) out.push('The map has no handoff yet: the teams have not agreed where the buyer passes from one to the other.', '');
  agreement.handoffs.forEach((terms, i) => out.push(...handoffSection(terms, i + 1)));

  const { teams, rows } = agreement.responsibilities;
  out.push('## Who leads, who supports', '', 'Every touchpoint should have exactly one lead team. A gap is a stage where the model expects the team and nobody of its role is there.', '');
  out.push(...table(['Stage', ...teams.map(inline), 'Ownership'], rows.map((row) => [inline(row.stage), ...row.cells.map(cellWords), inline(row.ownership)])), '');

  out.push('## Shared promises (one voice)', '');
  if (agreement.promises.length === 0) out.push('No touchpoint makes a promise yet.');
  for (const entry of agreement.promises) out.push(promiseLine(entry));
  out.push('');

  out.push('## KPIs by stage', '');
  out.push(...table(['Stage', 'Phase', 'KPI', 'Goal'], agreement.kpis.map((k) => [inline(k.stage), k.phase, inline(k.kpi), inline(k.goal)])), '');

  out.push('## Open points', '');
  if (agreement.findings.length === 0) out.push('None: the map passes every check.', '');
  for (const group of agreement.findings) {
    out.push(`### ${group.label} (${group.findings.length})`, '');
    for (const finding of group.findings) out.push(`- ${inline(finding.message)}`);
    out.push('');
  }

  out.push('## Sign-off', '', 'By signing, each team agrees to the handoffs, responsibilities and promises above.', '');
  const blank = ' ';
  out.push(...table(['Team', 'Name', 'Role', 'Signature', 'Date'], agreement.signOff.map((line) => [`${inline(line.team)} (${line.roleLabel})`, blank, blank, blank, blank])), '');
  return out.join('\n');
}
