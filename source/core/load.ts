import fs from 'node:fs';
import path from 'node:path';
import {likelyNewestFirst, mergeSorted, sameNameDay} from './file-order.js';
import {indexFileFor, readIndex, realFolder, writeIndex, type IndexEntry, type LoadedIndex} from './index-cache.js';
import {sortPosts} from './library.js';
import {describeFileError, readPostHead} from './parse.js';
import {scanSteps, type ScanOptions} from './scan.js';
import type {Post, Skipped} from './types.js';

/** A loaded archive: its posts newest first, and the files that could not be listed. */
export type Archive = {readonly posts: Post[]; readonly skipped: Skipped[]};

/** Where the index cache lives and what it must match (see index-cache.ts). */
export type CacheOptions = {
	/** Folder of index files; default: the user's cache folder (or `$FOLIO_CACHE_DIR`). */
	readonly directory?: string;
	/** An index written with another stamp (e.g. by another version of folio) is ignored. */
	readonly stamp?: string;
};

/** Options for loadArchive and openArchive. */
export type LoadOptions = {
	/** Called every so often while loading, with the number of files handled so far and the total (0 while searching). */
	readonly onProgress?: (done: number, total: number) => void;
	/**
	 * Use the persistent index cache for a folder: a file whose size and mtime are those it had
	 * when it was indexed is not read again. The result is the same as without the cache.
	 */
	readonly cache?: boolean | CacheOptions;
	/**
	 * For openArchive, when a folder has no usable index: list at least this many posts first (read
	 * from the files whose names look newest) and the rest in `refresh`. Default: all at once.
	 */
	readonly firstBatch?: number;
	/** Told, in one line, when the index cache's folder cannot be made (folio goes on without it). */
	readonly onCacheUnusable?: (message: string) => void;
} & ScanOptions;

/** How often (in files) onProgress is called and the work is split. */
const stepFiles = 100;

/**
 * Loads a folder (recursively) or a single post file. Never throws for a bad post: such a file
 * is listed with what could be recovered or reported in `skipped`. With `cache`, every file is
 * still checked (one stat each); only changed files are read.
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
	const index = cache && openIndex(target, cache, options.onCacheUnusable);
	return runSteps(loadSteps(target, options.onProgress, index, options)).archive;
}

/** An archive shown at once from the index cache, and the check that brings it up to date. */
export type OpenedArchive = {
	readonly archive: Archive;
	/**
	 * Present when `archive` came from the index without looking at the files: checks every file
	 * (in small steps, yielding to the event loop between them) and resolves with the archive as
	 * it is on disk when anything listed differs, or undefined when nothing does. Updates the index.
	 * Also present when `archive` is a first batch (see `loading`): reads the other files the same
	 * way and resolves with the whole archive.
	 */
	readonly refresh?: (options?: RefreshOptions) => Promise<Archive | undefined>;
	/** Present when `archive` is a first batch: how many files were read, of how many; `refresh` reads the rest. */
	readonly loading?: {readonly done: number; readonly total: number};
	/** Present with `loading`: the path of every file that may be a post (the posts' paths are among them). */
	readonly files?: readonly string[];
};

/**
 * Like loadArchive, but when the folder has a valid index the archive comes from it straight
 * away, and `refresh` checks the files afterwards. Without an index it loads as loadArchive does,
 * or, with `firstBatch`, lists a first batch at once and leaves the rest to `refresh`.
 */
export function openArchive(target: string, options: LoadOptions = {}): OpenedArchive {
	const cache = cacheOptions(options);
	let isFolder = false;
	try {
		isFolder = fs.statSync(target).isDirectory();
	} catch {}

	if (!isFolder || (!cache && !options.firstBatch)) return {archive: loadArchive(target, options)};
	const index = cache && openIndex(target, cache, options.onCacheUnusable);
	if (index?.loaded === undefined) return options.firstBatch ? openInBatches(target, options.firstBatch, options.onProgress, index, options) : {archive: runSteps(loadSteps(target, options.onProgress, index, options)).archive};
	const cached = {posts: index.loaded.posts, skipped: index.loaded.skipped};
	const refresh = async ({pause = () => new Promise<void>(resolve => setImmediate(resolve)), sliceMs = 4}: RefreshOptions = {}): Promise<Archive | undefined> => {
		const steps = loadSteps(target, undefined, index, options);
		for (;;) {
			const started = performance.now();
			let step = steps.next();
			while (!step.done && performance.now() - started < sliceMs) step = steps.next();
			if (step.done) return step.value.changed ? step.value.archive : undefined;
			await pause();
		}
	};

	return {archive: cached, refresh};
}

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
function openInBatches(target: string, firstBatch: number, onProgress: LoadOptions['onProgress'], index: Index | undefined, scan: ScanOptions): OpenedArchive {
	onProgress?.(0, 0);
	const {files, skipped: scanSkipped} = runSteps(scanSteps(target, scan));
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
		if (index !== undefined && archive.posts.every(post => post.path.startsWith(index.prefix))) saveIndex(index, archive, [], target);
		return archive;
	};

	while (next < order.length && listed.length + pending.length < firstBatch) readOne();
	// The rest of the last day read, so the newest posts are all there (within reason).
	const dayEnd = next + maxDayRest;
	while (next > 0 && next < Math.min(order.length, dayEnd) && sameNameDay(files[order[next - 1]!]!, files[order[next]!]!)) readOne();
	if (next >= order.length) return {archive: finish()};
	let current = soFar();
	const refresh = async ({pause = () => new Promise<void>(resolve => setImmediate(resolve)), sliceMs = 4, onUpdate, updateMs = 250}: RefreshOptions = {}): Promise<Archive> => {
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

		return finish();
	};

	return {archive: current, refresh, loading: {done: next, total: files.length}, files};
}

