import Papa from 'papaparse';

/** One message of the sample community's Resonance CSV, its time the group's Asia/Shanghai wall clock. */
export interface SampleMessageRow {
	message_id: string;
	timestamp: string;
	author: string;
	role: string;
	text: string;
	kind: string;
}

/** The messages of the sample community's Resonance CSV (`generateSampleCommunity().csv`), in file order. */
export function sampleMessageRows(csv: string): SampleMessageRow[] {
	return Papa.parse<SampleMessageRow>(csv, { header: true, skipEmptyLines: true }).data;
}
