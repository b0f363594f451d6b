import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField } from './csv-field';

describe('csvField', () => {
	it('leaves plain fields unquoted', () => {
		expect(csvField('今天的病例讨论')).toBe('今天的病例讨论');
		expect(csvField('')).toBe('');
	});

	it('quotes commas, quotes and line breaks and round-trips through papaparse', () => {
		const values = ['a,b', 'say "hi"', 'line one\nline two', 'cr\r\nlf', '"'];
		const line = values.map(csvField).join(',');
		expect(line.startsWith('"a,b","say ""hi""",')).toBe(true);
		expect(Papa.parse<string[]>(line).data[0]).toEqual(values);
	});
});
