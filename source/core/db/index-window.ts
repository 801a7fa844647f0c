/**
 * A window over a folder's index database (see index-db.ts) for the reader's first frame: the
 * newest screenful of posts, the counts and the category list, answered by queries, without
 * listing every post; then, after the first frame, the whole list in slices. Read only: it never
 * creates, empties or writes an index, and an index that is missing, empty, damaged or of another
 * version or stamp is not opened (the caller opens it the usual way).
 */
import fs from 'node:fs';
import {countNameGroups, type CategoryCount} from '../library.js';
import type {Post, Skipped} from '../types.js';
import {firstLine, openDatabase, schemaVersion, type Database} from './database.js';
import {indexFileFor, indexSchemaVersion, maxIndexBytes, storedPostReader, type IndexOptions} from './index-db.js';

const kindPost = 1;
const kindSkipped = 2;

/** The columns a post is made from, in this order. */
const postColumns = 'path, size, mtime_ms, title, date_ms, date_only, link, author, categories, tags, warnings';
type PostRow = [path: string, size: number, mtimeMs: number, title: string | null, dateMs: number | null, dateOnly: number, link: string | null, author: string | null, categories: string, tags: string, warnings: string];

let rowsRead = 0;

/** How many rows of files (posts and skipped files) every window has read so far, in this thread. */
export function indexRowsRead(): number {
	return rowsRead;
}

/** What the first frame shows besides its posts: how many posts there are, and every category with its count. */
export type IndexSummary = {readonly total: number; readonly categories: readonly CategoryCount[]};

/** An open window over an index. */
export type IndexWindow = {
	/** The newest `limit` posts, in the list's order. */
	readonly newest: (limit: number) => Post[];
	/** The number of posts and the categories with their counts (the same as countCategories over every post). */
	readonly summary: () => IndexSummary;
	/** The files the index could not list, with the reason. */
	readonly skipped: () => Skipped[];
	/** Which of these keys (paths relative to the folder) are posts in the index. */
	readonly posts: (keys: readonly string[]) => ReadonlySet<string>;
	/** Every post, in slices of about `size` (newest first by stored date; sort the whole with sortPosts). */
	readonly all: (size: number) => Generator<Post[], void>;
	/**
	 * Whether every folder the index remembers still has the mtime it had when indexed (so no file
	 * was added, removed or renamed in it), checked with one stat a folder, none a file.
	 */
	readonly foldersUnchanged: () => boolean;
	readonly close: () => void;
};

/**
 * Opens the index of `folder` (posts get the path `prefix + key`) for reading, when it is there,
 * filled, and of this version and stamp; undefined otherwise (one warning only for a database
 * that fails in an unexpected way).
 */
export function openIndexWindow(folder: string, prefix: string, options: IndexOptions = {}): IndexWindow | undefined {
	const file = indexFileFor(folder, options.directory);
	const facts = fs.lstatSync(file, {throwIfNoEntry: false});
	if (facts === undefined || !facts.isFile() || facts.size > maxIndexBytes) return undefined;
	let db: Database | undefined;
	try {
		db = openDatabase(file);
		const stamp = db.prepare<[], {value: string}>("SELECT value FROM meta WHERE key = 'stamp'").get()?.value;
		const filled = db.prepare('SELECT EXISTS (SELECT 1 FROM files) OR EXISTS (SELECT 1 FROM folders) AS filled').pluck().get() === 1;
		if (schemaVersion(db) !== indexSchemaVersion || stamp !== (options.stamp ?? '') || !filled) {
			db.close();
			return undefined;
		}

		return windowOver(db, prefix);
	} catch (error) {
		db?.close();
		const code = (error as {code?: string}).code ?? '';
		// Another process building it, or a damaged file: the usual opening decides what to do.
		if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_CORRUPT') && !code.startsWith('SQLITE_NOTADB') && !code.startsWith('SQLITE_ERROR')) options.warn?.(`index not used: ${firstLine(error)}`);
		return undefined;
	}
}

function windowOver(db: Database, prefix: string): IndexWindow {
	const {postOf: fromRow, listOf} = storedPostReader(prefix);
	const postOf = ([key, size, mtimeMs, title, dateMs, dateOnly, link, author, categories, tags, warnings]: PostRow): Post => fromRow({key, size, mtimeMs, title, dateMs, dateOnly, link, author, categories, tags, warnings});

	// Walks the date index from the newest: a screenful costs a screenful of rows, however many there are.
	const newest = db.prepare(`SELECT ${postColumns} FROM files INDEXED BY files_by_date WHERE kind = ${kindPost} ORDER BY date_ms DESC, title, path LIMIT ?`).raw();
	const everyPost = db.prepare(`SELECT ${postColumns} FROM files INDEXED BY files_by_date WHERE kind = ${kindPost} ORDER BY date_ms DESC`).raw();
	// The counts kept by the index's triggers (see index-db.ts), else counted from every post.
	const kept = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'category_sets'").get() !== undefined;
	const byCategories = db.prepare<[], [string, number]>(kept ? 'SELECT categories, posts FROM category_sets WHERE posts > 0' : `SELECT categories, COUNT(*) FROM files WHERE kind = ${kindPost} GROUP BY categories`).raw();
	const skipped = db.prepare<[], [string, string | null]>(`SELECT path, reason FROM files WHERE kind = ${kindSkipped}`).raw();
	const postKeys = db.prepare<[string], string>(`SELECT path FROM files WHERE kind = ${kindPost} AND path IN (SELECT value FROM json_each(?))`).pluck();

	const folders = db.prepare<[], [string, number]>('SELECT path, mtime_ms FROM folders').raw();
	const root = prefix.slice(0, -1);

	let reading: IterableIterator<PostRow> | undefined;
	return {
		foldersUnchanged() {
			for (const [key, mtimeMs] of folders.iterate()) {
				const facts = fs.statSync(key === '' ? root : prefix + key, {throwIfNoEntry: false});
				if (facts === undefined || facts.mtimeMs !== mtimeMs) return false;
			}
			return true;
		},
		newest(limit) {
			const rows = newest.all(Math.max(0, Math.trunc(limit))) as PostRow[];
			rowsRead += rows.length;
			return rows.map(row => postOf(row));
		},
		summary() {
			const groups = byCategories.all().map(([categories, posts]) => [listOf(categories), posts] as const);
			return {total: groups.reduce((sum, [, posts]) => sum + posts, 0), categories: countNameGroups(groups)};
		},
		skipped() {
			const rows = skipped.all();
			rowsRead += rows.length;
			return rows.map(([key, reason]) => ({path: prefix + key, reason: reason ?? ''}));
		},
		posts(keys) {
			const found = new Set<string>();
			for (let start = 0; start < keys.length; start += 10_000) for (const key of postKeys.all(JSON.stringify(keys.slice(start, start + 10_000)))) found.add(key);
			return found;
		},
		*all(size) {
			const rows = everyPost.iterate() as IterableIterator<PostRow>;
			reading = rows;
			try {
				let slice: Post[] = [];
				for (const row of rows) {
					rowsRead++;
					slice.push(postOf(row));
					if (slice.length >= size) {
						yield slice;
						slice = [];
					}
				}

				if (slice.length > 0) yield slice;
			} finally {
				reading = undefined;
			}
		},
		close() {
			// A listing left half-way ends first: the connection cannot close while a statement reads.
			reading?.return?.();
			db.close();
		},
	};
}
