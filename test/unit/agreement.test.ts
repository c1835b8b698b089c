import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportMap } from '../../electron/export/exporter';
import { exportFonts } from '../../electron/export/fonts';
import { runCli } from '../../electron/cli/main';
import { buildAgreement } from '../../shared/agreement/buildAgreement';
import { agreementMarkdown, inline } from '../../shared/agreement/markdown';
import { layoutAgreement } from '../../shared/agreement/pdfLayout';
import { A4_PAGE } from '../../shared/agreement/pageFlow';
import { parseDocument } from '../../shared/format/document';
import { validate } from '../../shared/validate/validate';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { fullDocument, tempDir } from './helpers';

const DATE = new Date('2026-11-22T09:00:00Z');
const fixture = path.join(__dirname, '..', 'fixtures', 'full-map.json');

function fullMap(): JourneyMap {
  const parsed = parseDocument(fullDocument());
  if (!parsed.ok) throw new Error('fixture invalid');
  return parsed.map;
}

const markdownOf = (map: JourneyMap) => agreementMarkdown(buildAgreement(map, validate(map, { mode: 'complete' }), { date: DATE }));

/** The text both formats must carry for the fixture's two handoffs (Marketing → Sales at Intent, Sales → Customer Success at Purchase). */
const FACTS = [
  'Acme Analytics — enterprise journey — handoff agreement',
  'Drawn up 22 November 2026',
  'Marketing → Sales at Intent',
  'MQL: score ≥ 60 and a buying-committee contact',
  '24 hours',
  'Tailored demo (led by Sales)',
  'Case study: Łódź Logistics (led by Marketing)',
  'Sales → Customer Success at Purchase',
  'Onboarding programme (led by Customer Success)',
  'The Sales → Customer Success handoff in “Purchase” has no entry criteria',
  'contested: Sales and Marketing both claim the lead of “Free trial with guided setup”',
  'unowned: no team leads “Comparison page”',
  'live in one day',
  'no data engineers needed',
  'cancel any time',
  'only sales makes it',
  'Reach',
  'Buyers learn the problem has a name',
  'SQL rate',
  'Shortlist',
  'Errors (2)',
  'Warnings (5)',
  'Sign-off',
];

describe('the handoff agreement as Markdown', () => {
  const markdown = markdownOf(fullMap());

  it('states each handoff: teams, stage, entry criteria, response time and what the receiving team does first', () => {
    for (const fact of FACTS) expect(markdown).toContain(fact);
    expect(markdown).toContain('### 1. Marketing → Sales at Intent\n\n- **From:** Marketing\n- **To:** Sales\n- **Stage:** Intent\n');
    expect(markdown).toContain('- **Entry criteria (lead definition):** MQL: score ≥ 60 and a buying-committee contact\n- **Response time:** 24 hours\n');
    expect(markdown).toContain('- **Sales first does:** Tailored demo (led by Sales)\n');
    // The second handoff has neither criteria nor an SLA: the agreement says so instead of leaving a blank.
    expect(markdown).toContain('- **Entry criteria (lead definition):** not agreed yet\n- **Response time:** not agreed yet\n');
    expect(markdown).toContain('- **Customer Success first does:** Onboarding programme (led by Customer Success)\n');
  });

  it('has the responsibility table, the promises, the KPIs and a sign-off line per team', () => {
    expect(markdown).toContain('| Stage | Marketing | Sales | Customer Success | Ownership |\n| --- | --- | --- | --- | --- |\n');
    expect(markdown).toContain('| Awareness | leads | supports | — | one lead for every touchpoint |');
    expect(markdown).toContain('| Intent | leads, supports (contested) | leads (contested) | — | contested: Sales and Marketing both claim the lead of “Free trial with guided setup” |');
    expect(markdown).toContain('| Purchase | — (gap) | leads | — | one lead for every touchpoint |');
    expect(markdown).toContain('- **live in one day**: made by Industry webinar series, Case study: Łódź Logistics; carried by Tailored demo');
    expect(markdown).toContain('- **cancel any time** — **only sales makes it**: made by none; carried by Proposal and negotiation');
    expect(markdown).toContain('| Awareness | Awareness | Reach | Buyers learn the problem has a name |');
    expect(markdown).toContain('| Interest | Interest | not agreed yet | not agreed yet |');
    for (const team of ['Marketing (marketing team)', 'Sales (sales team)', 'Customer Success (post-sale or other team)']) {
      expect(markdown).toContain(`| ${team} |   |   |   |   |`);
    }
  });

  it('says "not on the buyer\'s path yet" when a handoff leads nowhere, and follows a handoff into the next one', () => {
    const map = fullMap();
    map.connections = map.connections.filter((c) => c.source !== 'ho-close');
    expect(markdownOf(map)).toContain("- **Customer Success first does:** not on the buyer's path yet\n");

    // ho-mql → ho-close → Onboarding: the buyer passes two handoffs before the next touchpoint.
    const chained = fullMap();
    chained.connections = [{ id: 'x1', source: 'ho-mql', target: 'ho-close' }, { id: 'x2', source: 'ho-close', target: 'tp-onboard' }];
    expect(markdownOf(chained)).toContain('- **Sales first does:** Onboarding programme (led by Customer Success)\n');
  });

  it('escapes pipes and folds newlines, so a title cannot break a heading or a table row', () => {
    expect(inline('Demo | trial\nsetup *now*')).toBe('Demo \\| trial setup \\*now\\*');
    const map = fullMap();
    map.name = 'Q3 | EMEA\nrelaunch';
    map.stages[0]!.name = 'Aware | ness\nstage';
    map.teams[0]!.name = 'Marketing | Brand';
    const markdown = markdownOf(map);
    expect(markdown.split('\n')[0]).toBe('# Q3 \\| EMEA relaunch — handoff agreement');
    const row = markdown.split('\n').find((line) => line.startsWith('| Aware'))!;
    expect(row).toBe('| Aware \\| ness stage | leads | supports | — | one lead for every touchpoint |');
    // Every row of the responsibility table has as many unescaped pipes as its header.
    const tableLines = markdown.split('\n').filter((line) => line.startsWith('| ') && line.includes('Ownership') === false).slice(0, 8);
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    const header = markdown.split('\n').find((line) => line.startsWith('| Stage | Marketing'))!;
    expect(header).toContain('Marketing \\| Brand');
    for (const line of tableLines.slice(1, 7)) expect(cells(line)).toBe(cells(header));
  });
});

