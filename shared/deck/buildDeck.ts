import type { JourneyMap } from '../model/journeyMap';
import type { Finding } from '../validate/types';
import type { MeasureText } from '../drawing/shapes';
import { MUTED } from '../drawing/theme';
import type { Deck, Slide } from './model';
import { SLIDE } from './model';
import { paragraph, textBox } from './parts';
import { titleSlide } from './titleSlide';
import { overviewSlides } from './overviewSlides';
import { stageSlides } from './stageSlides';
import { coverageSlides } from './coverageSlides';
import { findingsSlides, parkingLotSlides } from './listSlides';
import { voteSlides } from './voteSlides';

export interface DeckOptions {
  /** The export font's metrics: every line is broken with them, so both writers show the same lines. */
  measure: MeasureText;
  /** The export date, printed on the title slide. */
  date: Date;
  /** Told before each part of the deck is laid out (step of steps), for a progress bar; what is built does not change. */
  onProgress?: (step: number, steps: number, label: string) => void;
}

/**
 * The follow-up deck: title, the journey at a glance, one slide per stage (continued when long), the
 * coverage matrix, open findings, what the room voted for (when anything has dot votes) and the parking lot. The PDF and the PowerPoint file are both drawn from it.
 */
export function buildDeck(map: JourneyMap, findings: readonly Finding[], options: DeckOptions): Deck {
  const { measure } = options;
  // The overview, each stage, then coverage, findings and notes: the stages are where a big map spends its time.
  const steps = map.stages.length + 2;
  const progress = (step: number, label: string) => options.onProgress?.(step, steps, label);

  const slides: Slide[] = [titleSlide(map, findings, options.date, measure)];
  progress(0, 'the journey at a glance');
  slides.push(...overviewSlides(map, findings, measure));
  map.stages.forEach((stage, index) => {
    progress(1 + index, `stage ${index + 1} of ${map.stages.length}`);
    slides.push(...stageSlides(map, stage, index, findings, measure));
  });
  progress(steps - 1, 'coverage, findings and notes');
  slides.push(...coverageSlides(map, measure), ...findingsSlides(findings, measure), ...voteSlides(map, measure), ...parkingLotSlides(map, measure));

  // Footers, now that the slide count is known; the title slide has none.
  const footerName = paragraph(map.name, 600, { size: 10, color: MUTED, lineHeight: 14, maxLines: 1 }, measure);
  const footerY = SLIDE.height - 30;
  slides.forEach((slide, i) => {
    if (i === 0) return;
    slide.elements.push(
      textBox(SLIDE.margin, footerY, 600, [footerName], { role: 'footer' }),
      textBox(SLIDE.width - SLIDE.margin - 100, footerY, 100, [paragraph(`${i + 1} / ${slides.length}`, 100, { size: 10, color: MUTED, lineHeight: 14 }, measure)], { role: 'footer', align: 'right' }),
    );
  });
  return { width: SLIDE.width, height: SLIDE.height, slides };
}
