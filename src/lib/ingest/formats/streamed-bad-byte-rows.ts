import type { CanonicalMessage, RejectedRow } from '../canonical-message';
import type { BadByte } from '../text/decode-text';

interface RowStartGroup {
	line: number;
	/** The first message starting on this line (the one `rejectBadByteRows` picks), unless a rejected row starts there too. */
	first_message: HeldMessage | null;
	has_rejected_row: boolean;
}

interface HeldMessage {
	message: CanonicalMessage;
	reason: string | null;
}

/**
 * `rejectBadByteRows` for an adapter that reads a file front to back: a bad byte rejects the message that starts
 * last at or before its line, which is known only once every row starting on that line has been seen, so
 * messages are held back until no bad byte still unplaced can belong to them.
 */
export class StreamedBadByteRows {
	private unplaced: BadByte[] = [];
	private next_unplaced = 0;
	private held: HeldMessage[] = [];
	private groups: RowStartGroup[] = [];
	private rejected: RejectedRow[] = [];

	/** Bad bytes of text decoded so far, in line order. */
	addBadBytes(bad_bytes: BadByte[]): void {
		for (const bad of bad_bytes) this.unplaced.push(bad);
	}

	/** The next row of the file (rows come in line order): a message, or a rejected row. */
	addRow(line: number, message: CanonicalMessage | null, rejected?: RejectedRow): void {
		let group = this.groups[this.groups.length - 1];
		if (!group || group.line !== line) {
			group = { line, first_message: null, has_rejected_row: false };
			this.groups.push(group);
		}
		if (message) {
			const held: HeldMessage = { message, reason: null };
			this.held.push(held);
			group.first_message ??= held;
		} else {
			group.has_rejected_row = true;
			if (rejected) this.rejected.push(rejected);
		}
	}

	/**
	 * Places the bad bytes that lie before `line` (every row starting before it has been added) and returns the
	 * messages and rejected rows that nothing unplaced can change any more.
	 */
	release(line: number): { messages: CanonicalMessage[]; rejected: RejectedRow[] } {
		while (this.next_unplaced < this.unplaced.length && this.unplaced[this.next_unplaced].line < line) this.place(this.unplaced[this.next_unplaced++]);
		this.unplaced = this.unplaced.slice(this.next_unplaced);
		this.next_unplaced = 0;
		// A bad byte placed later lies at `line` or after: its row is the last group starting before `line`, or a later one.
		let keep_from = this.groups.length;
		while (keep_from > 0 && this.groups[keep_from - 1].line >= line) keep_from--;
		keep_from = Math.max(0, keep_from - 1);
		const first_kept_line = line === Infinity ? Infinity : (this.groups[keep_from]?.line ?? Infinity);
		this.groups = this.groups.slice(keep_from);
		let release_count = 0;
		while (release_count < this.held.length && (this.held[release_count].message.line ?? 0) < first_kept_line) release_count++;
		const released = this.held.slice(0, release_count);
		this.held = this.held.slice(release_count);
		const messages: CanonicalMessage[] = [];
		for (const held of released) {
			if (held.reason === null) messages.push(held.message);
			else this.rejected.push({ line: held.message.line ?? 0, reason: held.reason });
		}
		const rejected = this.rejected;
		this.rejected = [];
		return { messages, rejected };
	}

	/** Everything still held, once the whole file has been read. */
	finish(): { messages: CanonicalMessage[]; rejected: RejectedRow[] } {
		return this.release(Infinity);
	}

	private place(bad: BadByte): void {
		let group: RowStartGroup | undefined;
		for (let index = this.groups.length - 1; index >= 0; index--) {
			if (this.groups[index].line <= bad.line) {
				group = this.groups[index];
				break;
			}
		}
		const owner = group && !group.has_rejected_row ? group.first_message : null;
		if (!owner || owner.reason !== null) return;
		const byte = `0x${bad.byte.toString(16).padStart(2, '0').toUpperCase()}`;
		const where = bad.line === group!.line ? `column ${bad.column}` : `line ${bad.line}, column ${bad.column}`;
		owner.reason = `not valid UTF-8 (byte ${byte} at ${where})`;
	}
}
