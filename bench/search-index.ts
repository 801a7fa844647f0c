/**
 * The benchmark's own search index of an archive: every post's search document in an FTS5
 * database on disk, as folio's index keeps it, and a search as the `F` key answers it (the ids of
 * the posts found, then the matching lines of one screenful).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {createSearchSchema, putSearchDocument, searchIds, storedBody} from '../source/core/db/search-index.js';
import {loadArchive} from '../source/core/load.js';
import {readPostText} from '../source/core/post-text.js';
import {parseQuery} from '../source/core/query.js';
import {matchContext} from '../source/core/search-context.js';
import {searchDocument} from '../source/core/search-document.js';

/** A built index: the database, how long building took, and how big it is. */
export type BuiltIndex = {readonly db: Database.Database; readonly posts: number; readonly buildMs: number; readonly bytes: number};

/** Builds the search index of every post under `root` in `file` (replaced), in transactions of 1,000 posts. */
export function buildSearchIndex(root: string, file: string): BuiltIndex {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, {force: true});
	fs.mkdirSync(path.dirname(file), {recursive: true});
	const started = performance.now();
	const {posts} = loadArchive(root);
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.exec('CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, date_ms INTEGER, title TEXT NOT NULL, categories TEXT NOT NULL, tags TEXT NOT NULL, author TEXT NOT NULL)');
	createSearchSchema(db);
	const insert = db.prepare('INSERT INTO files (id, path, date_ms, title, categories, tags, author) VALUES (?, ?, ?, ?, ?, ?, ?)');
	const batch = db.transaction((from: number, to: number) => {
		for (let index = from; index < to; index++) {
			const post = posts[index]!;
			const id = index + 1;
			insert.run(id, post.path, post.date ?? null, post.title, JSON.stringify(post.categories), JSON.stringify(post.tags), post.author ?? '');
			let text = '';
			try {
				text = readPostText(post.path);
			} catch {}
			putSearchDocument(db, id, searchDocument(post, text));
		}
	});
	for (let from = 0; from < posts.length; from += 1000) batch(from, Math.min(posts.length, from + 1000));
	db.pragma('wal_checkpoint(TRUNCATE)');
	const buildMs = performance.now() - started;
	return {db, posts: posts.length, buildMs, bytes: fs.statSync(file).size};
}

type FileRow = {id: number; title: string; categories: string; tags: string; author: string};

/**
 * One search as `F` answers it from the index: the ids of every post found, then the matching line
 * of the first `screenful` of them. Returns how many were found.
 */
export function searchScreen(db: Database.Database, text: string, screenful = 40): {readonly found: number; readonly contexts: readonly string[]} {
	const query = parseQuery(text);
	const ids = searchIds(db, query);
	const row = db.prepare('SELECT id, title, categories, tags, author FROM files WHERE id = ?');
	const contexts: string[] = [];
	for (const id of ids.slice(0, screenful)) {
		const file = row.get(id) as FileRow;
		const doc = {title: file.title, body: storedBody(db, id) ?? '', categories: JSON.parse(file.categories) as string[], tags: JSON.parse(file.tags) as string[], author: file.author};
		contexts.push(matchContext(doc, query).context);
	}
	return {found: ids.length, contexts};
}
