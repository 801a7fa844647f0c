import fs from 'node:fs';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {KeyClock} from './key-clock.js';
import {likelyNewestFirst, mergeSorted, sameNameDay} from './file-order.js';
import {firstLine} from './db/database.js';
import {openIndex as openIndexStore, type IndexEntry, type IndexStore} from './db/index-db.js';
import {openIndexWindow, type IndexSummary, type IndexWindow} from './db/index-window.js';
import {comparePosts, sortPosts} from './library.js';
import {applyListChanges, type ListChanges} from './list-changes.js';
import {describeFileError, readPostHead} from './parse.js';
import {scanSteps, type ScanOptions} from './scan.js';
import type {Post, SearchDocument, Skipped} from './types.js';

/** A loaded archive: its posts newest first, and the files that could not be listed. */
export type Archive = {readonly posts: Post[]; readonly skipped: Skipped[]};

/** Where the index lives and what it must match (see db/index-db.ts). */
export type CacheOptions = {
	/** Folder of index files; default: the user's cache folder (or `$FOLIO_CACHE_DIR`). */
	readonly directory?: string;
	/** An index written with another stamp (e.g. by another version of folio) is rebuilt. */
	readonly stamp?: string;
	/** Told, in one line, when the index cannot be used or written (the files are then read as without it). */
	readonly warn?: (message: string) => void;
	/** How long a write waits for another process holding the index. */
	readonly busyTimeoutMs?: number;
};

/** Options for loadArchive and openArchive. */
export type LoadOptions = {
	/** Called every so often while loading, with the number of files handled so far and the total (0 while searching). */
	readonly onProgress?: (done: number, total: number) => void;
	/**
	 * Use the index database of a folder. A folder whose mtime is the one it had when indexed has
	 * had no file added, removed or renamed, so its files are taken from the index without a stat;
	 * in other folders, a file whose size and mtime are those it had when indexed is not read
	 * again. The result is the same as without the index, but for a file edited in place in a
	 * folder that did not change (see `rescan`).
	 */
	readonly cache?: boolean | CacheOptions;
	/** With `cache`: check every file's size and mtime, so files edited in place are read again. */
	readonly rescan?: boolean;
	/** With `cache`: the full-text search document of a post read again, written with its row (see db/search-hooks.ts). */
	readonly documentOf?: (post: Post) => SearchDocument | undefined;
	/** Called every so often with the posts read since the last call that are new to the list or changed. */
	readonly onUpdated?: (posts: readonly Post[]) => void;
	/**
	 * For openArchive, when a folder has no usable index: list at least this many posts first (read
	 * from the files whose names look newest) and the rest in `refresh`. Default: all at once.
	 */
	readonly firstBatch?: number;
	/**
	 * For openArchive, when a folder has a filled index: the archive is only the newest this many
	 * posts (with `summary`), read by a query without listing the others; `listAll` lists them.
	 */
	readonly firstScreen?: number;
} & ScanOptions;

/** How often (in files) onProgress is called and the work is split. */
const stepFiles = 100;

/**
 * Loads a folder (recursively) or a single post file. Never throws for a bad post: such a file
 * is listed with what could be recovered or reported in `skipped`. With `cache`, only changed
 * folders are read and only changed files parsed (see LoadOptions.cache); the index is updated.
 */
export function loadArchive(target: string, options: LoadOptions = {}): Archive {
	let stat: fs.Stats;
	try {
		stat = fs.statSync(target);
	} catch (error) {
		return {posts: [], skipped: [{path: target, reason: describeFileError(error)}]};
	}

	if (stat.isFile()) {
		const result = readPostHead(target);
		if (result === undefined) return {posts: [], skipped: [{path: target, reason: 'not a post (no front matter)'}]};
		return 'reason' in result ? {posts: [], skipped: [result]} : {posts: [result], skipped: []};
	}

	if (!stat.isDirectory()) return {posts: [], skipped: [{path: target, reason: 'not a file or folder'}]};
	const cache = cacheOptions(options);
	const index = cache && openIndex(target, cache);
	try {
		return runSteps(loadSteps(target, options.onProgress, index, options)).archive;
	} finally {
		index?.close();
	}
}

