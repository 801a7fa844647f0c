/**
 * The index database of an archive folder: what the list needs from every file (size, mtime, the
 * listed fields, the date as an instant plus a flag for date-only posts) and every folder's
 * listing with its mtime, so a large archive opens without reading, or even stat'ing, every file.
 *
 * One SQLite file per archive folder, named by a hash of the folder's real path, in the user's
 * cache folder (`$XDG_CACHE_HOME/folio/index` on Linux, or `$FOLIO_CACHE_DIR`); never inside the
 * archive. It is disposable: a file that is not a database, is damaged, or has another schema
 * version or stamp (folio's version) is removed and built again; one that cannot be used at all
 * (locked by another process for too long, a cache folder that cannot be made, a pipe or an
 * implausibly large file in its place) costs one warning, and folio goes on reading the files.
 *
 * WAL mode and transactions: a second folio process reads while one writes, and a build killed
 * half-way keeps every batch it committed.
 */
import {createHash, randomUUID} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import {comparePosts} from '../library.js';
import {makeFolder} from '../safe-folder.js';
import type {FolderListing, FolderMemo} from '../scan.js';
import type {Post, SearchDocument} from '../types.js';
import {firstLine, openDatabase, schemaVersion, setSchemaVersion, type Database} from './database.js';
import {createSearchSchema, deleteSearchDocument, putSearchDocument} from './search-hooks.js';

/** Bump when the schema or what the parser produces changes: an index of another version is rebuilt. */
export const indexSchemaVersion = 2;

/** An index file larger than this is not opened (no archive's index comes near it). */
export const maxIndexBytes = 8 * 1024 ** 3;

/**
 * One file of the folder as last read, keyed by its path relative to the folder: a post, a file
 * that is not a post (`.txt` without front matter), or a file that could not be listed (`reason`).
 */
