import fs from 'node:fs';
import { MAX_DOCUMENT_BYTES, parseDocumentText } from '../../shared/format/document';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { UsageError } from './io';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Reads and checks a map file; any problem becomes one line naming the file and, for content, the path in it. */
export function readMapFile(file: string): JourneyMap {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_DOCUMENT_BYTES) throw new UsageError(`${file} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB; that is not a journey map`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot read ${file}: ${REASONS[code] ?? (error as Error).message}`);
  }
  const parsed = parseDocumentText(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    const [first, ...rest] = parsed.problems;
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
    throw new UsageError(`${file} is not a valid journey map: ${first!.path}: ${first!.message}${more}`);
  }
  return parsed.map;
}
