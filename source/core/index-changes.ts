/**
 * The index rows of a batch of watched changes: each file added or written again is read as the
 * index build reads it (its head for the list, its text for full-text search), and each path
 * removed is a key to drop (a folder's key drops everything under it). Only what the batch names
 * is read or written, so the rest of the index is left as it is.
 */
import fs from 'node:fs';
import type {IndexEntry} from './db/index-db.js';
import {readPostHead} from './parse.js';
import type {Post, SearchDocument, Skipped} from './types.js';
import type {ArchiveChanges} from './watch.js';

/** What one batch does to the index: rows to write by key, and keys to remove. */
export type IndexChanges = {
	readonly put: ReadonlyArray<readonly [string, IndexEntry]>;
	readonly removed: readonly string[];
};

/** How files are read (the index build's readers; tests may pass their own). */
export type IndexReaders = {
	readonly readPost?: (file: string) => Post | Skipped | undefined;
	/** The post's search document, or undefined when its text cannot be read or is not indexed. */
	readonly documentOf?: (post: Post) => SearchDocument | undefined;
	readonly stat?: (file: string) => {readonly size: number; readonly mtimeMs: number} | undefined;
};

/**
 * The rows a batch writes and the keys it removes, for an index whose keys are paths with
 * `prefix` taken off (paths outside it are left out). A post's search document is kept only
 * when its file did not change while it was read (a later batch brings the change).
 */
export function indexChanges(changes: ArchiveChanges, prefix: string, readers: IndexReaders = {}): IndexChanges {
	const {readPost = readPostHead, documentOf, stat = statFile} = readers;
	const keyOf = (file: string) => (file.startsWith(prefix) && file.length > prefix.length ? file.slice(prefix.length) : undefined);
	const put: Array<readonly [string, IndexEntry]> = [];
	const removed: string[] = [];
	for (const file of changes.removed) {
		const key = keyOf(file);
		if (key !== undefined) removed.push(key);
	}

	for (const {path: file} of [...changes.added, ...changes.changed]) {
		const key = keyOf(file);
		if (key === undefined) continue;
		const result = readPost(file);
		if (result === undefined) {
			// Not a post (a .txt without front matter): known by its size and mtime, so it is not read again.
			const facts = stat(file);
			if (facts === undefined) removed.push(key);
			else put.push([key, {size: facts.size, mtimeMs: facts.mtimeMs}]);
		} else if ('reason' in result) {
			// As the build keeps it: always read again, its reason shown meanwhile.
			put.push([key, {size: -1, mtimeMs: 0, reason: result.reason}]);
		} else {
			const document = documentOf?.(result);
			const after = document === undefined ? undefined : stat(file);
			const same = after !== undefined && after.size === result.size && after.mtimeMs === result.mtimeMs;
			put.push([key, {size: result.size, mtimeMs: result.mtimeMs, post: result, document: same ? document : undefined}]);
		}
	}

	return {put, removed};
}

function statFile(file: string): {size: number; mtimeMs: number} | undefined {
	try {
		const facts = fs.statSync(file);
		return facts.isFile() ? {size: facts.size, mtimeMs: facts.mtimeMs} : undefined;
	} catch {
		return undefined;
	}
}
