import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSampleCommunity } from '../src/lib/sample/generate-sample-community';

const out_dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'static', 'sample');
const sample = generateSampleCommunity();
await mkdir(out_dir, { recursive: true });
await Promise.all([
	writeFile(join(out_dir, 'community.csv'), sample.csv),
	writeFile(join(out_dir, 'roster.csv'), sample.roster_csv),
	writeFile(join(out_dir, 'settings.json'), JSON.stringify(sample.settings, null, '\t') + '\n')
]);
console.log(`sample community written to ${out_dir}`);
