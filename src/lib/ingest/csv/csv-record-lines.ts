const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/** Where to find physical line numbers: data records by position among accepted rows, and byte offsets. */
export interface RecordLineRequest {
	/** 1-based positions among the records DuckDB accepted, ascending. */
	accepted_ordinals: number[];
	/**
	 * Byte offsets DuckDB gave for rejected records, ascending; each marks the record that contains it.
	 * (DuckDB's `line_byte_position` is the record start in CRLF files but one past it in LF files.)
	 */
	rejected_offsets: number[];
}

/**
 * Walks an RFC 4180 file once, the way DuckDB splits it (header first, empty lines skipped, quotes open
 * only at a field's start), and returns the 1-based physical line where each requested record starts.
 * DuckDB reports record numbers, not lines, so a text editor needs this to find a rejected row.
 */
export async function csvRecordLines(
	chunks: AsyncIterable<Uint8Array>,
	request: RecordLineRequest
): Promise<{
	ordinal_lines: Map<number, number>;
	offset_lines: Map<number, number>;
	/** The rejected offset whose record is still inside a quoted field at the end of the file, if any. */
	open_quote_offset: number | null;
}> {
	const ordinal_lines = new Map<number, number>();
	const offset_lines = new Map<number, number>();
	const rejected = request.rejected_offsets;
	let next_rejected = 0;
	const wanted = request.accepted_ordinals;
	let next_wanted = 0;

	let state = FIELD_START;
	let offset = 0;
	let line = 1;
	let record_start = 0;
	let record_line = 1;
	let record_empty = true;
	let is_header = true;
	let accepted = 0;

	const endRecord = (next_offset: number) => {
		let is_rejected = false;
		while (next_rejected < rejected.length && rejected[next_rejected] < next_offset) {
			if (rejected[next_rejected] >= record_start && !record_empty && !is_header) {
				offset_lines.set(rejected[next_rejected], record_line);
				is_rejected = true;
			}
			next_rejected++;
		}
		if (!record_empty) {
			if (is_header) is_header = false;
			else if (!is_rejected) {
				accepted++;
				while (next_wanted < wanted.length && wanted[next_wanted] === accepted) {
					ordinal_lines.set(accepted, record_line);
					next_wanted++;
				}
			}
		}
		record_start = next_offset;
		record_line = line;
		record_empty = true;
		state = FIELD_START;
	};

	for await (const chunk of chunks) {
		for (let index = 0; index < chunk.length; index++) {
			const byte = chunk[index];
			const position = offset + index;
			if (byte === NEWLINE) {
				line++;
				if (state !== QUOTED) {
					endRecord(position + 1);
					continue;
				}
			} else if (byte !== CARRIAGE_RETURN) {
				record_empty = false;
			}
			switch (state) {
				case FIELD_START:
					state = byte === QUOTE ? QUOTED : byte === COMMA || byte === CARRIAGE_RETURN ? FIELD_START : UNQUOTED;
					break;
				case UNQUOTED:
					if (byte === COMMA) state = FIELD_START;
					break;
				case QUOTED:
					if (byte === QUOTE) state = QUOTE_IN_QUOTED;
					break;
				case QUOTE_IN_QUOTED:
					state = byte === QUOTE ? QUOTED : byte === COMMA ? FIELD_START : UNQUOTED;
					break;
			}
		}
		offset += chunk.length;
	}
	let open_quote_offset: number | null = null;
	if (state === QUOTED) {
		for (let index = next_rejected; index < rejected.length && open_quote_offset === null; index++) {
			if (rejected[index] >= record_start) open_quote_offset = rejected[index];
		}
	}
	// One past the end: DuckDB's offset for a last record of one byte with no final newline is the file's length.
	endRecord(offset + 1);
	return { ordinal_lines, offset_lines, open_quote_offset };
}
