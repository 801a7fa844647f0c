/** Which posts the list shows: the restrictions a person set, applied as one pure function. */
import {filterByDate, type Day} from '../core/days.js';
import {isEmptyQuery, matchesListedPost, parseQuery} from '../core/query.js';
import type {Post} from '../core/types.js';

/** The category filter's value for posts that have no category ("(no category)" in the picker). */
export const noCategory: unique symbol = Symbol('no category');

/** A category name, or posts without one. */
export type CategoryChoice = string | typeof noCategory;

/** Every list filter; an undefined or empty field filters nothing. */
export type Filters = {
	readonly category: CategoryChoice | undefined;
	readonly tag: string | undefined;
	/** A top-level folder of the archive (see sourceOf). */
	readonly source: string | undefined;
	/** Text typed after `/`: every word must occur in the title, categories, tags or author. */
	readonly query: string;
	readonly unreadOnly: boolean;
	/** Only starred posts (`*`, `--starred`). */
	readonly starredOnly: boolean;
	/** Posts from this day on, and up to this day (`--since`, `--until`). */
	readonly since: Day | undefined;
	readonly until: Day | undefined;
};

/** No restriction at all. */
export const noFilters: Filters = {category: undefined, tag: undefined, source: undefined, query: '', unreadOnly: false, starredOnly: false, since: undefined, until: undefined};

/** The name of the source a post belongs to: the first folder of its path under `root`. */
export const topFolder = '(top folder)';

/**
 * The top-level folder of `root` a post's file is in, or `(top folder)` for a file right in
 * `root`; undefined when the post is not under `root` at all.
 */
export function sourceOf(post: Post, root: string): string | undefined {
	if (root === '') return undefined;
	const prefix = root.endsWith('/') ? root : `${root}/`;
	if (!post.path.startsWith(prefix)) return undefined;
	const slash = post.path.indexOf('/', prefix.length);
	return slash < 0 ? topFolder : post.path.slice(prefix.length, slash);
}

/**
 * The list query as a test on one post, in the search syntax (see core/query.ts): every word must
 * occur, in any order; phrases, `-word`, `title:` and the like, `after:`/`before:` work as in `F`.
 * Only what the list knows is looked at (not the body). Undefined when it restricts nothing.
 */
export function queryMatcher(query: string): ((post: Post) => boolean) | undefined {
	const parsed = parseQuery(query);
	if (isEmptyQuery(parsed)) return undefined;
	return post => matchesListedPost(post, parsed);
}

/** The filters as test functions, undefined ones left out (for passing posts through them quickly). */
function tests(filters: Filters, read: ReadonlySet<string>, root: string, starred: ReadonlySet<string>): Array<(post: Post) => boolean> {
	const checks: Array<(post: Post) => boolean> = [];
	const {category, tag, source} = filters;
	if (category === noCategory) checks.push(post => post.categories.length === 0);
	else if (category !== undefined) {
		const wanted = category.toLowerCase();
		checks.push(post => post.categories.some(name => name.toLowerCase() === wanted));
	}
	if (tag !== undefined) {
		const wanted = tag.toLowerCase();
		checks.push(post => post.tags.some(name => name.toLowerCase() === wanted));
	}
	if (source !== undefined) checks.push(post => sourceOf(post, root) === source);
	if (filters.unreadOnly) checks.push(post => !read.has(post.path));
	if (filters.starredOnly) checks.push(post => starred.has(post.path));
	const matches = queryMatcher(filters.query);
	if (matches !== undefined) checks.push(matches);
	return checks;
}

const noStars: ReadonlySet<string> = new Set();

/** Posts of `source` (newest first) that pass every filter, in order; `source` itself when none is set. `starred`: paths of starred posts. */
export function applyFilters(posts: readonly Post[], filters: Filters, read: ReadonlySet<string>, root = '', starred = noStars): readonly Post[] {
	const dated = filterByDate(posts, filters.since, filters.until);
	const checks = tests(filters, read, root, starred);
	if (checks.length === 0) return dated;
	return dated.filter(post => checks.every(check => check(post)));
}

/** True when one post passes every filter (for adding posts to a list already filtered). */
export function passesFilters(post: Post, filters: Filters, read: ReadonlySet<string>, root = '', starred = noStars): boolean {
	return applyFilters([post], filters, read, root, starred).length === 1;
}

/** Whether any filter is set. */
export function anyFilter(filters: Filters): boolean {
	return describeFilters(filters).length > 0;
}

/** How a category choice is named on screen. */
export function categoryName(category: CategoryChoice): string {
	return category === noCategory ? '(no category)' : category;
}

/**
 * Each restriction in force, as the header names it (the category first, `--since` last); an
 * empty list when the list shows every post.
 */
export function describeFilters(filters: Filters): string[] {
	const parts: string[] = [];
	if (filters.category !== undefined) parts.push(categoryName(filters.category));
	if (filters.tag !== undefined) parts.push(`#${filters.tag}`);
	if (filters.source !== undefined) parts.push(`in ${filters.source}`);
	if (filters.unreadOnly) parts.push('unread only');
	if (filters.starredOnly) parts.push('starred');
	if (filters.query.trim() !== '') parts.push(`/${filters.query.trim()}`);
	if (filters.since !== undefined) parts.push(`since ${filters.since.text}`);
	if (filters.until !== undefined) parts.push(`until ${filters.until.text}`);
	return parts;
}
