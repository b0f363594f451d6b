import type { ColumnMapping } from '../ingest/csv/column-mapping';
import { fileImportSource } from '../ingest/file-import-source';
import type { ImportSource } from '../ingest/import-source';
import type { RosterEntry } from '../ingest/parse-roster';

/** A dataset as the dashboard loaded it: enough to load it again exactly. */
export interface DatasetToKeep {
	label: string;
	key: string;
	without_text: boolean;
	files: { source: ImportSource; mapping?: ColumnMapping }[];
	roster?: RosterEntry[];
}

interface Manifest {
	version: 1;
	dataset: {
		label: string;
		key: string;
		without_text: boolean;
		files: { name: string; stored_as: string; size_bytes: number; mapping?: ColumnMapping }[];
		roster?: RosterEntry[];
	} | null;
}

export type KeepAvailability = { state: 'checking' } | { state: 'available' } | { state: 'unavailable'; reason: string };

const FOLDER = 'resonance-kept';
const MANIFEST = 'manifest.json';

/**
 * The opt-in copy of the loaded files in the browser's Origin Private File System, so a reload can reopen
 * the dataset without the files. Nothing is written before the person opts in; opting in writes a manifest
 * (the choice itself), and each later user dataset replaces the files kept before it. DuckDB's database
 * stays in memory: keeping the source files is simpler and survives DuckDB upgrades.
 */
export class KeptDatasetStore {
	availability = $state<KeepAvailability>({ state: 'checking' });
	/** The person opted in (a manifest exists). */
	enabled = $state(false);
	/** What is kept now, if anything. */
	kept = $state<{ label: string; key: string; bytes: number } | null>(null);
	/** This site's storage use and quota (navigator.storage.estimate), when the browser says. */
	usage = $state<{ used_bytes: number; quota_bytes: number } | null>(null);
	busy = $state(false);
	/** What the last keep or wipe did, in a sentence. */
	message = $state<string | null>(null);
	#queue: Promise<unknown> = Promise.resolve();

	/** Checks that the browser can keep files here and reads what is kept; returns it ready to load, or null. */
	async open(): Promise<DatasetToKeep | null> {
		const root = await this.#root();
		if (!root) return null;
		const manifest = await readManifest(root);
		this.enabled = manifest !== null;
		await this.#estimate();
		if (!manifest?.dataset) return null;
		const { dataset } = manifest;
		try {
			const folder = await root.getDirectoryHandle(FOLDER);
			const files = await Promise.all(
				dataset.files.map(async (file) => {
					const stored = await (await folder.getFileHandle(file.stored_as)).getFile();
					if (stored.size !== file.size_bytes) throw new Error(`${file.name} is incomplete (${stored.size} of ${file.size_bytes} bytes)`);
					return { source: fileImportSource(new File([stored], file.name)), mapping: file.mapping };
				})
			);
			this.kept = { label: dataset.label, key: dataset.key, bytes: sum(dataset.files.map((file) => file.size_bytes)) };
			return { label: dataset.label, key: dataset.key, without_text: dataset.without_text, files, roster: dataset.roster };
		} catch (error) {
			this.message = `The dataset kept in this browser could not be read (${errorText(error)}); it was wiped.`;
			await this.#removeFolder(root);
			await this.#writeManifest(root, { version: 1, dataset: null });
			return null;
		}
	}

