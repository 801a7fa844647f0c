/**
 * Full-text search of one post with the search syntax (see query.ts): its title, the text a reader
 * sees of its body, categories, tags, author and date, read from its file; with the line that
 * matched, to show.
 */
import {readPostText} from './post-text.js';
import {matchesDocument} from './query.js';
import {cachedQuery, matchesPost} from './search.js';
import {matchContext} from './search-context.js';
import {searchDocument} from './search-document.js';
import type {Post} from './types.js';

/** Where a query matched one post: a line of its text around the first match. */
export type TextHit = {
	/** One line (no control characters), cut to about 120 characters around the match. */
	readonly context: string;
	/** How many times the first term found in the body occurs there (1 for a match elsewhere). */
	readonly count: number;
};

/**
 * Searches a post's whole file text (front matter included) with the query: its title, the text a
 * reader sees of its body, categories, tags, author and date. Undefined when the post does not
 * match or the query is blank.
 */
export function searchPostText(post: Post, text: string, query: string): TextHit | undefined {
	if (query.trim() === '') return undefined;
	const parsed = cachedQuery(query);
	const doc = searchDocument(post, text);
	if (!matchesDocument(doc, post.date, parsed)) return undefined;
	return matchContext(doc, parsed, {count: true});
}

/**
 * Reads a post from disk and searches it (see searchPostText). A file that cannot be read is
 * searched by what the list knows of it.
 */
export function searchPostFile(post: Post, query: string): TextHit | undefined {
	let text: string;
	try {
		text = readPostText(post.path);
	} catch {
		return query.trim() !== '' && matchesPost(post, query) ? {context: post.title, count: 1} : undefined;
	}
	return searchPostText(post, text, query);
}
