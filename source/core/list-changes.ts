/**
 * What a check of an archive's files found different from the list its index held: the posts read
 * again (new or changed), the paths of posts that are gone, and the files that could not be listed.
 * A background check sends this instead of the whole list, and the list shown takes it in.
 */
import {mergeSorted} from './file-order.js';
import {sortPosts} from './library.js';
import type {Post, Skipped} from './types.js';

/** Changes to a list of posts, by path. */
export type ListChanges = {
	/** Posts new to the list or read again (they replace the post of the same path). */
	readonly updated: readonly Post[];
	/** Paths of posts no longer listed. */
	readonly removed: readonly string[];
	/** Every file that could not be listed (replaces the list's). */
	readonly skipped: readonly Skipped[];
};

/** The list (sorted as sortPosts sorts it) with the changes taken in; the list given is not changed. */
export function applyListChanges(list: {readonly posts: readonly Post[]}, changes: ListChanges): {posts: Post[]; skipped: Skipped[]} {
	const replaced = new Set(changes.removed);
	for (const post of changes.updated) replaced.add(post.path);
	const kept = replaced.size === 0 ? [...list.posts] : list.posts.filter(post => !replaced.has(post.path));
	return {posts: changes.updated.length === 0 ? kept : mergeSorted(kept, sortPosts(changes.updated)), skipped: [...changes.skipped]};
}