/**
 * For a list written to a pipe. A folder with no filled index yet gets one: the posts go to it a
 * batch at a time and none is kept, so memory does not grow with the archive; returns undefined
 * when the index was written whole, for the list to be answered from it. Otherwise (a file, no
 * cache, an index already filled, or one that could not be written) loads as loadArchive does.
 */
export function loadOrIndex(target: string, options: LoadOptions): Archive | undefined {
	const cache = cacheOptions(options);
	const isFolder = fs.statSync(target, {throwIfNoEntry: false})?.isDirectory() ?? false;
	const index = cache && isFolder ? openIndex(target, cache) : undefined;
	// No index for a file or without the cache; one that could not be opened has said so once.
	if (index === undefined) return loadArchive(target, {...options, cache: false});
	if (index.store.filled) {
		index.close();
		return loadArchive(target, options);
	}

	let written = false;
	try {
		runSteps(loadSteps(target, options.onProgress, index, {...options, keepPosts: false}));
		written = true;
	} finally {
		index.close();
	}

	if (written && !index.failed()) return undefined;
	// The index failed while written and has said so: the files are read again without it.
	return loadArchive(target, {...options, cache: false});
}

/** What the index worker (index-worker.ts) is asked to do. */
export type WorkerRequest = {
	readonly target: string;
	readonly cache: Omit<CacheOptions, 'warn'>;
	readonly options: ScanOptions & {readonly rescan?: boolean};
	/** Send the posts new to the list as they are read (`{type: 'posts'}`), not only at the end. */
	readonly stream?: boolean;
	/** When the reader last had a key: the search text waits while keys come in. */
	readonly keyClock?: KeyClock;
};

/**
 * Lists a folder with its index as loadArchive does (with `cache`), and says whether the list
 * differs from what the index held, and how (see ListChanges). Used by the index worker.
 */
export function buildArchive(target: string, options: LoadOptions & {readonly keepPosts?: boolean}): Built {
	const index = openIndex(target, cacheOptions(options) ?? {});
	try {
		return runSteps(loadSteps(target, options.onProgress, index, options));
	} finally {
		index?.close();
	}
}

/**
 * Runs buildArchive in a worker thread; resolves with what differs from the index's list when
 * anything does, undefined when nothing does. Rejects when the worker cannot run.
 */
