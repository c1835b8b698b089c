import { countBySeverity, findingsForJson, validate } from '../../shared/validate/validate';
import { readMapFile } from './readMapFile';
import { EXIT, type CommandIo } from './io';

/** `throughline validate FILE [--json]`: 0 without error findings, 1 with, 2 for an unreadable or invalid file. */
export function validateCommand(file: string, options: { json: boolean }, io: CommandIo): number {
  // What a CSV import had to guess goes to stderr, so --json output stays clean JSON.
  const map = readMapFile(file, io.err);
  // Every rule, always: a map checked from the command line is judged as it will be presented.
  const findings = validate(map, { mode: 'complete' });
  const counts = countBySeverity(findings);
  if (options.json) {
    io.out(JSON.stringify(findingsForJson(findings), null, 2));
  } else {
    for (const f of findings) io.out(`${f.severity.padEnd(7)} ${f.ruleId.padEnd(30)} ${f.message}`);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    io.out(`${map.name}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`);
  }
  return counts.error > 0 ? EXIT.findings : EXIT.ok;
}
