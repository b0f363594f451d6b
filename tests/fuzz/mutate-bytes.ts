/** One damage done to a file; `at` is a fraction of the file's length, so it fits any file. */
export type ByteMutation =
	| { op: 'truncate'; at: number }
	| { op: 'insert'; at: number; bytes: number[] }
	| { op: 'flip'; at: number; mask: number }
	| { op: 'delete'; at: number; length: number }
	| { op: 'duplicate-line'; at: number };

/** `bytes` with each mutation applied in order (the input is not changed). */
export function mutateBytes(bytes: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
	let out = Array.from(bytes);
	for (const mutation of mutations) {
		const at = Math.min(out.length, Math.floor(mutation.at * (out.length + 1)));
		switch (mutation.op) {
			case 'truncate':
				out = out.slice(0, at);
				break;
			case 'insert':
				out.splice(at, 0, ...mutation.bytes);
				break;
			case 'flip':
				if (at < out.length) out[at] ^= mutation.mask;
				break;
			case 'delete':
				out.splice(at, mutation.length);
				break;
			case 'duplicate-line': {
				const start = out.lastIndexOf(0x0a, at - 1) + 1;
				let end = out.indexOf(0x0a, at);
				end = end === -1 ? out.length : end + 1;
				out.splice(end, 0, ...out.slice(start, end));
				break;
			}
		}
	}
	return Uint8Array.from(out);
}
