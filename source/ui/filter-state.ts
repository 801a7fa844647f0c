/** Which posts the list shows: the filters a person set, applied as one pure function. */
import {filterByCategory, filterByTag} from '../core/library.js';
import {filterPosts, matchesPost} from '../core/search.js';
import type {Post} from '../core/types.js';

/** Every list filter; an undefined or empty field filters nothing. */
export type Filters = {
	readonly category: string | undefined;
	readonly tag: string | undefined;
	/** Text typed after `/`: matched against title, categories, tags and author. */
	readonly query: string;
	readonly unreadOnly: boolean;
};

/** Posts of `source` (newest first) that pass every filter, in order; `source` itself when none is set. */
export function applyFilters(source: readonly Post[], filters: Filters, read: ReadonlySet<string>): readonly Post[] {
	let posts = filterByCategory(source, filters.category);
	posts = filterByTag(posts, filters.tag);
	if (filters.unreadOnly) posts = posts.filter(post => !read.has(post.path));
	return filterPosts(posts, filters.query);
}

/** True when one post passes every filter (for adding posts to a list already filtered). */
export function passesFilters(post: Post, filters: Filters, read: ReadonlySet<string>): boolean {
	const has = (names: readonly string[], wanted: string | undefined) =>
		wanted === undefined || names.some(name => name.toLowerCase() === wanted.toLowerCase());
	return (
		has(post.categories, filters.category) &&
		has(post.tags, filters.tag) &&
		!(filters.unreadOnly && read.has(post.path)) &&
		matchesPost(post, filters.query)
	);
}
