import type { JourneyMap } from '../model/journeyMap';
import type { Stage } from '../model/stage';
import { PHASE_LABELS } from '../model/stage';
import type { Finding, Severity } from '../validate/types';
import { teamColor, UNOWNED_COLOR } from '../layout/teamColors';
import { laneTeamIdOf } from '../model/lanes';
import type { MeasureText } from '../drawing/shapes';
import { INK, LINE, MUTED, SEVERITY_COLOR, SEVERITY_LABEL, SURFACE, shade, tint } from '../drawing/theme';
import type { DeckElement, Slide } from './model';
import { SLIDE, textHeight } from './model';
import { heading, paragraph, textBox, worstOf } from './parts';
import { linesBesideTag, voteTag, voteTagWidth } from './voteSlides';

const LEFT_WIDTH = 530;
const RIGHT_X = SLIDE.margin + LEFT_WIDTH + 30;
const RIGHT_WIDTH = SLIDE.width - SLIDE.margin - RIGHT_X;

/** A piece of a stage slide's column, laid out once and placed wherever the column has room. */
interface Block {
  height: number;
  place: (x: number, y: number) => DeckElement[];
}

/**
 * One slide per stage — its touchpoints by leading team, its handoffs, its findings — continued on further
 * slides when it holds more than fits. The speaker notes carry the stage's goal, KPI and findings.
 */
