/**
 * Searching the list with the search syntax (see query.ts): a quick filter over what the list
 * already knows (title, categories, tags, author, date); and finding a word in laid-out lines (the
 * reader's find, plain text: what is typed is looked for as it is, Latin letters in any case).
 * Full-text search of a post's file is in full-text.ts.
 */
import {matchesListedPost, parseQuery, type Query} from './query.js';
import type {Post} from './types.js';

/**
 * Text folded for matching: lower case where that keeps every character in place (so an index
 * in the folded text is an index in the original), the character unchanged otherwise.
 */
export function foldCase(text: string): string {
	const lower = text.toLowerCase();
	if (lower.length === text.length) return lower;
	let folded = '';
	for (const character of text) {
		const small = character.toLowerCase();
		folded += small.length === character.length ? small : character;
	}
	return folded;
}

let lastText: string | undefined;
let lastQuery: Query | undefined;

/** The parsed query of a text, kept for the last text (a list filter asks once per post). */
export function cachedQuery(text: string): Query {
	if (text !== lastText || lastQuery === undefined) {
		lastQuery = parseQuery(text);
		lastText = text;
	}
	return lastQuery;
}

/** True when the post's title, categories, tags, author and date match the query (empty matches everything). */
export function matchesPost(post: Post, query: string): boolean {
	return matchesListedPost(post, cachedQuery(query));
}

/** Posts whose title, categories, tags, author and date match the query, in their order (the same list when blank). */
export function filterPosts(posts: readonly Post[], query: string): readonly Post[] {
	if (query.trim() === '') return posts;
	const parsed = cachedQuery(query);
	return posts.filter(post => matchesListedPost(post, parsed));
}

/** One match in laid-out lines: line index and [start, end) in that line's text. */
export type LineMatch = {readonly line: number; readonly start: number; readonly end: number};

/** Every occurrence of the query in the lines, top to bottom, left to right (none for an empty query). */
export function findInLines(lines: readonly {readonly text: string}[], query: string): LineMatch[] {
	const needle = foldCase(query);
	const matches: LineMatch[] = [];
	if (needle.trim() === '') return matches;
	for (const [index, line] of lines.entries()) {
		const folded = foldCase(line.text);
		let at = folded.indexOf(needle);
		while (at >= 0) {
			matches.push({line: index, start: at, end: at + needle.length});
			at = folded.indexOf(needle, at + needle.length);
		}
	}
	return matches;
}
