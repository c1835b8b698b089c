import type { Drawing, MeasureText, Shape } from '../drawing/shapes';
import { ACCENT, INK, MUTED, SEVERITY_COLOR, WARNING_CHIP } from '../drawing/theme';
import { NOT_AGREED, NOT_ON_PATH, type Agreement, type HandoffTerms, type PathStep, type ResponsibilityRow, type SharedPromise } from './agreement';
import { CONTENT_WIDTH, PageFlow, type Cell, type Column, type TextStyle } from './pageFlow';

const KICKER: TextStyle = { size: 10, bold: true, color: ACCENT };
const TITLE: TextStyle = { size: 20, bold: true, color: INK };
const SECTION: TextStyle = { size: 14, bold: true, color: INK };
const SUBSECTION: TextStyle = { size: 11, bold: true, color: INK };
const BODY: TextStyle = { size: 9.5, color: INK };
const NOTE: TextStyle = { size: 9, color: MUTED };
const TABLE: TextStyle = { size: 8.5, color: INK };

/** An open point in the text: amber, so the room sees at a glance what is still to settle. */
const OPEN = WARNING_CHIP.ink;
const open = (text: string): Cell => ({ text, color: OPEN, bold: true });
const agreedOr = (text: string, agreed: boolean): Cell => (agreed ? text : open(text));

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

const stepWords = (steps: PathStep[]) => steps.map((step) => `${step.title} (led by ${step.ledBy})`).join('; ');

/** The space a section heading takes: the gap above it, its line and its rule. */
const SECTION_HEAD = 14 + PageFlow.lineHeight(SECTION) + 10;
const SIGNATURE_HEIGHT = 72;

function section(flow: PageFlow, title: string): void {
  flow.space(14);
  flow.heading(title, SECTION, 60, ACCENT);
  flow.space(6);
}

function handoff(flow: PageFlow, terms: HandoffTerms, number: number): void {
  flow.heading(`${number}. ${terms.fromTeam} → ${terms.toTeam} at ${terms.stage}`, SUBSECTION, 80);
  flow.space(4);
  const labelWidth = 150;
  flow.field('From', terms.fromTeam, labelWidth, BODY);
  flow.field('To', terms.toTeam, labelWidth, BODY);
  flow.field('Stage', terms.stage, labelWidth, BODY);
  flow.field('Entry criteria (lead definition)', agreedOr(terms.criteria, terms.criteriaAgreed), labelWidth, BODY);
  flow.field('Response time', agreedOr(terms.responseTime, terms.responseTimeAgreed), labelWidth, BODY);
  if (terms.handedOverAfter.length > 0) flow.field('Handed over after', stepWords(terms.handedOverAfter), labelWidth, BODY);
  flow.field(`${terms.toTeam} first does`, terms.firstSteps.length > 0 ? stepWords(terms.firstSteps) : open(NOT_ON_PATH), labelWidth, BODY);
  for (const finding of terms.findings) flow.field('Open point', { text: `${SEVERITY_WORD[finding.severity]}: ${finding.message}`, color: SEVERITY_COLOR[finding.severity] }, labelWidth, BODY);
  flow.space(10);
}

function responsibilityCells(row: ResponsibilityRow): Cell[] {
  const cells = row.cells.map((cell): Cell => {
    if (cell.responsibility === '—') return cell.gap ? open('— gap') : { text: '—', color: MUTED };
    return cell.contested ? open(`${cell.responsibility} (contested)`) : cell.responsibility;
  });
  return [{ text: row.stage, bold: true }, ...cells, row.healthy ? { text: row.ownership, color: MUTED } : open(row.ownership)];
}

/** Stage and ownership get fixed shares; the teams split the rest, so a map with many teams still fits. */
function responsibilityColumns(teams: string[]): Column[] {
  const stage = 0.16;
  const ownership = teams.length > 4 ? 0.24 : 0.3;
  const team = (1 - stage - ownership) / Math.max(1, teams.length);
  return [{ header: 'Stage', share: stage }, ...teams.map((name) => ({ header: name, share: team })), { header: 'Ownership', share: ownership }];
}

function promiseRow(entry: SharedPromise): Cell[] {
  const list = (titles: string[]) => (titles.length > 0 ? titles.join(', ') : { text: 'none', color: MUTED });
  const voice =
    entry.onlyOneSide === 'marketing' ? open('only marketing makes it') : entry.onlyOneSide === 'sales' ? open('only sales makes it') : entry.onlyOneSide === 'neither' ? open('neither side makes it') : 'one voice';
  const others = entry.alsoBy.length > 0 ? ` (also: ${entry.alsoBy.join(', ')})` : '';
  return [{ text: entry.promise + others, bold: true }, list(entry.madeBy), list(entry.carriedBy), voice];
}

