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
	const counts = new Map<string, number>();
	for (const post of posts) {
		for (const name of post.categories) counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	return [...counts]
		.map(([name, count]) => ({name, count}))
		.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Posts carrying the category (compared case-insensitively); all posts when category is undefined. */
export function filterByCategory(posts: readonly Post[], category: string | undefined): readonly Post[] {
	if (category === undefined) return posts;
	const wanted = category.toLowerCase();
	return posts.filter(post => post.categories.some(name => name.toLowerCase() === wanted));
}

/** Every tag with its post count, most used first, then by name. */
export function countTags(posts: readonly Post[]): CategoryCount[] {
	const counts = new Map<string, number>();
	for (const post of posts) {
		for (const name of post.tags) counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	return [...counts]
		.map(([name, count]) => ({name, count}))
		.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Posts carrying the tag (compared case-insensitively); all posts when tag is undefined. */
export function filterByTag(posts: readonly Post[], tag: string | undefined): readonly Post[] {
	if (tag === undefined) return posts;
	const wanted = tag.toLowerCase();
	return posts.filter(post => post.tags.some(name => name.toLowerCase() === wanted));
}
