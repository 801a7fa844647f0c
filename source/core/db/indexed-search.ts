/**
 * Full-text search of a listed archive with its index database: the index of the folder is
 * opened (never created or rebuilt here), and searchArchive answers every post whose stored search
 * document is of the file as listed (same size and mtime) from the index alone; the others are read.
 * Without a usable index every file is read, so the result is always that of a full scan.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Post} from '../types.js';
import {firstLine, openDatabase, schemaVersion, type Database} from './database.js';
import {cacheDirectory, indexFileFor, indexSchemaVersion} from './index-db.js';
import {postSearcher, searchArchive, type SearchHit} from './search-archive.js';
import {searchSchemaVersion} from './search-index.js';

/** An archive's index open for searching. */
export type IndexedSearch = {
	/** Searches `posts` (the listed archive, or part of it) for `text`, in their order. */
	readonly search: (posts: readonly Post[], text: string) => SearchHit[];
	/** Searches one post for `text`: the line to show, or undefined (the index is asked once per text). */
	readonly searchPost: (post: Post, text: string) => string | undefined;
	readonly close: () => void;
};

/** What a `files` row with a search document says about its file. */
type Indexed = {readonly id: number; readonly size: number; readonly mtimeMs: number};

/**
 * Opens the index of `folder` for search, or undefined when it has none usable (missing, of
 * another version, damaged, locked: `warn` is told of the last two). Posts are matched to rows
 * by path (`prefix + key`, as the loader names them).
 */
export function openIndexedSearch(folder: string, options: {readonly directory?: string; readonly warn?: (message: string) => void} = {}): IndexedSearch | undefined {
	const file = indexFileFor(folder, options.directory ?? cacheDirectory());
	if (!fs.lstatSync(file, {throwIfNoEntry: false})?.isFile()) return undefined;
	let db: Database | undefined;
	try {
		db = openDatabase(file);
		if (schemaVersion(db) !== indexSchemaVersion) throw new Error('index of another version');
		const version = db.prepare("SELECT value FROM search_meta WHERE key = 'version'").pluck().get();
		if (version !== searchSchemaVersion) throw new Error('search tables of another version');
	} catch (error) {
		db?.close();
		options.warn?.(`index not used for search: ${firstLine(error)}`);
		return undefined;
	}

	const open = db;
	const prefix = path.join(folder, 'x').slice(0, -1);
	let rows: Map<string, Indexed> | undefined;
	let rowsVersion: unknown;
	// Rows are read again once another process (the index build) has written.
	const freshRows = () => {
		const version = open.pragma('data_version', {simple: true});
		if (rows === undefined || version !== rowsVersion) {
			rows = readRows(open, prefix);
			rowsVersion = version;
		}
	};
	const indexedId = (post: Post): number | undefined => {
		if (rows === undefined) freshRows();
		const row = rows!.get(post.path);
		return row !== undefined && row.size === post.size && row.mtimeMs === post.mtimeMs ? row.id : undefined;
	};

	let last: {readonly text: string; readonly search: (post: Post) => string | undefined} | undefined;
	return {
		search(posts, text) {
			try {
				return searchArchive(open, posts, indexedId, text);
			} catch (error) {
				// A damaged or locked index: the files themselves still answer.
				options.warn?.(`index not used for search: ${firstLine(error)}`);
				return searchArchive(undefined, posts, () => undefined, text);
			}
		},
		searchPost(post, text) {
			if (last?.text !== text) {
				try {
					freshRows();
					last = {text, search: postSearcher(open, indexedId, text)};
				} catch {
					last = {text, search: postSearcher(undefined, indexedId, text)};
				}
			}
			return last.search(post);
		},
		close: () => open.close(),
	};
}

function readRows(db: Database, prefix: string): Map<string, Indexed> {
	const rows = new Map<string, Indexed>();
	const all = db.prepare('SELECT path, id, size, mtime_ms FROM files WHERE text_indexed = 1').raw().all() as Array<[string, number, number, number]>;
	for (const [key, id, size, mtimeMs] of all) rows.set(prefix + key, {id, size, mtimeMs});
	return rows;
}
