type State = 'start' | 'key' | 'colon' | 'value' | 'after-value' | 'item' | 'after-item' | 'end';

export interface StreamedJsonEvents {
	/** A member's value (other than the streamed array) begins; `value` follows once it has been read whole. */
	valueStart?(key: string): void;
	/** A member of the root object (other than the streamed array), as JSON text. */
	value(key: string, json: string): void;
	/** The streamed array opens (once per `array_key` member: JSON allows a key twice). */
	arrayStart(): void;
	/** An element of the streamed array, as JSON text, and the 1-based line where it starts. */
	item(json: string, line: number): void;
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Reads a JSON object from pieces of its text, front to back: each member's value is handed over whole, except the
 * array under `array_key`, whose elements are handed over one at a time, so only one element is held at a time.
 * It checks the object's and the array's punctuation; `JSON.parse` checks each value. Throws a one-line reason
 * (with the line) at the first thing that is not JSON.
 */
export class StreamedJsonObject {
	private buffer = '';
	private at = 0;
	private line = 1;
	private state: State = 'start';
	private may_close = false;
	private key = '';
	// The value being read: where it starts, its line, and how far it has been scanned.
	private value_start = -1;
	private value_line = 0;
	private scanned = 0;
	private depth = 0;
	private in_string = false;
	private escaped = false;

	constructor(
		private readonly array_key: string,
		private readonly events: StreamedJsonEvents
	) {}

	/** Every row that starts before this line has been handed over. */
	get settled_line(): number {
		return this.value_start >= 0 ? this.value_line : this.line;
	}

	push(text: string): void {
		const drop = this.value_start >= 0 ? this.value_start : this.at;
		this.buffer = this.buffer.slice(drop) + text;
		this.at -= drop;
		if (this.value_start >= 0) {
			this.value_start -= drop;
			this.scanned -= drop;
		}
		this.run(false);
	}

	/** The text has ended: throws unless it held one whole object. */
	end(): void {
		this.run(true);
		if (this.state !== 'end') throw new Error(`the text ends at line ${this.line} before the JSON does`);
	}

	private run(final: boolean): void {
		const text = this.buffer;
		while (this.at < text.length || (final && this.value_start >= 0)) {
			if (this.value_start >= 0) {
				const end = this.scanValue(final);
				if (end < 0) return;
				const json = text.slice(this.value_start, end);
				const line = this.value_line;
				this.value_start = -1;
				this.at = end;
				if (this.state === 'item') {
					this.state = 'after-item';
					this.events.item(json, line);
				} else {
					this.state = 'after-value';
					this.events.value(this.key, json);
				}
				continue;
			}
			const code = text.charCodeAt(this.at);
			if (code === NEWLINE) {
				this.line++;
				this.at++;
				continue;
			}
			if (code === 0x20 || code === 0x09 || code === 0x0d || (code === 0xfeff && this.state === 'start' && this.at === 0)) {
				this.at++;
				continue;
			}
			switch (this.state) {
				case 'start':
					this.expect(code, 0x7b);
					this.state = 'key';
					this.may_close = true;
					break;
				case 'key': {
					if (code === 0x7d && this.may_close) {
						this.state = 'end';
						this.at++;
						break;
					}
					if (code !== QUOTE) this.unexpected(code);
					const end = this.stringEnd(this.at);
					if (end < 0) return;
					this.key = JSON.parse(text.slice(this.at, end)) as string;
					this.at = end;
					this.state = 'colon';
					break;
				}
				case 'colon':
					this.expect(code, 0x3a);
					this.state = 'value';
					break;
				case 'value':
					if (this.key === this.array_key && code === 0x5b) {
						this.at++;
						this.state = 'item';
						this.may_close = true;
						this.events.arrayStart();
					} else {
						this.startValue(code);
						this.events.valueStart?.(this.key);
					}
					break;
				case 'item':
					if (code === 0x5d && this.may_close) {
						this.at++;
						this.state = 'after-value';
					} else this.startValue(code);
					break;
				case 'after-item':
					if (code === 0x2c) {
						this.state = 'item';
						this.may_close = false;
					} else this.expect(code, 0x5d, 'after-value');
					this.at += code === 0x2c ? 1 : 0;
					break;
				case 'after-value':
					if (code === 0x2c) {
						this.state = 'key';
						this.may_close = false;
						this.at++;
					} else {
						this.expect(code, 0x7d);
						this.state = 'end';
					}
					break;
				case 'end':
					this.unexpected(code);
			}
		}
	}

	private expect(code: number, wanted: number, next?: State): void {
		if (code !== wanted) this.unexpected(code);
		this.at++;
		if (next) this.state = next;
	}

	private unexpected(code: number): never {
		throw new Error(`unexpected ${JSON.stringify(String.fromCharCode(code))} at line ${this.line}`);
	}

	private startValue(code: number): void {
		if (code === 0x2c || code === 0x5d || code === 0x7d || code === 0x3a) this.unexpected(code);
		this.value_start = this.at;
		this.value_line = this.line;
		this.scanned = this.at;
		this.depth = 0;
		this.in_string = false;
		this.escaped = false;
	}

	/** The end of the value being read, or -1 when the text so far ends inside it. Counts the lines it passes. */
	private scanValue(final: boolean): number {
		const text = this.buffer;
		const first = text.charCodeAt(this.value_start);
		const container = first === 0x7b || first === 0x5b;
		if (!container && first !== QUOTE) {
			let at = this.scanned;
			while (at < text.length && !isDelimiter(text.charCodeAt(at))) at++;
			this.scanned = at;
			return at < text.length || final ? at : -1;
		}
		let at = this.scanned;
		while (at < text.length) {
			const code = text.charCodeAt(at++);
			if (code === NEWLINE) this.line++;
			if (this.in_string) {
				if (this.escaped) this.escaped = false;
				else if (code === BACKSLASH) this.escaped = true;
				else if (code === QUOTE) {
					this.in_string = false;
					if (!container) return at;
				}
			} else if (code === QUOTE) this.in_string = true;
			else if (code === 0x7b || code === 0x5b) this.depth++;
			else if ((code === 0x7d || code === 0x5d) && --this.depth === 0) return at;
		}
		this.scanned = at;
		if (final) throw new Error(`the text ends at line ${this.line} inside a value that starts at line ${this.value_line}`);
		return -1;
	}

	/** The index after the string (a key) opening at `start`, or -1 when the text so far ends inside it. */
	private stringEnd(start: number): number {
		const text = this.buffer;
		let escaped = false;
		for (let at = start + 1; at < text.length; at++) {
			const code = text.charCodeAt(at);
			if (escaped) escaped = false;
			else if (code === BACKSLASH) escaped = true;
			else if (code === QUOTE) return at + 1;
		}
		return -1;
	}
}

function isDelimiter(code: number): boolean {
	return code === 0x2c || code === 0x5d || code === 0x7d || code === 0x20 || code === NEWLINE || code === 0x0d || code === 0x09;
}