export type IndexEntry = {
	readonly size: number;
	readonly mtimeMs: number;
	readonly post?: Post;
	readonly reason?: string;
	/** The post's text for full-text search, written with the row (a row written without one has none). */
	readonly document?: SearchDocument;
	/** As read from the index: whether the row has its search document (the file's text as of size and mtime). */
	readonly textIndexed?: boolean;
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

/** The index database of an archive folder (named by a hash of its real path), inside `directory`. */
export function indexFileFor(folder: string, directory = cacheDirectory()): string {
	const hash = createHash('sha256').update(realFolder(folder)).digest('hex').slice(0, 32);
	return path.join(directory, `${hash}.db`);
}

/** An open index: what it holds, loaded at once, and the writes that keep it up to date. */
export type IndexStore = {
	/** The posts it lists, newest first (as sortPosts orders them). */
	readonly posts: Post[];
	/** Files that could not be listed, with the reason, by path (`prefix + key`). */
	readonly skipped: Array<{readonly path: string; readonly reason: string}>;
	/** Every file by key. */
	readonly entries: ReadonlyMap<string, IndexEntry>;
	/** Whether the index held anything when opened (false: a first build). */
	readonly filled: boolean;
	/** Folder listings for the scan; new ones are written by `commit`. */
	readonly memo: FolderMemo;
	/**
	 * Writes files (by key) and folder listings met since the last commit, and removes keys, in one
	 * transaction. `complete` says this commit ends a pass over every file of the folder (the index
	 * then lists them all); any other commit says the pass is under way.
	 */
	readonly commit: (put: ReadonlyArray<readonly [string, IndexEntry]>, remove?: readonly string[], complete?: boolean) => void;
	/** Drops the listings of folders not seen by the scan, then closes the database. */
	readonly close: () => void;
};

/** Where the index lives and what it must match. */
export type IndexOptions = {
	readonly directory?: string;
	/** An index written with another stamp (another version of folio) is rebuilt. */
	readonly stamp?: string;
	/** Told once, in one line, when the index cannot be used (folio then reads the files). */
	readonly warn?: (message: string) => void;
	/** How long a write waits for another process holding the index (default: database.ts). */
	readonly busyTimeoutMs?: number;
};

const kindOther = 0;
const kindPost = 1;
const kindSkipped = 2;
/** Joins list items in one column (sanitized strings never hold control characters). */
export const listSeparator = '\u001F';

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS folders (path TEXT PRIMARY KEY, mtime_ms REAL NOT NULL, names TEXT NOT NULL, types TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (
	id INTEGER PRIMARY KEY,
	path TEXT UNIQUE NOT NULL,
	size INTEGER NOT NULL,
	mtime_ms REAL NOT NULL,
	kind INTEGER NOT NULL,
	title TEXT,
	date_ms INTEGER,
	date_only INTEGER NOT NULL DEFAULT 0,
	link TEXT,
	author TEXT,
	categories TEXT NOT NULL DEFAULT '',
	tags TEXT NOT NULL DEFAULT '',
	warnings TEXT NOT NULL DEFAULT '',
	reason TEXT,
	text_indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS files_by_date ON files (date_ms DESC);
-- Files that could not be listed, found without reading every row.
CREATE INDEX IF NOT EXISTS files_skipped ON files (id) WHERE kind = 2;
-- Posts whose text is not in the full-text index yet.
CREATE INDEX IF NOT EXISTS files_without_text ON files (id) WHERE kind = 1 AND text_indexed = 0;
`;

/**
 * How many posts carry each set of categories (the column as written), kept by triggers in the
 * transaction that writes the files: the reader's first frame counts posts and categories from
 * these few rows, not from every post (see index-window.ts). Filled from the files when made.
 */
const categorySets = `
CREATE TABLE IF NOT EXISTS category_sets (categories TEXT PRIMARY KEY, posts INTEGER NOT NULL) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS files_post_added AFTER INSERT ON files WHEN new.kind = ${kindPost} BEGIN
	INSERT INTO category_sets (categories, posts) VALUES (new.categories, 1) ON CONFLICT (categories) DO UPDATE SET posts = posts + 1;
END;
CREATE TRIGGER IF NOT EXISTS files_post_removed AFTER DELETE ON files WHEN old.kind = ${kindPost} BEGIN
	UPDATE category_sets SET posts = posts - 1 WHERE categories = old.categories;
END;
CREATE TRIGGER IF NOT EXISTS files_post_changed AFTER UPDATE OF kind, categories ON files BEGIN
	UPDATE category_sets SET posts = posts - 1 WHERE old.kind = ${kindPost} AND categories = old.categories;
	INSERT INTO category_sets (categories, posts) SELECT new.categories, 1 WHERE new.kind = ${kindPost} ON CONFLICT (categories) DO UPDATE SET posts = posts + 1;
END;
`;

/**
 * The meta key present while the index lists every file of the folder, as of the last full pass
 * (see IndexStore.commit): `1`, or `links` when a folder holds a symbolic link.
 */
export const completeKey = 'complete';
/** The meta key counting the commits that changed a file's row: what is derived from the rows is of one generation. */
export const generationKey = 'generation';
/** The meta key naming this index file (made anew when it is rebuilt): with the generation, it names the rows' state. */
export const instanceKey = 'instance';

/** A `files` row as loadStore reads it (the columns in its order). */
type RawRow = [textIndexed: number, path: string, size: number, mtimeMs: number, kind: number, title: string | null, dateMs: number | null, dateOnly: number, link: string | null, author: string | null, categories: string, tags: string, warnings: string, reason: string | null];

/**
 * The instant stored for a post's date: the date itself, or for a date-only post (a local calendar
 * day) midnight UTC of that day, so reading the index in another time zone gives the same day.
 */
export function storedDate(post: Pick<Post, 'date' | 'hasTime'>): number | undefined {
	if (post.date === undefined) return undefined;
	if (post.hasTime) return post.date;
	const day = new Date(post.date);
	return Date.UTC(day.getFullYear(), day.getMonth(), day.getDate());
}

/** The columns of a post's row that a Post is made from (`key`: its path below the folder). */
export type StoredPost = {
	readonly key: string;
	readonly size: number;
	readonly mtimeMs: number;
	readonly title: string | null;
	readonly dateMs: number | null;
	readonly dateOnly: number;
	readonly link: string | null;
	readonly author: string | null;
	readonly categories: string;
	readonly tags: string;
	readonly warnings: string;
};

/**
 * Makes Posts from stored rows, their paths `prefix + key`. Lists (categories, tags, warnings)
 * written alike are one frozen array, shared by every post made by this reader.
 */
export function storedPostReader(prefix: string): {readonly postOf: (row: StoredPost) => Post; readonly listOf: (text: string) => readonly string[]} {
	const lists = new Map<string, readonly string[]>([['', Object.freeze([])]]);
	const listOf = (text: string): readonly string[] => {
		let found = lists.get(text);
		if (found === undefined) lists.set(text, (found = Object.freeze(text.split(listSeparator))));
		return found;
	};

	const postOf = (row: StoredPost): Post => ({
		path: prefix + row.key,
		title: row.title ?? '',
		date: row.dateOnly === 1 ? dateFromStored(row.dateMs, true) : (row.dateMs ?? undefined),
		hasTime: row.dateMs !== null && row.dateOnly === 0,
		categories: listOf(row.categories),
		tags: listOf(row.tags),
		link: row.link ?? undefined,
		author: row.author ?? undefined,
		warnings: listOf(row.warnings),
		size: row.size,
		mtimeMs: row.mtimeMs,
	});
	return {postOf, listOf};
}

/** A post's date from what storedDate stored: a date-only post is that day in the local time zone. */
export function dateFromStored(ms: number | null, dateOnly: boolean): number | undefined {
	if (ms === null) return undefined;
	if (!dateOnly) return ms;
	const day = new Date(ms);
	return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()).getTime();
}

/**
 * Opens the index of `folder` (posts get the path `prefix + key`), creating or rebuilding it as
 * needed. Undefined, after one warning, when it cannot be used at all.
 */
export function openIndex(folder: string, prefix: string, options: IndexOptions = {}): IndexStore | undefined {
	const directory = options.directory ?? cacheDirectory();
	const file = indexFileFor(folder, directory);
	const warn = (message: string) => options.warn?.(`index not used: ${message}`);
	try {
		makeFolder(directory);
	} catch (error) {
		warn(firstLine(error));
		return undefined;
	}

	const facts = fs.lstatSync(file, {throwIfNoEntry: false});
	if (facts !== undefined && !facts.isFile()) {
		warn(`${file} is not a regular file`);
		return undefined;
	}

	if (facts !== undefined && facts.size > maxIndexBytes) {
		warn(`${file} is implausibly large (${Math.round(facts.size / 1024 ** 3)} GB); delete it to build it again`);
		return undefined;
	}

	for (let attempt = 0; ; attempt++) {
		let db: Database | undefined;
		try {
			db = openDatabase(file);
			if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs)}`);
			prepare(db, options.stamp ?? '');
			return loadStore(db, prefix);
		} catch (error) {
			db?.close();
			const code = (error as {code?: string}).code ?? '';
			if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
				warn(`${file} is in use by another folio for too long`);
				return undefined;
			}

			// Damaged or not a database: it is only a cache, so it is built again (once).
			if (attempt > 0 || !(code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') || error instanceof StaleIndex)) {
				warn(`${file}: ${firstLine(error)}`);
				return undefined;
			}

			for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, {force: true});
		}
	}
}

