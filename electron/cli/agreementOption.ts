import path from 'node:path';
import type { AgreementFormat } from '../../shared/agreement/agreement';
import { UsageError } from './io';

/** `--agreement OUT`: the file's extension chooses Markdown or PDF; anything else is a usage error, before any work. */
export function agreementFormatFor(out: string): AgreementFormat {
  const extension = path.extname(out).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return 'agreement-md';
  if (extension === '.pdf') return 'agreement-pdf';
  throw new UsageError(`--agreement writes Markdown or PDF: name a file ending in .md or .pdf (got "${out}")`);
}

/** Turns the `agreement` option into the export format its file name asks for; other options pass through. */
export function withAgreementFormat([option, out]: [string, string | undefined]): [string, string | undefined] {
  return option === 'agreement' && out ? [agreementFormatFor(out), out] : [option, out];
}

/** How the CLI reports a written file: "PDF", "handoff agreement, Markdown". */
export function writtenFormatName(format: string): string {
  if (format === 'agreement-md') return 'handoff agreement, Markdown';
  if (format === 'agreement-pdf') return 'handoff agreement, PDF';
  return format.toUpperCase();
}
