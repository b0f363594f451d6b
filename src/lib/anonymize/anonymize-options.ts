/** What the anonymizer replaces in message text, each a choice; author names and ids always become codes. */
export interface AnonymizeOptions {
	/** Members' names and platform ids, and `@mentions`, in text → member codes (unknown mentions get codes of their own). */
	scrub_names_in_text: boolean;
	/** A capitalised first or last name of one member (`Budi` of `Budi Santoso`), matched with its case, → that member's code. */
	scrub_name_parts: boolean;
	scrub_urls: boolean;
	scrub_emails: boolean;
	scrub_phones: boolean;
	/** QQ numbers (any free-standing 5–11 digit number) and WeChat ids (`wxid_…`, or after 微信/vx/wx). */
	scrub_platform_ids: boolean;
}

export const DEFAULT_ANONYMIZE_OPTIONS: AnonymizeOptions = {
	scrub_names_in_text: true,
	scrub_name_parts: true,
	scrub_urls: true,
	scrub_emails: true,
	scrub_phones: true,
	scrub_platform_ids: true
};
