import fs from 'node:fs';
import path from 'node:path';
import { MAX_DOCUMENT_BYTES, parseDocumentText, type ParseResult } from '../../shared/format/document';
import { mapNameFromFileName, parseCsvMap } from '../../shared/format/csvImport';
import { describeGuess } from '../../shared/format/csvColumns';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { UsageError } from './io';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * Reads and checks a map file, JSON or (by its .csv extension) CSV; any problem becomes one line naming the file
 * and, for content, the path in it (or the row and column of a CSV). What a CSV import guessed goes to `onNote`.
 */
export function readMapFile(file: string, onNote: (line: string) => void = () => {}): JourneyMap {
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
  const parsed: ParseResult = path.extname(file).toLowerCase() === '.csv' ? readCsv(file, text, onNote) : parseDocumentText(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    const [first, ...rest] = parsed.problems;
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
    throw new UsageError(`${file} is not a valid journey map: ${first!.path}: ${first!.message}${more}`);
  }
  return parsed.map;
}

function readCsv(file: string, text: string, onNote: (line: string) => void): ParseResult {
  const parsed = parseCsvMap(text, { mapName: mapNameFromFileName(file) });
  if (!parsed.ok) return parsed;
  for (const guess of parsed.guesses) onNote(`${file}: ${describeGuess(guess)}`);
  for (const column of parsed.ignoredColumns) onNote(`${file}: column “${column}” ignored (not a column Throughline reads)`);
  return { ok: true, map: parsed.map };
}
