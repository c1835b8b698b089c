import { AGREEMENT_FORMAT_NAME, isAgreementFormat } from './agreement/agreement';

/** How messages and progress name an export: "PDF", "PowerPoint", "agreement (Markdown)". */
export function exportFormatName(format: string): string {
  if (isAgreementFormat(format)) return AGREEMENT_FORMAT_NAME[format];
  if (format === 'pptx') return 'PowerPoint';
  return format.toUpperCase();
}