/** A team's signature block: the team, then lines for the signer's name, their role, the signature and the date. */
function signatureBlock(team: string, role: string, measure: MeasureText): (top: number, left: number) => Shape[] {
  return (top, left) => {
    const shapes: Shape[] = [
      { kind: 'text', x: left, y: top + 12, text: team, size: 11, bold: true, color: INK },
      { kind: 'text', x: left + Math.min(measure(team, 11, true) + 8, CONTENT_WIDTH - 120), y: top + 12, text: `(${role})`, size: 9, color: MUTED },
    ];
    const gap = 16;
    const fields = [
      { label: 'Name', share: 0.27 },
      { label: 'Role', share: 0.23 },
      { label: 'Signature', share: 0.3 },
      { label: 'Date', share: 0.2 },
    ];
    let x = left;
    for (const field of fields) {
      const width = field.share * (CONTENT_WIDTH - gap * (fields.length - 1));
      shapes.push({ kind: 'path', points: [[x, top + 44], [x + width, top + 44]], stroke: MUTED, width: 0.8 });
      shapes.push({ kind: 'text', x, y: top + 55, text: field.label, size: 8, color: MUTED });
      x += width + gap;
    }
    return shapes;
  };
}

/**
 * The agreement as A4 portrait pages of shapes, laid out with the export font's metrics: renderPdf draws
 * them with the embedded fonts. Every page carries the map's name and its page number in the footer.
 */
export function layoutAgreement(agreement: Agreement, measure: MeasureText): Drawing[] {
  const flow = new PageFlow(measure);
  flow.heading('Handoff agreement', KICKER, 60);
  flow.space(2);
  flow.heading(agreement.mapName, TITLE, 40);
  flow.space(2);
  flow.paragraph(`Drawn up ${agreement.date} between ${agreement.parties}.`, NOTE);
  if (agreement.description) {
    flow.space(4);
    flow.paragraph(agreement.description, BODY);
  }

  section(flow, 'Handoffs');
  if (agreement.handoffs.length === 0) flow.paragraph('The map has no handoff yet: the teams have not agreed where the buyer passes from one to the other.', BODY);
  agreement.handoffs.forEach((terms, i) => handoff(flow, terms, i + 1));

  section(flow, 'Who leads, who supports');
  flow.paragraph('Every touchpoint should have exactly one lead team. A gap is a stage where the model expects the team and nobody of its role is there.', NOTE);
  flow.space(6);
  const { teams, rows } = agreement.responsibilities;
  flow.table(responsibilityColumns(teams), rows.map(responsibilityCells), TABLE);

  section(flow, 'Shared promises (one voice)');
  if (agreement.promises.length === 0) flow.paragraph('No touchpoint makes a promise yet.', BODY);
  else {
    const columns = [
      { header: 'Promise', share: 0.24 },
      { header: 'Marketing makes it at', share: 0.3 },
      { header: 'Sales carries it at', share: 0.28 },
      { header: 'Voice', share: 0.18 },
    ];
    flow.table(columns, agreement.promises.map(promiseRow), TABLE);
  }

  section(flow, 'KPIs by stage');
  const kpiColumns = [
    { header: 'Stage', share: 0.2 },
    { header: 'Phase', share: 0.16 },
    { header: 'KPI', share: 0.3 },
    { header: 'Goal', share: 0.34 },
  ];
  const orOpen = (text: string): Cell => (text === NOT_AGREED ? open(text) : text);
  flow.table(kpiColumns, agreement.kpis.map((k) => [{ text: k.stage, bold: true }, k.phase, orOpen(k.kpi), orOpen(k.goal)]), TABLE);

  section(flow, 'Open points');
  if (agreement.findings.length === 0) flow.paragraph('None: the map passes every check.', BODY);
  for (const group of agreement.findings) {
    flow.heading(`${group.label} (${group.findings.length})`, SUBSECTION, 30);
    flow.space(3);
    for (const finding of group.findings) flow.bullet(finding.message, BODY, SEVERITY_COLOR[group.severity]);
    flow.space(6);
  }

  // The signatures belong with the words they sign: start the section on a new page rather than split it.
  flow.keepTogether(SECTION_HEAD + 3 * PageFlow.lineHeight(BODY) + SIGNATURE_HEIGHT * agreement.signOff.length);
  section(flow, 'Sign-off');
  flow.paragraph('By signing, each team agrees to the handoffs, responsibilities and promises above.', BODY);
  flow.space(8);
  for (const line of agreement.signOff) flow.block(SIGNATURE_HEIGHT, signatureBlock(line.team, line.roleLabel, measure));

  flow.addFooters(`${agreement.mapName} — handoff agreement`);
  return flow.pages;
}

