/** A table of the report: cells already written as text, so the HTML only escapes them. */
export interface ReportTable {
	title: string;
	/** One sentence on what the rows are and how they were counted; empty for none. */
	caption: string;
	columns: readonly { label: string; numeric?: boolean }[];
	rows: readonly (readonly string[])[];
}