type Index = {
	readonly file: string;
	readonly stamp: string;
	/** Every scanned path of the folder starts with this; keys are what follows. */
	readonly prefix: string;
	readonly loaded: LoadedIndex | undefined;
	readonly onUnusable: ((message: string) => void) | undefined;
};

function cacheOptions(options: LoadOptions): CacheOptions | undefined {
	return options.cache === true ? {} : options.cache || undefined;
}

function openIndex(target: string, cache: CacheOptions, onUnusable: ((message: string) => void) | undefined): Index {
	const file = indexFileFor(target, cache.directory);
	const stamp = cache.stamp ?? '';
	const prefix = path.join(target, 'x').slice(0, -1);
	return {file, stamp, prefix, loaded: readIndex(file, stamp, prefix), onUnusable};
}

function runSteps<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * Scans and lists a folder, yielding every few hundred files. With an index, files whose size and
 * mtime match it are taken from it; `changed` says whether the listed archive differs from the
 * index's. The index is rewritten when anything in it is out of date.
 */
function* loadSteps(target: string, onProgress: LoadOptions['onProgress'], index: Index | undefined, scan: ScanOptions): Generator<void, {archive: Archive; changed: boolean}> {
	onProgress?.(0, 0);
	const {files, skipped} = yield* scanSteps(target, scan);
	const cached = index?.loaded === undefined ? undefined : yield* index.loaded.entries();
	const posts: Post[] = [];
	const others: Array<[string, IndexEntry]> = [];
	let outdated = cached === undefined;
	let changed = cached === undefined;
	let known = 0;
	for (const [number, file] of files.entries()) {
		if (number % stepFiles === 0) {
			onProgress?.(number, files.length);
			if (number > 0) yield;
		}

		if (cached === undefined || index === undefined) {
			const result = readPostHead(file);
			if (result === undefined) continue;
			if ('reason' in result) skipped.push(result);
			else posts.push(result);
			continue;
		}

		const key = file.startsWith(index.prefix) ? file.slice(index.prefix.length) : undefined;
		if (key === undefined) outdated = true;
		const entry = key === undefined ? undefined : cached.get(key);
		if (entry !== undefined && entry.reason === undefined) {
			known++;
			const facts = fs.statSync(file, {throwIfNoEntry: false});
			if (facts !== undefined && facts.size === entry.size && facts.mtimeMs === entry.mtimeMs) {
				if (entry.post === undefined) others.push([key!, entry]);
				else posts.push(entry.post);
				continue;
			}
		}

		// New, changed, or not listable last time: read it again.
		outdated = true;
		const result = readPostHead(file);
		if (result === undefined) {
			const facts = fs.statSync(file, {throwIfNoEntry: false});
			if (entry?.post !== undefined) changed = true;
			if (facts !== undefined && key !== undefined) others.push([key, {size: facts.size, mtimeMs: facts.mtimeMs}]);
		} else if ('reason' in result) skipped.push(result);
		else {
			posts.push(result);
			if (entry?.post === undefined || !samePost(entry.post, result)) changed = true;
		}
	}

	onProgress?.(files.length, files.length);
	if (cached !== undefined && index !== undefined) {
		// Files that are gone, and a different set of files that could not be listed, are changes too.
		let cachedSkipped = 0;
		for (const entry of cached.values()) if (entry.reason !== undefined) cachedSkipped++;
		if (known !== cached.size - cachedSkipped) outdated = changed = true;
		if (!sameSkipped(skipped, cached, index.prefix)) outdated = changed = true;
	}

	const archive = outdated || index?.loaded === undefined ? {posts: sortPosts(posts), skipped} : {posts: index.loaded.posts, skipped: index.loaded.skipped};
	if (outdated && index !== undefined && archive.posts.every(post => post.path.startsWith(index.prefix))) saveIndex(index, archive, others, target);
	return {archive, changed};
}

/** Writes the index of an archive whose posts all lie under the index's prefix; `others` are files that are not posts. */
function saveIndex(index: Index, archive: Archive, others: ReadonlyArray<[string, IndexEntry]>, target: string): void {
	const {prefix} = index;
	const entries = (function* (): Generator<[string, IndexEntry]> {
		for (const post of archive.posts) yield [post.path.slice(prefix.length), {size: post.size, mtimeMs: post.mtimeMs, post}];
		yield* others;
		for (const {path: file, reason} of archive.skipped) if (file.startsWith(prefix) && file !== prefix) yield [file.slice(prefix.length), {size: -1, mtimeMs: 0, reason}];
	})();
	writeIndex(index.file, entries, index.stamp, realFolder(target), index.onUnusable);
}

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

function sameSkipped(skipped: readonly Skipped[], cached: Map<string, IndexEntry>, prefix: string): boolean {
	const before = new Map<string, string>();
	for (const [key, entry] of cached) if (entry.reason !== undefined) before.set(prefix + key, entry.reason);
	return skipped.length === before.size && skipped.every(entry => before.get(entry.path) === entry.reason);
}
