/** The files a dataset key names (`name:size|name:size`, see the Dashboard's describe), to say which file a presentation needs. */
export function datasetKeyFiles(key: string): { name: string; size_bytes: number | null }[] {
	return key.split('|').map((part) => {
		const match = /^(.*):(\d+)$/.exec(part);
		return match ? { name: match[1], size_bytes: Number(match[2]) } : { name: part, size_bytes: null };
	});
}
