import type { JourneyMap } from '../../shared/model/journeyMap';
import { validate } from '../../shared/validate/validate';
import { buildAgreement } from '../../shared/agreement/buildAgreement';
import { agreementMarkdown } from '../../shared/agreement/markdown';
import { layoutAgreement } from '../../shared/agreement/pdfLayout';
import { exportFonts } from './fonts';
import { renderPdf } from './pdf';
import type { AgreementFormat } from '../../shared/agreement/agreement';

/**
 * The handoff agreement the map holds, as Markdown for a wiki or as an A4 PDF to sign. Both come from one
 * content model, built on the complete findings: an agreement lists every open point.
 */
export async function exportAgreement(map: JourneyMap, format: AgreementFormat, now: Date, report: (fraction: number, stage: string) => void): Promise<Buffer> {
  report(0, 'Checking the map');
  const agreement = buildAgreement(map, validate(map, { mode: 'complete' }), { date: now });
  if (format === 'agreement-md') return Buffer.from(agreementMarkdown(agreement), 'utf8');
  report(0.3, 'Laying out the agreement');
  const fonts = exportFonts();
  const pages = layoutAgreement(agreement, fonts.measure);
  return renderPdf(pages, fonts, { title: agreement.title, subject: 'Handoff agreement between marketing and sales', date: now }, (drawn, count) =>
    report(0.5 + (0.45 * drawn) / count, drawn < count ? `Drawing page ${drawn + 1} of ${count}` : 'Writing the PDF'),
  );
}

export const AGREEMENT_MIME: Record<AgreementFormat, string> = { 'agreement-pdf': 'application/pdf', 'agreement-md': 'text/markdown; charset=utf-8' };

/** "<map> — handoff agreement.pdf": the name says what the file is, beside the map's deck and JSON. */
export const agreementFileEnding = (format: AgreementFormat) => (format === 'agreement-md' ? ' — handoff agreement.md' : ' — handoff agreement.pdf');
