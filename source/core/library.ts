import type {Post} from './types.js';

/** A category and how many posts carry it. */
export type CategoryCount = {readonly name: string; readonly count: number};

/** Sorts newest first; posts without a date go last, then by title and path so the order is stable. */
export function sortPosts(posts: readonly Post[]): Post[] {
	return [...posts].sort(comparePosts);
}

/** Order used by sortPosts. */
export function comparePosts(a: Post, b: Post): number {
	if (a.date !== b.date) {
		if (a.date === undefined) return 1;
		if (b.date === undefined) return -1;
		return b.date - a.date;
	}
	if (a.title !== b.title) return a.title < b.title ? -1 : 1;
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Every category with its post count, most used first, then by name. */
export function countCategories(posts: readonly Post[]): CategoryCount[] {
	return countNames(posts, post => post.categories);
}

/** Posts carrying the category (compared case-insensitively); all posts when category is undefined. */
export function filterByCategory(posts: readonly Post[], category: string | undefined): readonly Post[] {
	return filterByName(posts, post => post.categories, category);
}

/** Every tag with its post count, most used first, then by name. */
export function countTags(posts: readonly Post[]): CategoryCount[] {
	return countNames(posts, post => post.tags);
}

/** Posts carrying the tag (compared case-insensitively); all posts when tag is undefined. */
export function filterByTag(posts: readonly Post[], tag: string | undefined): readonly Post[] {
	return filterByName(posts, post => post.tags, tag);
}

/** Each name `namesOf` gives, with the number of posts giving it, most used first, then by name. */
function countNames(posts: readonly Post[], namesOf: (post: Post) => readonly string[]): CategoryCount[] {
	const counts = new Map<string, number>();
	for (const post of posts) {
		for (const name of namesOf(post)) counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	return [...counts]
		.map(([name, count]) => ({name, count}))
		.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Posts whose names include `wanted`, ignoring case; every post when `wanted` is undefined. */
function filterByName(posts: readonly Post[], namesOf: (post: Post) => readonly string[], wanted: string | undefined): readonly Post[] {
	if (wanted === undefined) return posts;
	const lower = wanted.toLowerCase();
	return posts.filter(post => namesOf(post).some(name => name.toLowerCase() === lower));
}
