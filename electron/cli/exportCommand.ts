import fs from 'node:fs';
import path from 'node:path';
import { exportMap, type ExportFormat } from '../export/exporter';
import { readMapFile } from './readMapFile';
import { EXIT, UsageError, type CommandIo } from './io';
import { withAgreementFormat, writtenFormatName } from './agreementOption';

/** Writes next to the target, then renames, so a failed export never leaves half a file behind. */
function writeAtomically(file: string, data: Buffer): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
  }
}

/** `throughline export FILE --pdf OUT --png OUT --svg OUT`: the same drawing the app exports, without a window. */
export async function exportCommand(file: string, outputs: Partial<Record<ExportFormat | 'agreement', string>>, io: CommandIo): Promise<number> {
  const targets = Object.entries(outputs).map(withAgreementFormat).filter(([, out]) => out) as [ExportFormat, string][];
  if (targets.length === 0) throw new UsageError('export needs at least one of --pdf OUT, --pptx OUT, --png OUT, --svg OUT, --csv OUT, --agreement OUT');
  const map = readMapFile(file, io.err);
  for (const [format, out] of targets) {
    const exported = await exportMap(map, format);
    writeAtomically(out, exported.data);
    io.out(`Wrote ${out} (${writtenFormatName(format)}, ${Math.max(1, Math.round(exported.data.length / 1024))} KiB)`);
  }
  return EXIT.ok;
}
