// The baseline DuckDB is measured against (DESIGN.md "Performance"): papaparse streaming a Resonance CSV
// in Node, counting messages per month in JS. Prints the milliseconds it took.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const path = process.argv[2];
const start = performance.now();
const months = new Map<string, number>();
let timestamp_column = -1;
await new Promise<void>((resolve, reject) => {
	Papa.parse<string[]>(createReadStream(path), {
		step: ({ data }) => {
			if (timestamp_column < 0) {
				timestamp_column = data.indexOf('timestamp');
				return;
			}
			const month = data[timestamp_column]?.slice(0, 7);
			if (month) months.set(month, (months.get(month) ?? 0) + 1);
		},
		complete: () => resolve(),
		error: reject
	});
});
const elapsed = performance.now() - start;
console.error(`${[...months.values()].reduce((sum, count) => sum + count, 0)} messages in ${months.size} months`);
console.log(elapsed.toFixed(0));
