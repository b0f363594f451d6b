import type { ColumnMapping } from '../ingest/csv/column-mapping';
import { fileImportSource } from '../ingest/sources/file-import-source';
import type { ImportSource } from '../ingest/sources/import-source';
import type { RosterEntry } from '../ingest/members/parse-roster';
import { m } from '../i18n/messages';

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
/** Held (exclusively) while a tab changes what is kept, so two tabs never write at once. */
const WRITE_LOCK = 'resonance-kept-write';
/** Held (shared) by each tab showing a dataset reopened from a generation of files, which is then never deleted under it. */
const IN_USE_LOCK = 'resonance-kept-in-use:';
const CHANNEL = 'resonance-kept';

/**
 * The opt-in copy of the loaded files in the browser's Origin Private File System, so a reload can reopen
 * the dataset without the files. Nothing is written before the person opts in; opting in writes a manifest
 * (the choice itself), and each later user dataset replaces the files kept before it. DuckDB's database
 * stays in memory: keeping the source files is simpler and survives DuckDB upgrades.
 *
 * A new copy is written under new file names and becomes the kept one only when the manifest naming it is
 * written (createWritable replaces a file only on close), so a reload or a full disk mid-copy leaves the
 * previous copy kept. Tabs take a Web Lock to write, tell each other on a BroadcastChannel, and files a tab
 * reopened are deleted only once no tab holds them.
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
	#channel: BroadcastChannel | null = null;
	/** Lets go of the files this tab reopened (see IN_USE_LOCK). */
	#release_in_use: (() => void) | null = null;

	/** Checks that the browser can keep files here and reads what is kept; returns it ready to load, or null. */
	async open(): Promise<DatasetToKeep | null> {
		const root = await this.#root();
		if (!root) return null;
		this.#listen(root);
		let reopened: DatasetToKeep | null = null;
		await this.#serial(async () => {
			const manifest = await readManifest(root);
			this.enabled = manifest !== null;
			// files no manifest names: a copy cut short by a reload or a closed tab
			if (manifest) await removeUnnamed(root, manifest);
			if (!manifest?.dataset) return;
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
				this.#holdInUse(dataset.files.map((file) => file.stored_as));
				this.kept = { label: dataset.label, key: dataset.key, bytes: sum(dataset.files.map((file) => file.size_bytes)) };
				reopened = { label: dataset.label, key: dataset.key, without_text: dataset.without_text, files, roster: dataset.roster };
			} catch (error) {
				this.message = m.kept_unreadable({ error: errorText(error) });
				await this.#removeFolder(root);
				await this.#writeManifest(root, { version: 1, dataset: null });
			}
		});
		await this.#estimate();
		return reopened;
	}

	/** Opts in: from now on the loaded dataset is kept; `current` (a user dataset on screen) is kept at once. */
	enable(current: DatasetToKeep | null): Promise<void> {
		return this.#serial(async () => {
			const root = await this.#root();
			if (!root) return;
			this.enabled = true;
			if (current) await this.#keepNow(root, current);
			else {
				// another tab may have opted in and kept a dataset meanwhile: that stays
				if ((await readManifest(root)) === null) await this.#writeManifest(root, { version: 1, dataset: null });
				this.message = m.kept_next_will_be();
				this.#announce();
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
			this.#announce();
			await this.#estimate();
			this.message = label
				? m.kept_wiped_files({ label, size: size(freed) })
				: m.kept_wiped_nothing();
		});
	}

	async #keepNow(root: FileSystemDirectoryHandle, dataset: DatasetToKeep) {
		this.busy = true;
		const bytes = sum(dataset.files.map((file) => file.source.size_bytes));
		this.message = m.kept_keeping({ label: dataset.label, size: size(bytes) });
		const previous = (await readManifest(root))?.dataset ?? null;
		const generation = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
		const folder = await root.getDirectoryHandle(FOLDER, { create: true });
		const files: NonNullable<Manifest['dataset']>['files'] = [];
		try {
			for (const [index, file] of dataset.files.entries()) {
				const stored_as = `${generation}-file-${index + 1}`;
				files.push({ name: file.source.name, stored_as, size_bytes: file.source.size_bytes, mapping: file.mapping });
				await writeSource(await folder.getFileHandle(stored_as, { create: true }), file.source);
			}
			const manifest: Manifest = {
				version: 1,
				dataset: { label: dataset.label, key: dataset.key, without_text: dataset.without_text, files, roster: dataset.roster }
			};
			await this.#writeManifest(root, manifest);
			this.kept = { label: dataset.label, key: dataset.key, bytes };
			this.message = m.kept_kept({ label: dataset.label, size: size(bytes) });
			this.#releaseInUse();
			await removeUnnamed(root, manifest);
			this.#announce();
		} catch (error) {
			for (const file of files) await folder.removeEntry(file.stored_as).catch(() => undefined);
			this.message = previous
				? m.kept_failed_previous({ label: dataset.label, error: errorText(error), previous: previous.label })
				: m.kept_failed({ label: dataset.label, error: errorText(error) });
		} finally {
			this.busy = false;
			await this.#estimate();
		}
	}

	/** Follows what other tabs keep or wipe, so this tab never says "Kept" about data another tab replaced. */
	#listen(root: FileSystemDirectoryHandle) {
		if (this.#channel || typeof BroadcastChannel === 'undefined') return;
		this.#channel = new BroadcastChannel(CHANNEL);
		this.#channel.onmessage = async () => {
			const manifest = await readManifest(root);
			const before = this.kept?.label ?? null;
			this.enabled = manifest !== null;
			const dataset = manifest?.dataset ?? null;
			this.kept = dataset ? { label: dataset.label, key: dataset.key, bytes: sum(dataset.files.map((file) => file.size_bytes)) } : null;
			if ((this.kept?.label ?? null) !== before) {
				this.message = dataset
					? before
						? m.kept_other_tab_replaced({ label: dataset.label, before })
						: m.kept_other_tab({ label: dataset.label })
					: m.kept_other_tab_wiped();
			}
			await this.#estimate();
		};
	}

	#announce() {
		this.#channel?.postMessage('changed');
	}

	#holdInUse(stored_as: string[]) {
		this.#releaseInUse();
		const locks = globalThis.navigator?.locks;
		if (!locks) return;
		const generations = [...new Set(stored_as.map(generationOf))];
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		for (const generation of generations) void locks.request(IN_USE_LOCK + generation, { mode: 'shared' }, () => held);
		this.#release_in_use = release;
	}

	#releaseInUse() {
		this.#release_in_use?.();
		this.#release_in_use = null;
	}

	async #root(): Promise<FileSystemDirectoryHandle | null> {
		if (this.availability.state === 'unavailable') return null;
		const storage = globalThis.navigator?.storage;
		if (typeof storage?.getDirectory !== 'function') {
			this.availability = { state: 'unavailable', reason: m.kept_no_opfs() };
			return null;
		}
		if (typeof FileSystemFileHandle === 'undefined' || !('createWritable' in FileSystemFileHandle.prototype)) {
			this.availability = { state: 'unavailable', reason: m.kept_no_writable() };
			return null;
		}
		try {
			const root = await storage.getDirectory();
			this.availability = { state: 'available' };
			return root;
		} catch (error) {
			this.availability = { state: 'unavailable', reason: m.kept_refused({ error: errorText(error) }) };

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
		const locks = globalThis.navigator?.locks;
		const locked = locks ? () => locks.request(WRITE_LOCK, work) : work;
		const run = this.#queue.then(locked, locked);
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

/** Removes the kept files `manifest` does not name, unless a tab still shows a dataset reopened from them. */
async function removeUnnamed(root: FileSystemDirectoryHandle, manifest: Manifest) {
	let folder: FileSystemDirectoryHandle;
	try {
		folder = await root.getDirectoryHandle(FOLDER);
	} catch {
		return;
	}
	const named = new Set(manifest.dataset?.files.map((file) => file.stored_as) ?? []);
	const held = new Set(((await globalThis.navigator?.locks?.query())?.held ?? []).map((lock) => lock.name));
	const unnamed: string[] = [];
	for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) {
		if (name !== MANIFEST && !named.has(name) && !held.has(IN_USE_LOCK + generationOf(name))) unnamed.push(name);
	}
	for (const name of unnamed) await folder.removeEntry(name, { recursive: true }).catch(() => undefined);
}

/** `lq3x9a-k2j4f1-file-2` → `lq3x9a-k2j4f1`; files kept before generations (`file-1`) form one of their own. */
function generationOf(stored_as: string): string {
	return stored_as.replace(/-?file-\d+$/, '') || 'first';
}

/** Streams a dropped File into OPFS (it is never read into memory whole); bytes are written as they are. */
async function writeSource(handle: FileSystemFileHandle, source: ImportSource) {
	const writable = await handle.createWritable();
	const from = source.db_source;
	if ('file' in from) return from.file.stream().pipeTo(writable);
	try {
		if ('bytes' in from) await writable.write(from.bytes as Uint8Array<ArrayBuffer>);
		else for await (const chunk of source.chunks()) await writable.write(chunk as Uint8Array<ArrayBuffer>);
		await writable.close();
	} catch (error) {
		await writable.abort().catch(() => undefined);
		throw error;
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
