/**
 * The persistent index cache: what the list needs from every post of a folder, kept between runs
 * so a large archive opens without reading every file again.
 *
 * One file per archive folder, named by a hash of the folder's real path, under the user's cache
 * folder (`$XDG_CACHE_HOME/folio/index` on Linux, or `$FOLIO_CACHE_DIR`); never inside the
 * archive. Every entry remembers the size and mtime of the file it was read from and is trusted
 * only while both still match, so an edited, added, deleted or renamed post is always read again.
 * A cache file that is missing, truncated, garbage or of another version reads as no cache.
 * Files are written to a temporary name and renamed into place, so a reader never sees half a
 * file. Deleting the cache folder at any time is safe.
 *
 * An index also carries a stamp (the CLI passes folio's version), so a newer parser never trusts
 * what an older one wrote.
 *
 * Format (chosen for start-up speed; measured by the benchmark): binary columns, so opening an
 * index costs one read, a checksum and no parsing. `folioidx`, a version, a SHA-1 of what
 * follows, a JSON header (stamp, folder, count, folder names, lists of categories/tags/warnings),
 * then per file: size, mtime and date as float64; folder, kind, flags and three list numbers as
 * int32; the offsets of four strings (file name, title, link, author) in a UTF-8 heap that ends
 * the file. Posts read from it decode their strings only when asked, so showing the first screen
 * of a 100k-post archive decodes a few dozen titles, not 100,000.
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import {makeFolder, readOwnFile, UnusableError} from './safe-folder.js';
import type {Post} from './types.js';

/** Bump when the file format or what the parser produces changes: older files are then ignored. */
export const indexFormatVersion = 3;
const magic = Buffer.from('folioidx');

/**
 * One file of the folder as last read, keyed by its path relative to the folder: a post, a file
 * that is not a post (`.txt` without front matter), or a file that could not be listed (`reason`).
 */
export type IndexEntry = {
	readonly size: number;
	readonly mtimeMs: number;
	readonly post?: Post;
	readonly reason?: string;
};

/** The folder that holds index files: `$FOLIO_CACHE_DIR`, else `index/` in the user's cache folder for folio. */
export function cacheDirectory(): string {
	const override = process.env['FOLIO_CACHE_DIR'];
	if (override) return path.resolve(override);
	return path.join(envPaths('folio', {suffix: ''}).cache, 'index');
}

/** The real path of a folder (its resolved absolute path when it cannot be resolved). */
export function realFolder(folder: string): string {
	try {
		return fs.realpathSync(folder);
	} catch {
		return path.resolve(folder);
	}
}

/** The index file of an archive folder (named by a hash of its real path), inside `directory`. */
export function indexFileFor(folder: string, directory = cacheDirectory()): string {
	const hash = createHash('sha256').update(realFolder(folder)).digest('hex').slice(0, 32);
	return path.join(directory, `${hash}.idx`);
}

/** An index as read from disk: its posts in listed order, and its entries by key on demand. */
export type LoadedIndex = {
	/** Number of files the index describes. */
	readonly count: number;
	/** The posts, in the order they were written (listed order when written by load.ts). */
	readonly posts: Post[];
	/** Files that could not be listed, with the reason, by path (`prefix + key`). */
	readonly skipped: Array<{readonly path: string; readonly reason: string}>;
	/** Every entry by key, in steps (decodes every file name; used when checking the files). */
	readonly entries: () => Generator<void, Map<string, IndexEntry>>;
};

const kindOther = 0;
const kindPost = 1;
const kindSkipped = 2;
const hasTimeFlag = 1;
const hasLinkFlag = 2;
const hasAuthorFlag = 4;
const hasDateFlag = 8;
/** Strings per file in the heap: name, title (or skip reason), link, author. */
const stringsPerFile = 4;

