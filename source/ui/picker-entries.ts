/** The entries of the category, tag and source pickers, with how many posts each has and how many are unread. */
import {countCategories, countTags} from '../core/library.js';
import type {Post} from '../core/types.js';
import {categoryName, noCategory, sourceOf, type CategoryChoice} from './filter-state.js';

/** Which picker: categories, tags, or the archive's top-level folders. */
export type PickerKind = 'category' | 'tag' | 'source';

/** One entry of a picker; `value` undefined is "All". */
export type PickerEntry = {
	readonly name: string;
	readonly value: CategoryChoice | undefined;
	readonly count: number;
	readonly unread: number;
};

/**
 * "All" and then every entry of the picker, most posts first (names differing only in case are
 * one entry, in their most common spelling); the category picker ends with "(no category)" when
 * some posts have none. O(posts) once per opening.
 */
export function pickerEntries(kind: PickerKind, posts: readonly Post[], read: ReadonlySet<string>, root: string): PickerEntry[] {
	const all: PickerEntry = {name: 'All', value: undefined, count: posts.length, unread: countUnread(posts, read)};
	if (kind === 'source') return [all, ...sourceEntries(posts, read, root)];
	const namesOf = kind === 'category' ? (post: Post) => post.categories : (post: Post) => post.tags;
	const counted = kind === 'category' ? countCategories(posts) : countTags(posts);
	const unread = new Map<string, number>();
	let without = 0;
	let withoutUnread = 0;
	for (const post of posts) {
		const names = namesOf(post);
		const isUnread = !read.has(post.path);
		if (names.length === 0) {
			without++;
			if (isUnread) withoutUnread++;
			continue;
		}
		if (!isUnread) continue;
		const seen = new Set<string>();
		for (const name of names) {
			const key = name.toLowerCase();
			if (seen.has(key)) continue;
			seen.add(key);
			unread.set(key, (unread.get(key) ?? 0) + 1);
		}
	}
	const entries: PickerEntry[] = [all, ...counted.map(entry => ({name: entry.name, value: entry.name, count: entry.count, unread: unread.get(entry.name.toLowerCase()) ?? 0}))];
	if (kind === 'category' && without > 0 && without < posts.length) entries.push({name: categoryName(noCategory), value: noCategory, count: without, unread: withoutUnread});
	return entries;
}

/** The top-level folders of `root` with posts in them, most posts first; an empty list when there are fewer than two. */
export function sourceEntries(posts: readonly Post[], read: ReadonlySet<string>, root: string): PickerEntry[] {
	const counts = new Map<string, {count: number; unread: number}>();
	for (const post of posts) {
		const source = sourceOf(post, root);
		if (source === undefined) continue;
		let entry = counts.get(source);
		if (entry === undefined) counts.set(source, (entry = {count: 0, unread: 0}));
		entry.count++;
		if (!read.has(post.path)) entry.unread++;
	}
	if (counts.size < 2) return [];
	return [...counts.entries()]
		.map(([name, {count, unread}]) => ({name, value: name, count, unread}))
		.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** How many of the posts are not read. */
export function countUnread(posts: readonly Post[], read: ReadonlySet<string>): number {
	if (read.size === 0) return posts.length;
	let count = 0;
	for (const post of posts) if (!read.has(post.path)) count++;
	return count;
}
