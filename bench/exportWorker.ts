import fs from 'node:fs';
import { exportMap } from '../electron/export/exporter';
import { readMapFile } from '../electron/cli/readMapFile';

// Runs in its own process so its peak memory is the export's alone: prints {ms, pages, maxRssMb}.
async function main() {
  const [file, out] = process.argv.slice(2);
  const map = readMapFile(file!);
  const start = performance.now();
  const pdf = await exportMap(map, 'pdf');
  const ms = performance.now() - start;
  fs.writeFileSync(out!, pdf.data);
  const pages = (pdf.data.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  console.log(JSON.stringify({ ms, pages, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}
void main();