type Store = {
	readonly heap: Buffer;
	readonly offsets: Uint32Array;
	readonly size: Float64Array;
	readonly mtime: Float64Array;
	readonly date: Float64Array;
	readonly dir: Int32Array;
	readonly kind: Int32Array;
	readonly flags: Int32Array;
	readonly categories: Int32Array;
	readonly tags: Int32Array;
	readonly warnings: Int32Array;
	readonly dirs: readonly string[];
	readonly lists: ReadonlyArray<readonly string[]>;
	readonly prefix: string;
};

function text(store: Store, index: number, slot: number): string {
	const at = index * stringsPerFile + slot;
	// utf8Slice: toString('utf8', ...) without its argument checks (the offsets were checked on reading).
	return (store.heap as Buffer & {utf8Slice(start: number, end: number): string}).utf8Slice(store.offsets[at]!, store.offsets[at + 1]!);
}

/** A post backed by an index; its strings are decoded on first use. Reads like any other Post. */
class IndexedPost implements Post {
	readonly #store: Store;
	readonly #index: number;
	#path: string | undefined;
	#title: string | undefined;

	constructor(store: Store, index: number) {
		this.#store = store;
		this.#index = index;
	}

	get path(): string {
		this.#path ??= this.#store.prefix + this.#store.dirs[this.#store.dir[this.#index]!]! + text(this.#store, this.#index, 0);
		return this.#path;
	}

	get title(): string {
		this.#title ??= text(this.#store, this.#index, 1);
		return this.#title;
	}

	get date(): number | undefined {
		return this.#store.flags[this.#index]! & hasDateFlag ? this.#store.date[this.#index] : undefined;
	}

