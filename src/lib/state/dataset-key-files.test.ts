import { describe, expect, it } from 'vitest';
import { datasetKeyFiles } from './dataset-key-files';

describe('datasetKeyFiles(key)', () => {
	it('names each file of the key with its size in bytes, a colon in a file name included', () => {
		expect(datasetKeyFiles('group chat.csv:1048576|notes: 2021.txt:12')).toEqual([
			{ name: 'group chat.csv', size_bytes: 1_048_576 },
			{ name: 'notes: 2021.txt', size_bytes: 12 }
		]);
	});

	it('keeps a part without a size as the name alone', () => {
		expect(datasetKeyFiles('export.zip')).toEqual([{ name: 'export.zip', size_bytes: null }]);
	});
});
