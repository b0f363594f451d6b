/**
 * One message after import, whatever the platform: the row shape of the canonical `messages` table.
 * Every format adapter maps its export onto this and nothing else.
 */
export interface CanonicalMessage {
	/** Unique within the dataset; null when the export has none (the loader generates one). */
	message_id: string | null;
	/** Wall-clock time in the dataset's time zone, `YYYY-MM-DD HH:MM:SS[.fff]`. */
	sent_at: string;
	author_id: string;
	author_name: string;
	/** `mentor`, `student` or another roster label; null = unknown. */
	role: string | null;
	text: string;
	/** `text`, `media`, `sticker`, `system`, … */
	kind: string;
	/** Likes/reactions on this message; null when the source has none. */
	likes: number | null;
	/** Explicit parent message id, when the export has one. */
	reply_to: string | null;
	/** Which file or channel the message came from. */
	source: string;
	/**
	 * 1-based line of the file where the message starts (for JSON, where its object starts; in a zip, in the
	 * file inside it), so a row rejected later (a duplicate) is reported at a real line. Not a table column.
	 */
	line?: number;
}

/** What a source can provide, so the dashboard can hide or label metrics instead of showing zeros. */
export interface SourceCapabilities {
	reply_ids: boolean;
	likes: boolean;
	stable_ids: boolean;
	timezone_aware: boolean;
}

/** A row of the file that could not be imported, with the 1-based line of the file where it starts. */
export interface RejectedRow {
	line: number;
	reason: string;
}

/** What the export says about a member that may suggest a role (a QQ group owner title, Discord role names). */
export interface MemberHint {
	author_id: string;
	/** Readable, e.g. `QQ group owner`, `Discord roles: Moderator`. */
	hint: string;
}

/** What an in-JS format adapter returns: messages plus every row it could not read. */
export interface ParsedExport {
	format: string;
	capabilities: SourceCapabilities;
	messages: CanonicalMessage[];
	rejected: RejectedRow[];
	/** Data rows (messages) the file holds: imported + rejected. */
	rows_in_file: number;
	/** Role hints, offered to the user as suggestions and never applied as roles. */
	member_hints?: MemberHint[];
}

/** What a streamed adapter knows only once it has read the whole file. */
export type ParsedExportEnd = Omit<ParsedExport, 'messages' | 'rejected'>;

/**
 * A part of a parsed export, in file order; the last one carries `end`. Rejected rows may come in any order (sort
 * them by line). When `end.capabilities.likes` is false, every message's likes is null, whatever its batch said.
 */
export interface ParsedBatch {
	messages: CanonicalMessage[];
	rejected: RejectedRow[];
	end?: ParsedExportEnd;
}
