/**
 * An archive's index read as the list, without reading (or stat'ing) a post file: used when the
 * index is complete (its last pass went over every file, see IndexStore.commit) and fresh (every
 * folder it lists still has the mtime it had then, so no file was added, removed or renamed).
 * The posts it gives are those loadArchive gives with the index. An index that is missing, of
 * another version, incomplete, stale, or that holds what a load must look at again (files that
 * could not be listed, links) is not used: undefined, and the caller loads as before.
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {comparePosts} from '../library.js';
import type {Post} from '../types.js';
import {openDatabase, schemaVersion, type Database} from './database.js';
import {cacheDirectory, completeKey, generationKey, indexFileFor, indexSchemaVersion, instanceKey, storedPostReader} from './index-db.js';
import {searchSchemaVersion} from './search-index.js';

/** What the index must match. */
export type ListedIndexOptions = {
	readonly directory?: string;
	/** The stamp the index was written with (folio's version). */
	readonly stamp: string;
	/** Also require every post's search document (for a full-text search). */
	readonly text?: boolean;
};

/** A complete, fresh index, open for reading. */
export type ListedIndex = {
	/** Every post, newest first (as sortPosts orders them), each with its `files` row id. */
	readonly posts: () => IndexedPost[];
	/** The open database (for full-text search). */
	readonly db: Database;
	/** The output kept under `key` (see keepOutput), when it was made from the posts as the index lists them now. */
	readonly keptOutput: (key: string) => {readonly text: Buffer; readonly notes: string} | undefined;
	/**
	 * Keeps an output made from the posts as `posts` read them, under `key` (one file beside the
	 * index), for keptOutput to give while the index does not change: `write` takes it in pieces,
	 * `done` keeps it with the summary of its notes (`discard` drops it).
	 */
	readonly keepOutput: (key: string) => {readonly write: (text: string) => void; readonly done: (notes: string) => void; readonly discard: () => void};
	readonly close: () => void;
};

/** A post as the index lists it, with the id of its `files` row. */
export type IndexedPost = Post & {readonly id: number};

/** A `files` row as `posts` reads it (the columns in its order). */
type Row = [id: number, path: string, size: number, mtimeMs: number, title: string | null, dateMs: number | null, dateOnly: number, link: string | null, author: string | null, categories: string, tags: string, warnings: string];

/**
 * Opens the index of `folder` for listing when it is complete and fresh (see the module comment);
 * undefined otherwise. Posts get the path `prefix + key`, as the loader names them.
 */
