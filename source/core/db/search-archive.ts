/**
 * Full-text search of a list of posts with the index where it can answer: a post whose search
 * document is in the index is decided and given its matching line from the index alone (its file
 * is not read); any other post (not indexed yet, or changed since) is read and searched. The
 * result is what searching every file would give, in the order of the list.
 */
import type {Database} from 'better-sqlite3';
import {searchPostFile} from '../full-text.js';
import {candidateLines} from '../line-filter.js';
import {matchesListedPost, parseQuery} from '../query.js';
import {matchContext} from '../search-context.js';
import {decodeEntities} from '../search-document.js';
import type {Post} from '../types.js';
import {searchIds, storedBodyBytes} from './search-index.js';

/** One post found, with the line to show. */
export type SearchHit = {readonly post: Post; readonly context: string};

/**
 * Searches `posts` for `text` (the search syntax). `indexedId` names the `files` row of a post
 * whose stored search document is up to date with its file, or undefined when the file must be
 * read. A blank query finds nothing.
 */
export function searchArchive(db: Database | undefined, posts: readonly Post[], indexedId: (post: Post) => number | undefined, text: string): SearchHit[] {
	const search = postSearcher(db, indexedId, text);
	const hits: SearchHit[] = [];
	for (const post of posts) {
		const context = search(post);
		if (context !== undefined) hits.push({post, context});
	}
	return hits;
}

/**
 * The search of one post at a time for `text`, as searchArchive does it (the index is asked once,
 * here): the line to show when the post matches, else undefined. For a search run in slices.
 */
export function postSearcher(db: Database | undefined, indexedId: (post: Post) => number | undefined, text: string): (post: Post) => string | undefined {
	if (text.trim() === '') return () => undefined;
	const query = parseQuery(text);
	const found = db === undefined ? new Set<number>() : new Set(searchIds(db, query));
	// The terms a line of the body is shown for (see matchContext).
	const bodyTerms = query.terms.filter(term => !term.negated && term.field === undefined);
	return post => {
		const id = db === undefined ? undefined : indexedId(post);
		if (id === undefined) return searchPostFile(post, text)?.context;
		// The index decided on its own stored date; the list's date is what the person sees.
		if (!found.has(id) || !matchesListedDate(post, query)) return undefined;
		// The fields as searchDocument gives them (entities decoded), of the body as it was stored the lines that may hold a match.
		const bytes = bodyTerms.length > 0 ? storedBodyBytes(db!, id) : undefined;
		const doc = {title: decodeEntities(post.title), body: bytes === undefined ? '' : candidateLines(bytes, bodyTerms), categories: post.categories.map(decodeEntities), tags: post.tags.map(decodeEntities), author: decodeEntities(post.author ?? '')};
		return matchContext(doc, query).context;
	};
}

/** Whether the post's date passes the query's days (the words are decided by the index). */
function matchesListedDate(post: Post, query: ReturnType<typeof parseQuery>): boolean {
	if (query.afterMs === undefined && query.beforeMs === undefined) return true;
	return matchesListedPost(post, {...query, terms: []});
}
