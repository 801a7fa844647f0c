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

/**
 * Posts carrying the category (compared case-insensitively); all posts when category is undefined.
 * Categories that differ only in case (`bbc`, `BBC`) are one: every post names it in the spelling
 * most posts use, so the list, the counts and the picker agree.
 */
export function filterByCategory(posts: readonly Post[], category: string | undefined): readonly Post[] {
	return filterByName(unifyCategoryCase(posts), post => post.categories, category);
}

/**
 * The posts with each category in its most common spelling among those differing only in case
 * (ties go to the spelling that sorts first). The same array when no post needs a change.
 */
export function unifyCategoryCase(posts: readonly Post[]): readonly Post[] {
	// Counted per exact spelling first: only the few distinct names are compared by case.
	const uses = new Map<string, number>();
	for (const post of posts) for (const name of post.categories) uses.set(name, (uses.get(name) ?? 0) + 1);
	const spellings = new Map<string, Map<string, number>>();
	for (const [name, count] of uses) {
		const key = caseKey(name);
		let counts = spellings.get(key);
		if (counts === undefined) spellings.set(key, (counts = new Map()));
		counts.set(name, count);
	}

	const preferred = new Map<string, string>();
	for (const counts of spellings.values()) {
		if (counts.size < 2) continue;
		const best = mostUsed(counts);
		for (const name of counts.keys()) if (name !== best) preferred.set(name, best);
	}

	if (preferred.size === 0) return posts;
	return posts.map(post => {
		if (!post.categories.some(name => preferred.has(name))) return post;
		const categories: string[] = [];
		for (const name of post.categories) {
			const spelled = preferred.get(name) ?? name;
			if (!categories.includes(spelled)) categories.push(spelled);
		}
		return {...plainPost(post), categories};
	});
}

/** The lower-case form of names, kept: an archive has few distinct names, seen over and over. */
const caseKeys = new Map<string, string>();

/** A name in the form that compares without case. */
function caseKey(name: string): string {
	let key = caseKeys.get(name);
	if (key === undefined) {
		// Tags can be many: the memo is only a cache.
		if (caseKeys.size >= 50_000) caseKeys.clear();
		key = name.toLowerCase();
		caseKeys.set(name, key);
	}
	return key;
}

/** A post's fields as a plain object (a post may be a view whose fields are getters). */
function plainPost(post: Post): Post {
	const {path, title, date, hasTime, categories, tags, link, author, warnings, size, mtimeMs} = post;
	return {path, title, date, hasTime, categories, tags, link, author, warnings, size, mtimeMs};
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
	const uses = new Map<string, number>();
	for (const post of posts) addNames(uses, namesOf(post), 1);
	return countSpellings(uses);
}

/**
 * Like countCategories, for groups of posts that carry the same names: each group's names and how
 * many posts it stands for (as an index gives them, grouped, without listing every post).
 */
export function countNameGroups(groups: Iterable<readonly [names: readonly string[], posts: number]>): CategoryCount[] {
	const uses = new Map<string, number>();
	for (const [names, posts] of groups) addNames(uses, names, posts);
	return countSpellings(uses);
}

/** Adds `posts` to the count of each of `names`, a name repeated in another case counted once. */
function addNames(uses: Map<string, number>, names: readonly string[], posts: number): void {
	for (let index = 0; index < names.length; index++) {
		const name = names[index]!;
		if (index > 0 && repeatsEarlier(names, index)) continue;
		uses.set(name, (uses.get(name) ?? 0) + posts);
	}
}

function repeatsEarlier(names: readonly string[], index: number): boolean {
	const key = caseKey(names[index]!);
	for (let earlier = 0; earlier < index; earlier++) if (caseKey(names[earlier]!) === key) return true;
	return false;
}

/** Counts per spelling as counts per name: names differing only in case are one, in the spelling most posts use. */
function countSpellings(uses: ReadonlyMap<string, number>): CategoryCount[] {
	const counts = new Map<string, {count: number; spellings: Map<string, number>}>();
	for (const [name, posts] of uses) {
		const key = caseKey(name);
		let entry = counts.get(key);
		if (entry === undefined) counts.set(key, (entry = {count: 0, spellings: new Map()}));
		entry.count += posts;
		entry.spellings.set(name, posts);
	}
	return [...counts.values()]
		.map(({count, spellings}) => ({name: mostUsed(spellings), count}))
		.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The spelling used most (ties: the one that sorts first). */
function mostUsed(spellings: ReadonlyMap<string, number>): string {
	let best = '';
	let bestCount = -1;
	for (const [name, count] of spellings) {
		if (count > bestCount || (count === bestCount && name < best)) {
			best = name;
			bestCount = count;
		}
	}
	return best;
}

/** Posts whose names include `wanted`, ignoring case; every post when `wanted` is undefined. */
function filterByName(posts: readonly Post[], namesOf: (post: Post) => readonly string[], wanted: string | undefined): readonly Post[] {
	if (wanted === undefined) return posts;
	const lower = wanted.toLowerCase();
	return posts.filter(post => namesOf(post).some(name => caseKey(name) === lower));
}