const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('the handoff agreement as PDF', () => {
  it('is A4 portrait with the same text as the Markdown, and page numbers with the map name', async () => {
    const { data, fileName, mimeType } = await exportMap(fullMap(), 'agreement-pdf', { now: DATE });
    expect(fileName).toBe('Acme Analytics — enterprise journey — handoff agreement.pdf');
    expect(mimeType).toBe('application/pdf');
    const file = path.join(tempDir(), 'agreement.pdf');
    fs.writeFileSync(file, data);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const pages = Number(info.match(/Pages:\s+(\d+)/)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pdfText(file);
    for (const fact of FACTS) expect(text).toContain(fact);
    for (const words of ['Entry criteria (lead definition)', 'not agreed yet', 'Sales first does', 'Customer Success first does', 'Name', 'Signature', 'Date', 'Marketing (marketing team)', 'Customer Success (post-sale or other team)']) {
      expect(text).toContain(words);
    }
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text.split('Acme Analytics — enterprise journey — handoff agreement').length - 1).toBeGreaterThanOrEqual(pages);
  });

  it('keeps every line of text inside the margins, and repeats a table header on every page the table reaches', () => {
    const fonts = exportFonts();
    const map = fullMap();
    map.description = 'A long description that wraps. '.repeat(40);
    map.touchpoints[0]!.title = 'An extremely long touchpoint title that goes on and on about the many things this webinar covers for the buyer';
    for (let i = 0; i < 60; i++) {
      map.stages.push({ id: `extra-${i}`, name: `Expansion step ${i + 1}`, phase: 'growth', kpi: 'Net revenue retention above 110% for every account in the segment' });
      map.touchpoints.push({ id: `extra-tp-${i}`, stageId: `extra-${i}`, title: `Account review ${i + 1}`, ownerTeamIds: ['cs', 'sales'], supportTeamIds: [], promises: ['cancel any time'] });
    }
    const pages = layoutAgreement(buildAgreement(map, validate(map), { date: DATE }), fonts.measure);
    expect(pages.length).toBeGreaterThan(4);
    const { margin, width, height, footerBaseline } = A4_PAGE;
    for (const [index, page] of pages.entries()) {
      expect([page.width, page.height]).toEqual([width, height]);
      for (const shape of page.shapes) {
        if (shape.kind !== 'text') continue;
        const textWidth = fonts.measure(shape.text, shape.size, shape.bold);
        const left = shape.align === 'right' ? shape.x - textWidth : shape.x;
        const where = `page ${index + 1}: “${shape.text}”`;
        expect(left, where).toBeGreaterThanOrEqual(margin.left - 0.01);
        expect(left + textWidth, where).toBeLessThanOrEqual(width - margin.right + 0.01);
        if (shape.y === footerBaseline) continue;
        expect(shape.y - shape.size, where).toBeGreaterThanOrEqual(margin.top - 0.01);
        expect(shape.y, where).toBeLessThanOrEqual(height - margin.bottom);
      }
    }
    // The responsibility table runs over several pages: each of them starts with its header row.
    const withRows = pages.filter((page) => page.shapes.some((s) => s.kind === 'text' && /^Expansion step \d+$/.test(s.text) && s.bold));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) expect(page.shapes.some((s) => s.kind === 'text' && (s.text === 'Ownership' || s.text === 'KPI'))).toBe(true);
  });
});

describe('throughline export --agreement', () => {
  const captureIo = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
  };

  it('writes Markdown or PDF, chosen by the file name', async () => {
    const dir = tempDir();
    for (const [name, check] of [
      ['agreement.md', (data: Buffer) => expect(data.toString('utf8')).toContain('### 1. Marketing → Sales at Intent')],
      ['agreement.pdf', (data: Buffer) => expect(data.subarray(0, 5).toString()).toBe('%PDF-')],
    ] as const) {
      const { io, out, err } = captureIo();
      expect(await runCli(['export', fixture, '--agreement', path.join(dir, name)], io)).toBe(0);
      expect(err).toEqual([]);
      expect(out[0]).toMatch(new RegExp(`^Wrote .*${name.replace('.', '\\.')} \\(handoff agreement, (Markdown|PDF), \\d+ KiB\\)$`));
      check(fs.readFileSync(path.join(dir, name)));
    }
  });

  it('refuses any other extension with one line and writes nothing', async () => {
    const dir = tempDir();
    const { io, err } = captureIo();
    expect(await runCli(['export', fixture, '--agreement', path.join(dir, 'agreement.docx')], io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^throughline: --agreement writes Markdown or PDF: name a file ending in \.md or \.pdf \(got ".*agreement\.docx"\)$/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