	/** Opts in: from now on the loaded dataset is kept; `current` (a user dataset on screen) is kept at once. */
	enable(current: DatasetToKeep | null): Promise<void> {
		return this.#serial(async () => {
			const root = await this.#root();
			if (!root) return;
			this.enabled = true;
			if (current) await this.#keepNow(root, current);
			else {
				await this.#writeManifest(root, { version: 1, dataset: null });
				this.message = 'The next dataset you open will be kept in this browser.';
			}
		});
	}

	/** Keeps `dataset` in place of what was kept, when the person opted in; does nothing otherwise. */
	keep(dataset: DatasetToKeep): Promise<void> {
		if (!this.enabled || this.kept?.key === dataset.key) return Promise.resolve();
		return this.#serial(async () => {
			const root = await this.#root();
			if (root && this.enabled) await this.#keepNow(root, dataset);
		});
	}

	/** Removes everything kept (files, mappings, roster, the opt-in itself); the saved settings are not touched here. */
	wipe(): Promise<void> {
		return this.#serial(async () => {
			const root = await this.#root();
			if (!root) return;
			const freed = this.kept?.bytes ?? 0;
			const label = this.kept?.label;
			await this.#removeFolder(root);
			this.enabled = false;
			this.kept = null;
			await this.#estimate();
			this.message = label
				? `Wiped: the files of ${label} (${size(freed)}) are no longer kept in this browser, and nothing new will be kept.`
				: 'Wiped: nothing is kept in this browser, and nothing new will be kept.';
		});
	}

	async #keepNow(root: FileSystemDirectoryHandle, dataset: DatasetToKeep) {
		this.busy = true;
		const bytes = sum(dataset.files.map((file) => file.source.size_bytes));
		this.message = `Keeping ${dataset.label} (${size(bytes)}) in this browser…`;
		try {
			await this.#removeFolder(root);
			this.kept = null;
			const folder = await root.getDirectoryHandle(FOLDER, { create: true });
			const files: NonNullable<Manifest['dataset']>['files'] = [];
			for (const [index, file] of dataset.files.entries()) {
				const stored_as = `file-${index + 1}`;
				await writeSource(await folder.getFileHandle(stored_as, { create: true }), file.source);
				files.push({ name: file.source.name, stored_as, size_bytes: file.source.size_bytes, mapping: file.mapping });
			}
			// The manifest goes last: a write cut short leaves files no manifest names, never a manifest naming missing files.
			await this.#writeManifest(root, {
				version: 1,
				dataset: { label: dataset.label, key: dataset.key, without_text: dataset.without_text, files, roster: dataset.roster }
			});
			this.kept = { label: dataset.label, key: dataset.key, bytes };
			this.message = `Kept ${dataset.label} (${size(bytes)}) in this browser: a reload reopens it without the file.`;
		} catch (error) {
			await this.#removeFolder(root).catch(() => undefined);
			await this.#writeManifest(root, { version: 1, dataset: null }).catch(() => undefined);
			this.message = `${dataset.label} could not be kept in this browser (${errorText(error)}); nothing is kept.`;
		} finally {
			this.busy = false;
			await this.#estimate();
		}
	}

	async #root(): Promise<FileSystemDirectoryHandle | null> {
		if (this.availability.state === 'unavailable') return null;
		const storage = globalThis.navigator?.storage;
		if (typeof storage?.getDirectory !== 'function') {
			this.availability = { state: 'unavailable', reason: 'This browser has no private file storage for web pages (OPFS), so the dataset cannot be kept here.' };
			return null;
		}
		if (typeof FileSystemFileHandle === 'undefined' || !('createWritable' in FileSystemFileHandle.prototype)) {
			this.availability = { state: 'unavailable', reason: 'This browser cannot write files into its private storage from a page (Safari cannot yet), so the dataset cannot be kept here.' };
			return null;
		}
		try {
			const root = await storage.getDirectory();
			this.availability = { state: 'available' };
			return root;
		} catch (error) {
			this.availability = { state: 'unavailable', reason: `This browser refuses to keep files for this page (in a private window it usually does): ${errorText(error)}` };
			return null;
		}
	}

	async #writeManifest(root: FileSystemDirectoryHandle, manifest: Manifest) {
		const folder = await root.getDirectoryHandle(FOLDER, { create: true });
		const writable = await (await folder.getFileHandle(MANIFEST, { create: true })).createWritable();
		await writable.write(JSON.stringify(manifest));
		await writable.close();
	}

	async #removeFolder(root: FileSystemDirectoryHandle) {
		try {
			await root.removeEntry(FOLDER, { recursive: true });
		} catch (error) {
			if ((error as DOMException)?.name !== 'NotFoundError') throw error;
		}
	}

	async #estimate() {
		try {
			const estimate = await globalThis.navigator?.storage?.estimate?.();
			this.usage = estimate?.usage !== undefined && estimate.quota !== undefined ? { used_bytes: estimate.usage, quota_bytes: estimate.quota } : null;
		} catch {
			this.usage = null;
		}
	}

	#serial(work: () => Promise<void>): Promise<void> {
		const run = this.#queue.then(work, work);
		this.#queue = run.catch(() => undefined);
		return run;
	}
}

async function readManifest(root: FileSystemDirectoryHandle): Promise<Manifest | null> {
	try {
		const folder = await root.getDirectoryHandle(FOLDER);
		const text = await (await (await folder.getFileHandle(MANIFEST)).getFile()).text();
		const manifest = JSON.parse(text) as Manifest;
		return manifest.version === 1 ? manifest : null;
	} catch {
		return null;
	}
}

/** Streams a dropped File into OPFS (it is never read into memory whole); bytes are written as they are. */
async function writeSource(handle: FileSystemFileHandle, source: ImportSource) {
	const writable = await handle.createWritable();
	const from = source.db_source;
	if ('file' in from) await from.file.stream().pipeTo(writable);
	else {
		if ('bytes' in from) await writable.write(from.bytes as Uint8Array<ArrayBuffer>);
		else for await (const chunk of source.chunks()) await writable.write(chunk as Uint8Array<ArrayBuffer>);
		await writable.close();
	}
}

function sum(values: number[]): number {
	return values.reduce((total, value) => total + value, 0);
}

/** Binary units, as the progress line shows them. */
function size(bytes: number): string {
	if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
	if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function errorText(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