export function openListedIndex(folder: string, prefix: string, options: ListedIndexOptions): ListedIndex | undefined {
	const file = indexFileFor(folder, options.directory ?? cacheDirectory());
	if (!fs.lstatSync(file, {throwIfNoEntry: false})?.isFile()) return undefined;
	let db: Database | undefined;
	try {
		db = openDatabase(file);
		// One read transaction from here to close: every read sees the index as it was checked.
		db.exec('BEGIN');
		if (!isFresh(db, prefix, options)) {
			db.close();
			return undefined;
		}
	} catch {
		// Damaged, locked, or of another kind: the load that follows deals with it (and says so).
		db?.close();
		return undefined;
	}

	const open = db;
	const meta = open.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
	// The state of the rows: which index file, and how many changes it has seen.
	const state = () => `${meta.get(instanceKey) ?? ''} ${meta.get(generationKey) ?? '0'}`;
	let stateRead: string | undefined;
	const outputFile = (key: string) => `${file}-list-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
	return {
		db: open,
		posts() {
			stateRead = state();
			return readPosts(open, prefix);
		},
		keptOutput(key) {
			let bytes: Buffer;
			let header: {state?: unknown; key?: unknown; notes?: unknown} | undefined;
			const end = () => bytes.indexOf(10);
			try {
				bytes = fs.readFileSync(outputFile(key));
				header = end() < 0 ? undefined : (JSON.parse(bytes.subarray(0, end()).toString('utf8')) as typeof header);
			} catch {
				return undefined;
			}

			if (header?.state !== state() || header.key !== key || typeof header.notes !== 'string') return undefined;
			return {text: bytes.subarray(end() + 1), notes: header.notes};
		},
		keepOutput(key) {
			const target = outputFile(key);
			const temporary = `${target}.${process.pid}.tmp`;
			let fd: number | undefined;
			let written = 0;
			// A run that ends half-way (`| head -1` closes the pipe) leaves no half-written file behind.
			const removeTemporary = () => fs.rmSync(temporary, {force: true});
			process.on('exit', removeTemporary);
			const give = (action: () => void) => {
				try {
					action();
				} catch {
					// Only a shortcut for the next run: an output that cannot be kept is made again then.
					if (fd !== undefined) fs.closeSync(fd);
					fd = undefined;
					removeTemporary();
					process.off('exit', removeTemporary);
				}
			};
			// Written after the text (at the start of the file, padded): the summary of notes comes last.
			const headerBytes = 4096;
			give(() => {
				if (stateRead === undefined) throw new Error('no posts read');
				fd = fs.openSync(temporary, 'w', 0o600);
				written = headerBytes;
			});
			return {
				write(text) {
					if (fd !== undefined) give(() => (written += fs.writeSync(fd!, text, written)));
				},
				done(notes) {
					give(() => {
						if (fd === undefined) return;
						const header = Buffer.from(JSON.stringify({state: stateRead, key, notes}));
						if (header.length >= headerBytes) throw new Error('header too long');
						const padded = Buffer.alloc(headerBytes, 32);
						header.copy(padded);
						padded[headerBytes - 1] = 10;
						fs.writeSync(fd, padded, 0, headerBytes, 0);
						fs.closeSync(fd);
						fd = undefined;
						fs.renameSync(temporary, target);
						process.off('exit', removeTemporary);
					});
				},
				discard() {
					give(() => {
						throw new Error('discarded');
					});
				},
			};
		},
		close() {
			if (open.inTransaction) open.exec('COMMIT');
			open.close();
		},
	};
}

/** Whether the index lists every file of the folder as it is now, with nothing a load must look at again. */
function isFresh(db: Database, prefix: string, options: ListedIndexOptions): boolean {
	if (schemaVersion(db) !== indexSchemaVersion) return false;
	const meta = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
	// A link is followed (or not) by what it points to now, which its folder's mtime does not tell.
	if (meta.get('stamp') !== options.stamp || meta.get(completeKey) !== '1') return false;
	// Files that could not be listed are read again by every load (and reported).
	if (db.prepare('SELECT 1 FROM files WHERE kind = 2 LIMIT 1').get() !== undefined) return false;
	if (options.text) {
		if (db.prepare("SELECT value FROM search_meta WHERE key = 'version'").pluck().get() !== searchSchemaVersion) return false;
		if (db.prepare('SELECT 1 FROM files WHERE kind = 1 AND text_indexed = 0 LIMIT 1').get() !== undefined) return false;
	}

	const folders = db.prepare<[], [string, number]>('SELECT path, mtime_ms FROM folders').raw().all();
	if (!folders.some(([key]) => key === '')) return false;
	const root = prefix.slice(0, -1) || path.sep;
	for (const [key, mtimeMs] of folders) {
		const facts = fs.statSync(key === '' ? root : prefix + key, {throwIfNoEntry: false});
		if (facts?.isDirectory() !== true || facts.mtimeMs !== mtimeMs) return false;
	}

	return true;
}

/** Every post of the index, sorted as sortPosts sorts. */
function readPosts(db: Database, prefix: string): IndexedPost[] {
	const rows = db.prepare('SELECT id, path, size, mtime_ms, title, date_ms, date_only, link, author, categories, tags, warnings FROM files WHERE kind = 1 ORDER BY date_ms DESC').raw().iterate() as IterableIterator<Row>;
	// The lists most posts share are one array each.
	const {postOf} = storedPostReader(prefix);
	const posts: IndexedPost[] = [];
	for (const [id, key, size, mtimeMs, title, dateMs, dateOnly, link, author, categories, tags, warnings] of rows) {
		// The row id joins the post made from the row (no copy of it: a list is every post of the folder).
		posts.push(Object.assign(postOf({key, size, mtimeMs, title, dateMs, dateOnly, link, author, categories, tags, warnings}), {id}));
	}

	// The database's order is that of sortPosts but for date-only posts next to timed ones: nearly sorted already.
	return posts.sort(comparePosts);
}