function buildInWorker(
	request: WorkerRequest,
	{onProgress, onFinished, onPosts, warn}: {
		readonly onProgress?: IndexProgress;
		/** Called once when the worker has ended (its search text written, or not). */
		readonly onFinished?: () => void;
		readonly onPosts?: (posts: readonly Post[]) => void;
		readonly warn?: (message: string) => void;
	},
): Promise<ListChanges | undefined> {
	return new Promise((resolve, reject) => {
		if (stopped) {
			reject(new Error('stopped'));
			return;
		}

		let worker: Worker;
		try {
			const file = workerFile();
			worker = file.pathname.endsWith('.ts')
				? // The TypeScript source (tests run it so): the worker registers the same loader first.
					new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(api => { api.register(); return import(${JSON.stringify(file.href)}); })`, {eval: true, workerData: request})
				: new Worker(file, {workerData: request});
		} catch (error) {
			reject(error as Error);
			return;
		}

		let listed = false;
		let ended = false;
		const end = () => {
			if (ended) return;
			ended = true;
			onFinished?.();
		};
		worker.on('message', (message: WorkerMessage) => {
			if (message.type === 'progress') onProgress?.(message.done, message.total, message.text);
			else if (message.type === 'posts') onPosts?.(message.posts);
			else if (message.type === 'warning') warn?.(message.message);
			else if (message.type === 'done') {
				listed = true;
				resolve(message.changes);
			} else end();
		});
		worker.on('error', error => {
			if (!listed) reject(error);
		});
		worker.on('exit', code => {
			if (!listed) reject(new Error(`the index worker stopped (${code})`));
			end();
		});
		running.add(worker);
		worker.on('exit', () => running.delete(worker));
	});
}

/** What the index worker posts (see index-worker.ts). */
export type WorkerMessage =
	| {readonly type: 'progress'; readonly done: number; readonly total: number; readonly text: boolean}
	| {readonly type: 'posts'; readonly posts: readonly Post[]}
	| {readonly type: 'warning'; readonly message: string}
	| {readonly type: 'done'; readonly changes: ListChanges | undefined}
	| {readonly type: 'finished'};

const running = new Set<Worker>();
let stopped = false;

/** Ends every index worker still running (what they committed is kept); no refresh starts one after. */
export function stopIndexWorkers(): void {
	stopped = true;
	for (const worker of running) void worker.terminate();
}

/** The worker's file: next to this one in the bundle (dist/), or its TypeScript source. */
function workerFile(): URL {
	const built = new URL('index-worker.js', import.meta.url);
	return fs.existsSync(built) ? built : new URL('index-worker.ts', import.meta.url);
}

/** An archive shown at once from the index, and the check that brings it up to date. */
export type OpenedArchive = {
	readonly archive: Archive;
	/**
	 * Present when `archive` came from the index: checks every file's size and mtime (in small
	 * steps, yielding to the event loop between them), so files edited in place are read again,
	 * and resolves with the archive as it is on disk when anything listed differs, or undefined
	 * when nothing does. Updates the index.
	 * Also present when `archive` is a first batch (see `loading`): reads the other files the same
	 * way and resolves with the whole archive.
	 */
	readonly refresh?: (options?: RefreshOptions) => Promise<Archive | undefined>;
	/** Present when `archive` is a first batch: how many files were read, of how many; `refresh` reads the rest. */
	readonly loading?: {readonly done: number; readonly total: number};
	/** Present with `loading`: the path of every file that may be a post (the posts' paths are among them). */
	readonly files?: readonly string[];
	/** Present when `archive` holds only the newest posts (see LoadOptions.firstScreen): how many there are, and the categories. */
	readonly summary?: IndexSummary;
	/**
	 * Present with `summary`: lists every post from the index in slices (awaiting `pause` between
	 * them) and resolves with the whole archive as the index holds it; `refresh` then checks it.
	 */
	readonly listAll?: (options?: Pick<RefreshOptions, 'pause' | 'sliceMs'>) => Promise<Archive>;
	/** Present with `summary`: which of these paths (relative to the folder) are posts in the index. */
	readonly postKeys?: (keys: readonly string[]) => ReadonlySet<string>;
};

/**
 * Like loadArchive, but when the folder has an index the archive comes from it (folders that
 * changed read again, so added, removed and renamed files show at once), and `refresh` checks
 * every file afterwards. Without an index it loads as loadArchive does, or, with `firstBatch`,
 * lists a first batch at once and leaves the rest to `refresh`.
 */
export function openArchive(target: string, options: LoadOptions = {}): OpenedArchive {
	const cache = cacheOptions(options);
	let isFolder = false;
	try {
		isFolder = fs.statSync(target).isDirectory();
	} catch {}

	if (!isFolder || (!cache && !options.firstBatch)) return {archive: loadArchive(target, options)};
	// The first screen comes from queries, when the index can answer them.
	const window = cache && options.firstScreen !== undefined && !options.rescan ? openIndexWindow(target, indexPrefix(target), cache) : undefined;
	// Trusted only while no folder changed: a file added, removed or renamed is in the first frame.
	if (window !== undefined && !unchangedFolders(window)) window.close();
	else if (window !== undefined) {
		const opened = openFirstScreen(window, options.firstScreen!);
		if (opened !== undefined) return {...opened, refresh: refreshFromIndex(target, opened.archive, options, cache ?? {})};
	}

	const index = cache && openIndex(target, cache);
	if (index === undefined || !index.store.filled) {
		if (options.firstBatch) return openInBatches(target, options.firstBatch, options.onProgress, index, options, cache);
		try {
			return {archive: runSteps(loadSteps(target, options.onProgress, index, options)).archive};
		} finally {
			index?.close();
		}
	}

	let archive: Archive;
	try {
		archive = runSteps(loadSteps(target, options.onProgress, index, options)).archive;
	} finally {
		index.close();
	}

	return {archive, refresh: refreshFromIndex(target, archive, options, cache ?? {})};
}

/** Whether the window's folders are as indexed (false when they cannot be checked). */
function unchangedFolders(window: IndexWindow): boolean {
	try {
		return window.foldersUnchanged();
	} catch {
		return false;
	}
}

/** How many posts a slice of listAll lists before it looks at the clock. */
const listSlice = 500;

/**
 * The newest `rows` posts, the counts and the categories from the index window, and the listing
 * of the rest for after the first frame; undefined (the window closed) when a query fails.
 */
function openFirstScreen(window: IndexWindow, rows: number): Pick<OpenedArchive, 'archive' | 'summary' | 'listAll' | 'postKeys'> | undefined {
	let archive: Archive;
	let summary: IndexSummary;
	try {
		archive = {posts: sortPosts(window.newest(rows)), skipped: window.skipped()};
		summary = window.summary();
	} catch {
		window.close();
		return undefined;
	}

	let listed: Promise<Archive> | undefined;
	const listAll = async ({pause = () => new Promise<void>(resolve => setImmediate(resolve)), sliceMs = 4}: Pick<RefreshOptions, 'pause' | 'sliceMs'> = {}): Promise<Archive> => {
		const slices = window.all(listSlice);
		try {
			const posts: Post[] = [];
			for (;;) {
				const started = performance.now();
				let step = slices.next();
				while (!step.done) {
					for (const post of step.value) posts.push(post);
					if (performance.now() - started >= sliceMs) break;
					step = slices.next();
				}

				if (step.done) break;
				await pause();
			}

			// The index's order is that of sortPosts but for date-only posts next to timed ones.
			posts.sort(comparePosts);
			return {posts, skipped: archive.skipped};
		} finally {
			slices.return();
			window.close();
		}
	};

	return {
		archive,
		summary,
		listAll: async options => (listed ??= listAll(options)),
		postKeys: keys => {
			try {
				return window.posts(keys);
			} catch {
				return new Set();
			}
		},
	};
}

/**
 * The check of an archive that came from the index (see OpenedArchive.refresh): in a worker
 * thread when asked (its changes applied to `base`, default `archive`), else here in slices.
 */
function refreshFromIndex(target: string, archive: Archive, options: LoadOptions, indexOptions: CacheOptions): NonNullable<OpenedArchive['refresh']> {
	return async ({pause = () => new Promise<void>(resolve => setImmediate(resolve)), sliceMs = 4, worker, onIndexProgress, onIndexed, keyClock, base}: RefreshOptions = {}): Promise<Archive | undefined> => {
		if (worker) {
			const {warn, ...cacheData} = indexOptions;
			let failed = false;
			const built = await buildInWorker({target, cache: cacheData, options: {followLinks: options.followLinks, rescan: true}, keyClock}, {onProgress: onIndexProgress, onFinished: onIndexed, warn}).catch(() => {
				if (stopped) throw new Error('stopped');
				failed = true;
				return undefined;
			});
			// Should the worker not run, the files are checked here instead.
			if (!failed) return built === undefined ? undefined : applyListChanges(base ?? archive, built);
		}

		const again = openIndex(target, indexOptions);
		const steps = loadSteps(target, undefined, again, {...options, rescan: true});
		try {
			for (;;) {
				const started = performance.now();
				let step = steps.next();
				while (!step.done && performance.now() - started < sliceMs) step = steps.next();
				if (step.done) return step.value.changed ? step.value.archive : undefined;
				await pause();
			}
		} finally {
			again?.close();
			onIndexed?.();
		}
	};
}

/** Progress of an index build: files handled and the total, in the pass over the list or (`text`) the one writing search text. */
export type IndexProgress = (done: number, total: number, text: boolean) => void;

/** How a refresh shares the event loop: it works in slices of `sliceMs` and awaits `pause()` between them. */
export type RefreshOptions = {
	/** Resolves when the next slice may run; default: the next turn of the event loop. */
	readonly pause?: () => Promise<void>;
	readonly sliceMs?: number;
	/**
	 * While reading the rest of a first batch: called every so often with the files read so far and
	 * the archive as listed so far (the same object as before when the list has not grown since).
	 */
	readonly onUpdate?: (archive: Archive, done: number, total: number) => void;
	/** How often (ms) onUpdate is called; default 250. */
	readonly updateMs?: number;
	/**
	 * Do the work in a worker thread (the index build: scan, stat, parse, write), so the event loop
	 * stays free; onUpdate is then not called, and the archive comes whole at the end.
	 */
	readonly worker?: boolean;
	/** With `worker`: when a key was typed last (see WorkerRequest.keyClock). */
	readonly keyClock?: KeyClock;
	/** With `worker`: called every so often with the files handled so far and the total (see IndexProgress). */
	readonly onIndexProgress?: IndexProgress;
	/**
	 * Called once the index is complete (every post's search text written too, which goes on after
	 * the refresh resolved when it ran in a worker), or could not be.
	 */
	readonly onIndexed?: () => void;
	/**
	 * With `worker`, for an archive that came from the index: the whole list as shown now (e.g. as
	 * `listAll` gave it), which the worker's changes are applied to. Default: the archive opened.
	 */
	readonly base?: Archive;
};

/**
 * While the rest of a first batch is read, the list reported grows at most every `updateMs`, or
 * every ms per this many posts listed when that is longer: showing a longer list costs more.
 */
const postsPerMs = 40;

/** At most this many more files are read to finish a first batch's last day. */
const maxDayRest = 1000;

/**
 * Reads the files likely to be newest until `firstBatch` posts are listed, and the other files of
 * the last day read (by name, see likelyNewestFirst); `refresh` reads the
 * others in slices and resolves with exactly what loadArchive gives (and writes the index).
 * Reads everything at once when the folder is small.
 */
function openInBatches(target: string, firstBatch: number, onProgress: LoadOptions['onProgress'], index: Index | undefined, scan: ScanOptions, cache: CacheOptions | undefined): OpenedArchive {
	onProgress?.(0, 0);
	const {files, skipped: scanSkipped} = runSteps(scanSteps(target, scan, index?.store.memo));
	const order = likelyNewestFirst(files);
	// Per file, in scan order: what reading it gave (undefined: not a post, or not read yet).
	const results: Array<Post | Skipped | undefined> = new Array(files.length);
	let next = 0;
	let listed: Post[] = [];
	let pending: Post[] = [];
	const readSkipped: Skipped[] = [];
	const readOne = () => {
		const at = order[next++]!;
		const result = readPostHead(files[at]!);
		results[at] = result;
		if (result === undefined) return;
		if ('reason' in result) readSkipped.push(result);
		else pending.push(result);
	};
	const soFar = (): Archive => {
		if (pending.length > 0) listed = mergeSorted(listed, sortPosts(pending));
		pending = [];
		return {posts: listed, skipped: [...scanSkipped, ...readSkipped]};
	};
	// The same archive (and order of skipped files) as loadSteps gives, and the index it writes.
	const finish = (): Archive => {
		const skipped = [...scanSkipped];
		for (const result of results) if (result !== undefined && 'reason' in result) skipped.push(result);
		const archive = {posts: soFar().posts, skipped};
		if (index !== undefined) {
			const batch: Array<readonly [string, IndexEntry]> = [];
			const keyOf = (file: string) => (file.startsWith(index.prefix) && file !== index.prefix ? file.slice(index.prefix.length) : undefined);
			const add = (key: string | undefined, entry: IndexEntry) => {
				if (key === undefined) return;
				batch.push([key, entry]);
				if (batch.length >= batchFiles) index.write(batch.splice(0));
			};

			for (const [at, result] of results.entries()) {
				if (result !== undefined && !('reason' in result)) add(keyOf(result.path), {size: result.size, mtimeMs: result.mtimeMs, post: result});
				else if (result === undefined) {
					const facts = fs.statSync(files[at]!, {throwIfNoEntry: false});
					if (facts !== undefined) add(keyOf(files[at]!), {size: facts.size, mtimeMs: facts.mtimeMs});
				}
			}

			for (const {path: file, reason} of skipped) add(keyOf(file), {size: -1, mtimeMs: 0, reason});
			index.write(batch, [], true);
			index.close();
		}

		return archive;
	};

	while (next < order.length && listed.length + pending.length < firstBatch) readOne();
	// The rest of the last day read, so the newest posts are all there (within reason).
	const dayEnd = next + maxDayRest;
	while (next > 0 && next < Math.min(order.length, dayEnd) && sameNameDay(files[order[next - 1]!]!, files[order[next]!]!)) readOne();
	if (next >= order.length) return {archive: finish()};
	let current = soFar();
	const refresh = async ({pause = () => new Promise<void>(resolve => setImmediate(resolve)), sliceMs = 4, onUpdate, updateMs = 250, worker, onIndexProgress, onIndexed, keyClock}: RefreshOptions = {}): Promise<Archive> => {
		if (worker && cache !== undefined) {
			const {warn, ...cacheData} = cache;
			// The list grows as the worker reads the posts (each file is read again, the first batch's too).
			const streamed: Post[] = [];
			const read = new Set<string>();
			// How many of them the list shown has.
			let shownCount = 0;
			let grown = performance.now();
			// Only these posts of the list shown are read again (the worker reads each file once).
			const firstBatch = new Set(current.posts.map(post => post.path));
			const onPosts = (posts: readonly Post[]) => {
				for (const post of posts) {
					streamed.push(post);
					read.add(post.path);
				}
				const now = performance.now();
				if (onUpdate === undefined || now - grown < Math.max(updateMs, current.posts.length / postsPerMs)) return;
				grown = now;
				const fresh = streamed.slice(shownCount);
				const again = fresh.some(post => firstBatch.has(post.path));
				current = {posts: again ? applyListChanges(current, {updated: fresh, removed: [], skipped: []}).posts : mergeSorted(current.posts, sortPosts(fresh)), skipped: current.skipped};
				shownCount = streamed.length;
				onUpdate(current, shownCount, files.length);
			};
			// Should the worker not run, the files are read here instead.
			const built = await buildInWorker({target, cache: cacheData, options: {followLinks: scan.followLinks}, stream: true, keyClock}, {onProgress: onIndexProgress, onFinished: onIndexed, onPosts, warn}).catch(() => {
				if (stopped) throw new Error('stopped');
				return undefined;
			});
			if (built !== undefined) {
				index?.close();
				// A first build reads every post again: the whole list is what it streamed (merged into
				// the list shown, which is sorted already), without posts of the first batch it did not find.
				for (const post of built.updated) read.add(post.path);
				const merged = applyListChanges(current, {updated: [...streamed.slice(shownCount), ...built.updated], removed: built.removed, skipped: built.skipped});
				return {posts: merged.posts.filter(post => read.has(post.path)), skipped: merged.skipped};
			}
		}

		let reported = performance.now();
		let grown = reported;
		while (next < order.length) {
			const started = performance.now();
			do readOne();
			while (next < order.length && performance.now() - started < sliceMs);
			if (next >= order.length) break;
			const now = performance.now();
			if (onUpdate && now - reported >= updateMs) {
				if (now - grown >= Math.max(updateMs, listed.length / postsPerMs)) {
					current = soFar();
					grown = now;
				}

				onUpdate(current, next, files.length);
				reported = performance.now();
			}

			await pause();
		}

		const whole = finish();
		onIndexed?.();
		return whole;
	};

	return {archive: current, refresh, loading: {done: next, total: files.length}, files};
}

type Index = {
	readonly store: IndexStore;
	/** Every scanned path of the folder starts with this; keys are what follows. */
	readonly prefix: string;
	/** Writes files in one transaction (`complete`: the last write of a pass over every file); after a failed write (told once), nothing more is written. */
	readonly write: (put: ReadonlyArray<readonly [string, IndexEntry]>, remove?: readonly string[], complete?: boolean) => void;
	readonly close: () => void;
	/** Whether a write or the close failed (the index then lacks what was not written). */
	readonly failed: () => boolean;
};

function cacheOptions(options: LoadOptions): CacheOptions | undefined {
	return options.cache === true ? {} : options.cache || undefined;
}

/** What every scanned path of a folder starts with: index keys are what follows. */
function indexPrefix(target: string): string {
	return path.join(target, 'x').slice(0, -1);
}

function openIndex(target: string, cache: CacheOptions): Index | undefined {
	const prefix = indexPrefix(target);
	const store = openIndexStore(target, prefix, cache);
	if (store === undefined) return undefined;
	let failed = false;
	const fail = (error: unknown) => {
		if (!failed) cache.warn?.(`index not updated: ${firstLine(error)}`);
		failed = true;
	};

	return {
		store,
		prefix,
		write(put, remove, complete) {
			if (failed) return;
			try {
				store.commit(put, remove, complete);
			} catch (error) {
				fail(error);
			}
		},
		close() {
			try {
				store.close();
			} catch (error) {
				fail(error);
			}
		},
		failed: () => failed,
	};
}

function runSteps<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Files read again are written to the index in transactions of this many: a build killed half-way keeps what it committed. */
const batchFiles = 500;

/**
 * Scans and lists a folder, yielding every few hundred files. With an index, files in folders
 * whose mtime has not changed are taken from it (with `rescan`, and in changed folders, only
 * while their size and mtime match); `changed` says whether the listed archive differs from the
 * index's. What is out of date in the index is written in batches as the files are read.
 */
function* loadSteps(target: string, onProgress: LoadOptions['onProgress'], index: Index | undefined, options: ScanOptions & Pick<LoadOptions, 'rescan' | 'documentOf' | 'onUpdated'> & {readonly keepPosts?: boolean}): Generator<void, Built> {
	// Without keepPosts, the posts go to the index a batch at a time and the list stays empty.
	const keep = options.keepPosts !== false;
	onProgress?.(0, 0);
	const {files, skipped, trusted} = yield* scanSteps(target, options, index?.store.memo);
	const cached = index?.store.entries;
	const posts: Post[] = [];
	const batch: Array<readonly [string, IndexEntry]> = [];
	const listedKeys = new Set<string>();
	// What differs from the index's list: posts read again that are new or changed, paths of posts gone.
	const updated: Post[] = [];
	const removed: string[] = [];
	let changed = index === undefined || !index.store.filled;
	// Posts whose row has no search document after this pass.
	let withoutText = 0;
	const put = (key: string | undefined, entry: IndexEntry) => {
		if (key === undefined || index === undefined) return;
		batch.push([key, entry]);
		if (batch.length >= batchFiles) index.write(batch.splice(0));
	};

	// How many of `updated` were told to onUpdated.
	let told = 0;
	const tell = () => {
		if (options.onUpdated === undefined || told === updated.length) return;
		options.onUpdated(updated.slice(told));
		told = updated.length;
	};

	for (const [number, file] of files.entries()) {
		if (number % stepFiles === 0) {
			tell();
			onProgress?.(number, files.length);
			if (number > 0) yield;
		}

		if (cached === undefined || index === undefined) {
			const result = readPostHead(file);
			if (result === undefined) continue;
			if ('reason' in result) skipped.push(result);
			else if (keep) {
				posts.push(result);
				updated.push(result);
			}

			continue;
		}

		const key = file.startsWith(index.prefix) ? file.slice(index.prefix.length) : undefined;
		if (key !== undefined) listedKeys.add(key);
		const entry = key === undefined ? undefined : cached.get(key);
		// A post indexed without its search document is read again when documents are wanted.
		if (entry !== undefined && entry.reason === undefined && (options.documentOf === undefined || entry.post === undefined || entry.textIndexed === true)) {
			const folder = file.slice(0, file.lastIndexOf(path.sep) + 1);
			const facts = !options.rescan && trusted?.has(folder) ? entry : fs.statSync(file, {throwIfNoEntry: false});
			if (facts !== undefined && facts.size === entry.size && facts.mtimeMs === entry.mtimeMs) {
				if (entry.post !== undefined && keep) posts.push(entry.post);
				if (entry.post !== undefined && entry.textIndexed !== true) withoutText++;
				continue;
			}
		}

		// New, changed, or not listable last time: read it again.
		const result = readPostHead(file);
		if (result === undefined) {
			const facts = fs.statSync(file, {throwIfNoEntry: false});
			if (entry?.post !== undefined) {
				changed = true;
				removed.push(entry.post.path);
			}

			if (facts !== undefined) put(key, {size: facts.size, mtimeMs: facts.mtimeMs});
		} else if ('reason' in result) {
			skipped.push(result);
			if (entry?.post !== undefined) removed.push(entry.post.path);
		} else {
			if (keep) posts.push(result);
			const document = index === undefined ? undefined : options.documentOf?.(result);
			if (document === undefined) withoutText++;
			put(key, {size: result.size, mtimeMs: result.mtimeMs, post: result, document});
			if (entry?.post === undefined || !samePost(entry.post, result)) {
				changed = true;
				if (keep) updated.push(result);
			}
		}
	}

	tell();
	onProgress?.(files.length, files.length);
	if (cached !== undefined && index !== undefined) {
		// Files that could not be listed are kept with their reason (shown at once next time).
		const reasons = new Map<string, string>();
		for (const {path: file, reason} of skipped) if (file.startsWith(index.prefix) && file !== index.prefix) reasons.set(file.slice(index.prefix.length), reason);
		for (const [key, reason] of reasons) {
			listedKeys.add(key);
			if (cached.get(key)?.reason !== reason) {
				changed = true;
				put(key, {size: -1, mtimeMs: 0, reason});
			}
		}

		// Files that are gone (deleted, renamed, or no longer listable) are dropped.
		const gone: string[] = [];
		for (const [key, entry] of cached) {
			if (listedKeys.has(key)) continue;
			gone.push(key);
			if (entry.post !== undefined || entry.reason !== undefined) changed = true;
			if (entry.post !== undefined) removed.push(entry.post.path);
		}

		index.write(batch.splice(0), gone, true);
	}

	const archive = !keep ? {posts: [], skipped} : changed || index === undefined ? {posts: sortPosts(posts), skipped} : {posts: index.store.posts, skipped};
	return {archive, changed, changes: {updated, removed, skipped}, withoutText};
}

/** What loadSteps gives: the archive, whether it differs from the index's list, and how; how many posts have no search document. */
type Built = {readonly archive: Archive; readonly changed: boolean; readonly changes: ListChanges; readonly withoutText: number};

/** Whether two readings of a post list the same (file facts aside). */
function samePost(a: Post, b: Post): boolean {
	return (
		a.path === b.path &&
		a.title === b.title &&
		a.date === b.date &&
		a.hasTime === b.hasTime &&
		a.link === b.link &&
		a.author === b.author &&
		sameList(a.categories, b.categories) &&
		sameList(a.tags, b.tags) &&
		sameList(a.warnings, b.warnings)
	);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((item, index) => item === b[index]);
}