/** An index of another schema version or stamp, when it cannot be emptied in place. */
class StaleIndex extends Error {}

/** Creates the schema, or empties an index of another version or stamp. */
function prepare(db: Database, stamp: string): void {
	db.transaction(() => {
		const version = schemaVersion(db);
		if (version !== 0 && version !== indexSchemaVersion) throw new StaleIndex(`index of another version (${version})`);
		db.exec(schema);
		const counted = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'category_sets'").get() !== undefined;
		db.exec(categorySets);
		if (!counted) db.exec(`INSERT INTO category_sets (categories, posts) SELECT categories, COUNT(*) FROM files WHERE kind = ${kindPost} GROUP BY categories`);
		createSearchSchema(db);
		const stored = db.prepare<[], {value: string}>("SELECT value FROM meta WHERE key = 'stamp'").get();
		if (stored?.value !== stamp) {
			if (stored !== undefined) {
				for (const {id} of db.prepare<[], {id: number}>('SELECT id FROM files').all()) deleteSearchDocument(db, id);
				db.exec(`DELETE FROM files; DELETE FROM folders; DELETE FROM meta WHERE key IN ('${completeKey}', '${instanceKey}');`);
			}

			db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('stamp', ?)").run(stamp);
		}

		db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('${instanceKey}', ?)`).run(randomUUID());

		if (version === 0) setSchemaVersion(db, indexSchemaVersion);
	}).immediate();
}

function loadStore(db: Database, prefix: string): IndexStore {
	// Arrays, not objects, per row; the lists most posts share are one array each.
	const rows = db.prepare('SELECT text_indexed, path, size, mtime_ms, kind, title, date_ms, date_only, link, author, categories, tags, warnings, reason FROM files ORDER BY date_ms DESC').raw().all() as RawRow[];
	const posts: Post[] = [];
	const skipped: Array<{path: string; reason: string}> = [];
	const entries = new Map<string, IndexEntry>();
	const {postOf} = storedPostReader(prefix);
	for (const [textIndexed, key, size, mtimeMs, kind, title, dateMs, dateOnly, link, author, categories, tags, warnings, reason] of rows) {
		if (kind === kindPost) {
			const post = postOf({key, size, mtimeMs, title, dateMs, dateOnly, link, author, categories, tags, warnings});
			posts.push(post);
			entries.set(key, {size, mtimeMs, post, textIndexed: textIndexed === 1});
		} else if (kind === kindSkipped) {
			skipped.push({path: prefix + key, reason: reason ?? ''});
			entries.set(key, {size, mtimeMs, reason: reason ?? ''});
		} else {
			entries.set(key, {size, mtimeMs});
		}
	}

	// The database's order is that of sortPosts but for date-only posts next to timed ones; this is nearly free.
	posts.sort(comparePosts);
	const folders = new Map<string, {mtimeMs: number; listing: FolderListing}>();
	for (const row of db.prepare<[], {path: string; mtime_ms: number; names: string; types: string}>('SELECT * FROM folders').all()) {
		folders.set(row.path, {mtimeMs: row.mtime_ms, listing: {names: row.names === '' ? [] : row.names.split('\0'), types: row.types}});
	}

	const root = prefix.slice(0, -1);
	const folderKey = (folder: string) => (folder.startsWith(prefix) ? folder.slice(prefix.length) : folder === root || folder + path.sep === prefix ? '' : undefined);
	const seen = new Set<string>();
	const listings = new Map<string, {mtimeMs: number; listing: FolderListing}>();
	const memo: FolderMemo = {
		get(folder) {
			const key = folderKey(folder);
			return key === undefined ? undefined : folders.get(key);
		},
		put(folder, mtimeMs, listing) {
			const key = folderKey(folder);
			if (key !== undefined) listings.set(key, {mtimeMs, listing});
		},
		seen(folder) {
			const key = folderKey(folder);
			if (key !== undefined) seen.add(key);
		},
	};

	const files = fileRows(db);
	const putFolder = db.prepare<[string, number, string, string]>('INSERT OR REPLACE INTO folders (path, mtime_ms, names, types) VALUES (?, ?, ?, ?)');
	const removeFolder = db.prepare<[string]>('DELETE FROM folders WHERE path = ?');
	const markComplete = db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('${completeKey}', CASE WHEN EXISTS (SELECT 1 FROM folders WHERE instr(types, 'l') > 0) THEN 'links' ELSE '1' END)`);
	const markIncomplete = db.prepare(`DELETE FROM meta WHERE key = '${completeKey}'`);
	const nextGeneration = generationCounter(db);
	const commit = db.transaction((put: ReadonlyArray<readonly [string, IndexEntry]>, remove: readonly string[], complete: boolean) => {
		markIncomplete.run();
		if (put.length > 0 || remove.length > 0) nextGeneration.run();
		for (const key of remove) files.remove(key);
		for (const [key, entry] of put) files.put(key, entry);

		// A folder's listing is written with (or after) its files: a build killed in between reads them again.
		for (const [key, {mtimeMs, listing}] of listings) putFolder.run(key, mtimeMs, listing.names.join('\0'), listing.types);
		listings.clear();
		if (complete) markComplete.run();
	});

	let closed = false;
	return {
		posts,
		skipped,
		entries,
		filled: rows.length > 0 || folders.size > 0,
		memo,
		commit: (put, remove = [], complete = false) => commit.immediate(put, remove, complete),
		close() {
			if (closed) return;
			closed = true;
			try {
				if (seen.size > 0) {
					db.transaction(() => {
						for (const key of folders.keys()) if (!seen.has(key)) removeFolder.run(key);
					}).immediate();
				}
			} finally {
				db.close();
			}
		},
	};
}

/** Writes and removes `files` rows with their search documents (call inside a transaction). */
/** Counts one more change of the files' rows (see generationKey): what was derived from them is out of date. */
function generationCounter(db: Database): {readonly run: () => void} {
	return db.prepare(`INSERT INTO meta (key, value) VALUES ('${generationKey}', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value + 1 AS TEXT)`);
}

function fileRows(db: Database): {readonly put: (key: string, entry: IndexEntry) => void; readonly remove: (key: string) => void; readonly removeUnder: (folder: string) => void} {
	const putFile = db.prepare(
		`INSERT INTO files (path, size, mtime_ms, kind, title, date_ms, date_only, link, author, categories, tags, warnings, reason, text_indexed)
		VALUES (@path, @size, @mtime, @kind, @title, @date, @dateOnly, @link, @author, @categories, @tags, @warnings, @reason, @textIndexed)
		ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, kind = excluded.kind, title = excluded.title,
			date_ms = excluded.date_ms, date_only = excluded.date_only, link = excluded.link, author = excluded.author,
			categories = excluded.categories, tags = excluded.tags, warnings = excluded.warnings, reason = excluded.reason,
			text_indexed = excluded.text_indexed
		RETURNING id`,
	);
	const idOf = db.prepare<[string], {id: number}>('SELECT id FROM files WHERE path = ?');
	// Keys from `folder/` up to (not including) `folder0`: every key under the folder, by the path index.
	const idsUnder = db.prepare<[string, string], {id: number}>('SELECT id FROM files WHERE path >= ? AND path < ?');
	const removeFile = db.prepare<[number]>('DELETE FROM files WHERE id = ?');
	const removeId = (id: number) => {
		deleteSearchDocument(db, id);
		removeFile.run(id);
	};

	return {
		put(key, entry) {
			const {post, document} = entry;
			const written = putFile.get({
				path: key,
				size: entry.size,
				mtime: entry.mtimeMs,
				kind: post === undefined ? (entry.reason === undefined ? kindOther : kindSkipped) : kindPost,
				title: post?.title ?? null,
				date: post === undefined ? null : (storedDate(post) ?? null),
				dateOnly: post !== undefined && post.date !== undefined && !post.hasTime ? 1 : 0,
				link: post?.link ?? null,
				author: post?.author ?? null,
				categories: post?.categories.join(listSeparator) ?? '',
				tags: post?.tags.join(listSeparator) ?? '',
				warnings: post?.warnings.join(listSeparator) ?? '',
				reason: entry.reason ?? null,
				textIndexed: post !== undefined && document !== undefined ? 1 : 0,
			}) as {id: number};
			// The search document goes with its row, in the same transaction: never one without the other.
			if (post !== undefined && document !== undefined) putSearchDocument(db, written.id, document);
			else deleteSearchDocument(db, written.id);
		},
		remove(key) {
			const found = idOf.get(key);
			if (found !== undefined) removeId(found.id);
		},
		removeUnder(folder) {
			for (const {id} of idsUnder.all(folder + path.sep, folder + String.fromCodePoint(path.sep.codePointAt(0)! + 1))) removeId(id);
		},
	};
}

/** Writes to an archive's index as files change, one transaction per call (see openIndexUpdates). */
export type IndexUpdates = {
	/**
	 * In one transaction: removes the rows of the keys in `removed` (a key that names a folder takes
	 * every row under it) and writes the rows in `put`. Throws when the index cannot be written.
	 */
	readonly write: (put: ReadonlyArray<readonly [string, IndexEntry]>, removed: readonly string[]) => void;
	readonly close: () => void;
};

/**
 * Opens the index of `folder` to keep some of its rows up to date, or undefined when it has none
 * of this schema version and stamp (an index is only made, emptied or rebuilt by openIndex; one
 * that is busy, damaged or not a database is left alone). Throws nothing.
 */
export function openIndexUpdates(folder: string, options: Pick<IndexOptions, 'directory' | 'stamp' | 'busyTimeoutMs'> = {}): IndexUpdates | undefined {
	const file = indexFileFor(folder, options.directory ?? cacheDirectory());
	const facts = fs.lstatSync(file, {throwIfNoEntry: false});
	if (facts === undefined || !facts.isFile() || facts.size > maxIndexBytes) return undefined;
	let db: Database | undefined;
	try {
		db = openDatabase(file);
		if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs)}`);
		if (schemaVersion(db) !== indexSchemaVersion) throw new StaleIndex('index of another version');
		const stored = db.prepare<[], {value: string}>("SELECT value FROM meta WHERE key = 'stamp'").get();
		if (stored?.value !== (options.stamp ?? '')) throw new StaleIndex('index of another stamp');
		if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_text'").get() === undefined) throw new StaleIndex('index without search tables');
	} catch {
		db?.close();
		return undefined;
	}

	const open = db;
	const rows = fileRows(open);
	const nextGeneration = generationCounter(open);
	const write = open.transaction((put: ReadonlyArray<readonly [string, IndexEntry]>, removed: readonly string[]) => {
		// A list kept from the rows as they were is not written again after this (see indexed-list.ts).
		if (put.length > 0 || removed.length > 0) nextGeneration.run();
		for (const key of removed) {
			rows.remove(key);
			rows.removeUnder(key);
		}

		for (const [key, entry] of put) rows.put(key, entry);
	});
	return {
		write: (put, removed) => write.immediate(put, removed),
		close: () => open.close(),
	};
}
