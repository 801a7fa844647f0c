/**
 * The list of an archive kept up to date with what the file watcher reports: posts added,
 * written again or removed while the reader is open. The list stays sorted as sortPosts sorts it.
 */
import path from 'node:path';
import {comparePosts} from './library.js';
import {readPostHead} from './parse.js';
import type {Post, Skipped} from './types.js';
import type {ArchiveChanges} from './watch.js';

/** The list after one batch of changes, and what the batch did to it. */
export type AppliedChanges = {
	/** Newest first, as sortPosts orders them. */
	readonly posts: readonly Post[];
	/** Posts listed now that were not before. */
	readonly added: readonly Post[];
	/** Posts listed before and now, read again (their fields may differ). */
	readonly changed: readonly Post[];
	/** Posts listed before that are gone (their file removed, or no longer a post). */
	readonly removed: readonly Post[];
	/** Files that could not be listed, with why. */
	readonly skipped: readonly Skipped[];
};

/** How a file is read for the list (parse.ts's readPostHead; tests may pass their own). */
export type ReadPost = (file: string) => Post | Skipped | undefined;

/**
 * Applies one batch of watcher changes to a sorted list of posts. Files added or written again
 * are read (their heads only); a removed path takes the post of that file, or every post under
 * that folder. The list given is not changed.
 */
export function applyChanges(posts: readonly Post[], changes: ArchiveChanges, readPost: ReadPost = readPostHead): AppliedChanges {
	const byPath = new Map<string, Post>();
	for (const post of posts) byPath.set(post.path, post);
	const gone = new Map<string, Post>();
	const removedPaths = new Set(changes.removed);
	if (removedPaths.size > 0) {
		for (const post of posts) if (isUnder(post.path, removedPaths)) gone.set(post.path, post);
	}

	const added: Post[] = [];
	const changed: Post[] = [];
	const skipped: Skipped[] = [];
	const fresh: Post[] = [];
	for (const file of [...changes.added, ...changes.changed]) {
		const before = byPath.get(file.path);
		const result = readPost(file.path);
		if (result !== undefined && 'title' in result) {
			gone.delete(file.path);
			fresh.push(result);
			if (before === undefined) added.push(result);
			else {
				changed.push(result);
				gone.set(file.path, before);
			}
		} else {
			if (result !== undefined) skipped.push(result);
			if (before !== undefined) gone.set(file.path, before);
		}
	}

	const freshPaths = new Set(fresh.map(post => post.path));
	const removed = [...gone.values()].filter(post => !freshPaths.has(post.path));
	if (gone.size === 0 && fresh.length === 0) return {posts, added, changed, removed, skipped};
	const kept = gone.size === 0 ? [...posts] : posts.filter(post => !gone.has(post.path));
	const sorted = [...fresh].sort(comparePosts);
	return {posts: mergeInto(kept, sorted), added, changed, removed, skipped};
}

/** Whether the file is one of the paths, or inside one of them. */
function isUnder(file: string, paths: ReadonlySet<string>): boolean {
	if (paths.has(file)) return true;
	let at = file.lastIndexOf(path.sep);
	while (at > 0) {
		if (paths.has(file.slice(0, at))) return true;
		at = file.lastIndexOf(path.sep, at - 1);
	}

	return false;
}

/** Both sorted lists as one sorted list (few new posts go into a long list in one pass). */
function mergeInto(list: readonly Post[], sortedNew: readonly Post[]): Post[] {
	if (sortedNew.length === 0) return [...list];
	const merged: Post[] = [];
	let next = 0;
	for (const post of list) {
		while (next < sortedNew.length && comparePosts(sortedNew[next]!, post) <= 0) merged.push(sortedNew[next++]!);
		merged.push(post);
	}

	while (next < sortedNew.length) merged.push(sortedNew[next++]!);
	return merged;
}