export function stageSlides(map: JourneyMap, stage: Stage, index: number, findings: readonly Finding[], measure: MeasureText): Slide[] {
  const teamIds = new Set(map.teams.map((t) => t.id));
  const teamNames = new Map(map.teams.map((t) => [t.id, t.name]));
  const cards = map.touchpoints.filter((t) => t.stageId === stage.id);
  const handoffs = map.handoffs.filter((h) => h.stageId === stage.id);
  const inStage = new Set([stage.id, ...cards.map((c) => c.id), ...handoffs.map((h) => h.id)]);
  const stageFindings = findings.filter((f) => f.targetIds.some((id) => inStage.has(id)));
  // Each card's most severe finding, from one pass over the stage's findings (not one pass per card).
  const worst = new Map<string, Severity>();
  for (const f of stageFindings) for (const id of f.targetIds) worst.set(id, worstOf([worst.get(id), f.severity])!);

  const left: Block[] = [];
  const lanes = [...map.teams.map((t, i) => ({ id: t.id as string | null, name: t.name, color: teamColor(t, i) })), { id: null, name: 'No lead', color: UNOWNED_COLOR }];
  for (const lane of lanes) {
    const inLane = cards.filter((t) => (laneTeamIdOf(t, teamIds) ?? null) === lane.id);
    if (inLane.length === 0) continue;
    left.push({
      height: 32,
      place: (x, y) => [
        { kind: 'box', role: 'swatch', x, y: y + 5, w: 15, h: 15, radius: 3, fill: lane.color },
        textBox(x + 23, y + 2, LEFT_WIDTH - 23, [paragraph(`${lane.name} leads`, LEFT_WIDTH - 23, { size: 16, bold: true, color: shade(lane.color, 0.2), lineHeight: 21, maxLines: 1 }, measure)]),
      ],
    });
    for (const card of inLane) {
      const leads = card.ownerTeamIds.map((id) => teamNames.get(id)).filter(Boolean) as string[];
      const supporters = card.supportTeamIds.map((id) => teamNames.get(id)).filter(Boolean) as string[];
      const details = [
        card.channel,
        leads.length > 1 ? `contested: ${leads.join(' and ')} all lead` : undefined,
        supporters.length ? `supported by ${supporters.join(', ')}` : 'no supporting team',
        card.promises.length ? `promises ${card.promises.map((p) => `“${p}”`).join(', ')}` : undefined,
      ].filter(Boolean).join(' · ');
      const severity = worst.get(card.id);
      const textW = LEFT_WIDTH - 2 * 10 - (severity ? 22 : 0);
      const title = paragraph(card.title, textW, { size: 15, bold: true, color: INK, lineHeight: 19, maxLines: 2 }, measure);
      // A voted card's first line leaves room for its count ("● 3").
      if (card.votes) title.lines = linesBesideTag(card.title, voteTagWidth(card.votes, 15, measure), textW, 15, true, 2, measure);
      const text = {
        paragraphs: [
          title,
          paragraph(details, textW, { size: 12, color: MUTED, lineHeight: 16, maxLines: 2 }, measure),
        ],
        inset: 7,
      };
      const h = textHeight(text);
      left.push({
        height: h + 8,
        place: (x, y) => [
          { kind: 'box', role: 'card', x, y, w: LEFT_WIDTH, h, radius: 6, fill: SURFACE, stroke: tint(lane.color, 0.35), strokeWidth: 1, text: { ...text, inset: 7 } },
          ...(severity ? [{ kind: 'badge' as const, severity, x: x + LEFT_WIDTH - 24, y: y + 7, size: 14 }] : []),
          ...(card.votes ? [voteTag(card.votes, x + 7 + textW, y + 7, 15, 19, measure)] : []),
        ],
      });
    }
  }
  if (cards.length === 0) {
    left.push({ height: 40, place: (x, y) => [textBox(x, y + 6, LEFT_WIDTH, [paragraph('No touchpoints: the buyer is on their own in this stage.', LEFT_WIDTH, { size: 14, bold: true, color: SEVERITY_COLOR.error }, measure)])] });
  }

  const right: Block[] = [];
  const sectionTitle = (title: string): Block => ({
    height: 26,
    place: (x, y) => [
      textBox(x, y + 2, RIGHT_WIDTH, [paragraph(title.toUpperCase(), RIGHT_WIDTH, { size: 11, bold: true, color: MUTED, lineHeight: 16, maxLines: 1 }, measure)]),
      { kind: 'line', from: [x, y + 21], to: [x + RIGHT_WIDTH, y + 21], color: LINE, width: 1 },
    ],
  });
  if (handoffs.length) {
    right.push(sectionTitle('Handoffs'));
    for (const h of handoffs) {
      const route = `${teamNames.get(h.fromTeamId) ?? 'Unknown team'} → ${teamNames.get(h.toTeamId) ?? 'Unknown team'}`;
      const box = textBox(0, 0, RIGHT_WIDTH, [
        paragraph(route, RIGHT_WIDTH, { size: 14, bold: true, color: INK, lineHeight: 19, maxLines: 1 }, measure),
        paragraph(h.criteria ? `Criteria: ${h.criteria}` : 'No entry criteria yet', RIGHT_WIDTH - 10, { size: 12, color: h.criteria ? INK : '#b45309', lineHeight: 16, maxLines: 3 }, measure),
        paragraph(h.slaHours !== undefined ? `Response within ${h.slaHours} h` : 'No response time (SLA) agreed', RIGHT_WIDTH, { size: 12, color: MUTED, lineHeight: 16, maxLines: 1 }, measure),
      ]);
      right.push({ height: box.h + 10, place: (x, y) => [{ ...box, x, y }] });
    }
  }
  right.push(sectionTitle(stageFindings.length ? `Findings (${stageFindings.length})` : 'Findings'));
  if (stageFindings.length === 0) right.push({ height: 22, place: (x, y) => [textBox(x, y, RIGHT_WIDTH, [paragraph('None in this stage.', RIGHT_WIDTH, { size: 12, color: MUTED, lineHeight: 16 }, measure)])] });
  for (const f of stageFindings) {
    const box = textBox(0, 0, RIGHT_WIDTH - 22, [paragraph(f.message, RIGHT_WIDTH - 24, { size: 12, color: INK, lineHeight: 16, maxLines: 4 }, measure)]);
    right.push({ height: box.h + 10, place: (x, y) => [{ kind: 'badge', severity: f.severity, x, y: y + 2, size: 13 }, { ...box, x: x + 22, y }] });
  }

  // Fill both columns slide by slide until every block is placed.
  const pages: DeckElement[][] = [];
  let li = 0;
  let ri = 0;
  while (pages.length === 0 || li < left.length || ri < right.length) {
    const elements: DeckElement[] = [];
    const fill = (blocks: Block[], start: number, x: number) => {
      let i = start;
      let y = SLIDE.top;
      // A block taller than a slide still gets one of its own, so the loop always moves on.
      while (i < blocks.length && (y + blocks[i]!.height <= SLIDE.bottom || y === SLIDE.top)) {
        elements.push(...blocks[i]!.place(x, y));
        y += blocks[i]!.height;
        i++;
      }
      return i;
    };
    li = fill(left, li, SLIDE.margin);
    ri = fill(right, ri, RIGHT_X);
    pages.push(elements);
  }

  const subtitle = [`Stage ${index + 1} of ${map.stages.length}`, PHASE_LABELS[stage.phase] !== stage.name ? PHASE_LABELS[stage.phase] : undefined, stage.goal ? `Goal: ${stage.goal}` : undefined, stage.kpi ? `KPI: ${stage.kpi}` : undefined]
    .filter(Boolean)
    .join(' · ');
  const notes = speakerNotes(stage, stageFindings);
  return pages.map((elements, i) => ({
    kind: 'stage',
    notes,
    elements: [
      ...heading(pages.length > 1 ? `${stage.name} (${i + 1}/${pages.length})` : stage.name, subtitle, measure),
      { kind: 'line', from: [RIGHT_X - 15, SLIDE.top], to: [RIGHT_X - 15, SLIDE.bottom], color: LINE, width: 1 },
      ...elements,
    ],
  }));
}

/** What the presenter needs to say about a stage, in full (the slide may shorten it). */
function speakerNotes(stage: Stage, findings: readonly Finding[]): string {
  return [
    `Goal: ${stage.goal || 'none agreed yet'}`,
    `KPI: ${stage.kpi || 'none agreed yet'}`,
    findings.length ? `Findings (${findings.length}):` : 'Findings: none in this stage.',
    ...findings.map((f) => `${SEVERITY_LABEL[f.severity]}: ${f.message}`),
  ].join('\n');
}