	get hasTime(): boolean {
		return (this.#store.flags[this.#index]! & hasTimeFlag) !== 0;
	}

	get categories(): readonly string[] {
		return this.#store.lists[this.#store.categories[this.#index]!]!;
	}

	get tags(): readonly string[] {
		return this.#store.lists[this.#store.tags[this.#index]!]!;
	}

	get link(): string | undefined {
		return this.#store.flags[this.#index]! & hasLinkFlag ? text(this.#store, this.#index, 2) : undefined;
	}

	get author(): string | undefined {
		return this.#store.flags[this.#index]! & hasAuthorFlag ? text(this.#store, this.#index, 3) : undefined;
	}

	get warnings(): readonly string[] {
		return this.#store.lists[this.#store.warnings[this.#index]!]!;
	}

	get size(): number {
		return this.#store.size[this.#index]!;
	}

	get mtimeMs(): number {
		return this.#store.mtime[this.#index]!;
	}

	toJSON(): Post {
		const {path, title, date, hasTime, categories, tags, link, author, warnings, size, mtimeMs} = this;
		return {path, title, date, hasTime, categories, tags, link, author, warnings, size, mtimeMs};
	}
}

/** An index file larger than this is not one folio wrote (a million posts take far less): it is ignored, not parsed. */
export const maxIndexBytes = 1024 * 1024 * 1024;

/**
 * Reads an index file; posts get the path `prefix + key`. Undefined when the file is missing or
 * is not a complete, consistent index written with this `stamp` by this version (truncated,
 * garbage, another version), is not a regular file (a named pipe or device is never read) or is
 * larger than maxIndexBytes.
 */
export function readIndex(file: string, stamp: string, prefix: string): LoadedIndex | undefined {
	const bytes = readOwnFile(file, maxIndexBytes);
	if (bytes === undefined) return undefined;

	try {
		return parseIndex(bytes, stamp, prefix);
	} catch {
		return undefined;
	}
}

type Header = {stamp: string; root: string; count: number; heap: number; dirs: string[]; lists: string[][]};

function parseIndex(bytes: Buffer, stamp: string, prefix: string): LoadedIndex | undefined {
	if (bytes.length < headStart || !bytes.subarray(0, 8).equals(magic) || bytes.readUInt32LE(8) !== indexFormatVersion) return undefined;
	// A checksum of everything after it: a damaged file is refused, never half used.
	if (!digest(bytes.subarray(headStart)).equals(bytes.subarray(16, headStart))) return undefined;
	const headerLength = bytes.readUInt32LE(12);
	const header = JSON.parse(bytes.toString('utf8', headStart, headStart + headerLength)) as Header;
	if (header.stamp !== stamp || !Number.isInteger(header.count) || header.count < 0 || !Number.isInteger(header.heap)) return undefined;
	if (!Array.isArray(header.dirs) || !header.dirs.every(dir => typeof dir === 'string')) return undefined;
	if (!Array.isArray(header.lists) || !header.lists.every(list => Array.isArray(list) && list.every(item => typeof item === 'string'))) return undefined;
	const {count} = header;
	const columnsStart = align8(headStart + headerLength);
	const expected = columnsStart + columnsBytes(count) + header.heap;
	if (bytes.length !== expected) return undefined;
	// Typed arrays need aligned memory; a copy is cheap next to parsing.
	const buffer = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
	let at = buffer.byteOffset + columnsStart;
	const floats = () => {
		const array = new Float64Array(buffer.buffer, at, count);
		at += count * 8;
		return array;
	};

	const ints = () => {
		const array = new Int32Array(buffer.buffer, at, count);
		at += align8(count * 4);
		return array;
	};

	const size = floats();
	const mtime = floats();
	const date = floats();
	const dir = ints();
	const kind = ints();
	const flags = ints();
	const categories = ints();
	const tags = ints();
	const warnings = ints();
	const offsets = new Uint32Array(buffer.buffer, at, count * stringsPerFile + 1);
	at += align8((count * stringsPerFile + 1) * 4);
	const heap = buffer.subarray(at - buffer.byteOffset);
	// Every number must point inside the file.
	if (offsets[0] !== 0 || offsets[count * stringsPerFile] !== header.heap) return undefined;
	for (let index = 1; index <= count * stringsPerFile; index++) if (offsets[index]! < offsets[index - 1]!) return undefined;
	const lists = header.lists.length;
	for (let index = 0; index < count; index++) {
		if (!(dir[index]! >= 0 && dir[index]! < header.dirs.length) || !(kind[index]! >= kindOther && kind[index]! <= kindSkipped)) return undefined;
		if (!(categories[index]! >= 0 && categories[index]! < lists && tags[index]! >= 0 && tags[index]! < lists && warnings[index]! >= 0 && warnings[index]! < lists)) return undefined;
	}

	const store: Store = {heap, offsets, size, mtime, date, dir, kind, flags, categories, tags, warnings, dirs: header.dirs, lists: header.lists, prefix};
	const posts: Post[] = [];
	const skipped: Array<{path: string; reason: string}> = [];
	for (let index = 0; index < count; index++) {
		if (kind[index] === kindPost) posts.push(new IndexedPost(store, index));
		else if (kind[index] === kindSkipped) skipped.push({path: prefix + header.dirs[dir[index]!]! + text(store, index, 0), reason: text(store, index, 1)});
	}

	const entries = function* () {
		const map = new Map<string, IndexEntry>();
		let next = 0;
		for (let index = 0; index < count; index++) {
			if (index % 500 === 499) yield;
			const key = header.dirs[dir[index]!]! + text(store, index, 0);
			const facts = {size: size[index]!, mtimeMs: mtime[index]!};
			if (kind[index] === kindPost) map.set(key, {...facts, post: posts[next++]!});
			else if (kind[index] === kindSkipped) map.set(key, {...facts, reason: text(store, index, 1)});
			else map.set(key, facts);
		}

		return map;
	};

	return {count, posts, skipped, entries};
}

/** Where the JSON header starts: after magic, version, header length and a SHA-1 of the rest. */
const headStart = 36;

function digest(bytes: Buffer): Buffer {
	return createHash('sha1').update(bytes).digest();
}

function align8(value: number): number {
	return Math.ceil(value / 8) * 8;
}

/** Bytes of the fixed-size columns for `count` files. */
function columnsBytes(count: number): number {
	return 3 * count * 8 + 6 * align8(count * 4) + align8((count * stringsPerFile + 1) * 4);
}

/**
 * Writes an index file atomically (a temporary file in the same folder, then a rename), creating
 * the folder. Returns false (leaving any older file in place) when it cannot be written; a folder
 * that cannot be made is also told to `onUnusable`, in one line.
 */
export function writeIndex(file: string, entries: Iterable<readonly [string, IndexEntry]>, stamp: string, root: string, onUnusable?: (message: string) => void): boolean {
	const rows = [...entries];
	const count = rows.length;
	const dirs: string[] = [];
	const dirNumbers = new Map<string, number>();
	const lists: string[][] = [];
	const listNumbers = new Map<string, number>();
	const listNumber = (list: readonly string[]) => {
		const key = JSON.stringify(list);
		let number = listNumbers.get(key);
		if (number === undefined) {
			number = lists.length;
			lists.push([...list]);
			listNumbers.set(key, number);
		}

		return number;
	};

	listNumber([]);
	const size = new Float64Array(count);
	const mtime = new Float64Array(count);
	const date = new Float64Array(count);
	const dir = new Int32Array(count);
	const kind = new Int32Array(count);
	const flags = new Int32Array(count);
	const categories = new Int32Array(count);
	const tags = new Int32Array(count);
	const warnings = new Int32Array(count);
	const strings: string[] = [];
	for (const [index, [key, entry]] of rows.entries()) {
		const slash = key.lastIndexOf('/') + 1;
		const folder = key.slice(0, slash);
		let number = dirNumbers.get(folder);
		if (number === undefined) {
			number = dirs.length;
			dirs.push(folder);
			dirNumbers.set(folder, number);
		}

		dir[index] = number;
		size[index] = entry.size;
		mtime[index] = entry.mtimeMs;
		const {post} = entry;
		if (post !== undefined) {
			kind[index] = kindPost;
			flags[index] = (post.hasTime ? hasTimeFlag : 0) | (post.link === undefined ? 0 : hasLinkFlag) | (post.author === undefined ? 0 : hasAuthorFlag) | (post.date === undefined ? 0 : hasDateFlag);
			date[index] = post.date ?? 0;
			categories[index] = listNumber(post.categories);
			tags[index] = listNumber(post.tags);
			warnings[index] = listNumber(post.warnings);
			strings.push(key.slice(slash), post.title, post.link ?? '', post.author ?? '');
		} else {
			kind[index] = entry.reason === undefined ? kindOther : kindSkipped;
			strings.push(key.slice(slash), entry.reason ?? '', '', '');
		}
	}

	const encoded = strings.map(item => Buffer.from(item, 'utf8'));
	const offsets = new Uint32Array(count * stringsPerFile + 1);
	let heapLength = 0;
	for (const [index, item] of encoded.entries()) {
		offsets[index] = heapLength;
		heapLength += item.length;
	}

	offsets[count * stringsPerFile] = heapLength;
	const header = Buffer.from(JSON.stringify({stamp, root, count, heap: heapLength, dirs, lists} satisfies Header), 'utf8');
	const head = Buffer.alloc(align8(headStart + header.length));
	magic.copy(head, 0);
	head.writeUInt32LE(indexFormatVersion, 8);
	head.writeUInt32LE(header.length, 12);
	header.copy(head, headStart);
	const padded = (array: Int32Array | Uint32Array) => {
		const bytes = Buffer.alloc(align8(array.byteLength));
		Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(bytes);
		return bytes;
	};

	const floatBytes = (array: Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
	const parts = [head, floatBytes(size), floatBytes(mtime), floatBytes(date), padded(dir), padded(kind), padded(flags), padded(categories), padded(tags), padded(warnings), padded(offsets), ...encoded];
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		makeFolder(path.dirname(file));
		const bytes = Buffer.concat(parts);
		digest(bytes.subarray(headStart)).copy(bytes, 16);
		fs.writeFileSync(temporary, bytes);
		fs.renameSync(temporary, file);
		return true;
	} catch (error) {
		if (error instanceof UnusableError) onUnusable?.(`index cache not saved: ${error.message}`);
		try {
			fs.rmSync(temporary, {force: true});
		} catch {}

		return false;
	}
}
