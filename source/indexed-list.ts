/**
 * `--list` and `--json` of a folder answered from its index, when the index is complete and fresh
 * (see core/db/listed-index.ts): no post file is read or stat'ed, a search is answered by the
 * full-text index, and the whole list, once written, is kept with the index, so the same list
 * asked again (no filter, no search) is written as it was. The output is what printList gives for
 * the posts loaded from the files.
 */
import path from 'node:path';
import {openListedIndex, type IndexedPost} from './core/db/listed-index.js';
import {postSearcher, type SearchHit} from './core/db/search-archive.js';
import type {Post} from './core/types.js';
import {printList, type Copy, type ListRequest} from './list-output.js';

/** A list asked of the index: what printList is asked, and what the index must match. */
export type IndexedListRequest = Omit<ListRequest, 'search'> & {
	/** The search text, when the list is a search. */
	readonly query: string | undefined;
	/** The stamp the index must have been written with (folio's version). */
	readonly stamp: string;
	/** The folder of index files (default: the user's cache folder). */
	readonly directory?: string;
};

/**
 * Prints the list from the folder's index and returns true, or returns false, having printed
 * nothing, when the index is not complete and fresh (the caller then loads the folder).
 */
export async function listFromIndex(folder: string, request: IndexedListRequest): Promise<boolean> {
	const prefix = path.join(folder, 'x').slice(0, -1);
	const index = openListedIndex(folder, prefix, {directory: request.directory, stamp: request.stamp, text: request.query !== undefined});
	if (index === undefined) return false;
	try {
		const whole = request.query === undefined && request.category === undefined && !request.since && !request.until && !request.starred && !request.verbose;
		const key = [request.json ? 'json' : 'list', prefix, zone()].join('\n');
		if (whole) {
			const kept = index.keptOutput(key);
			if (kept !== undefined) {
				if (kept.notes !== '') request.warn(kept.notes);
				process.stdout.write(kept.text);
				return true;
			}
		}

		const posts = index.posts();
		const {query} = request;
		const search = query === undefined ? undefined : (shown: readonly Post[]) => searchIndexed(index, posts, shown, query);
		const kept = whole && posts.length > 0 ? index.keepOutput(key) : undefined;
		const copy: Copy | undefined = kept && {write: kept.write};
		try {
			await printList({posts, skipped: []}, {...request, search}, copy);
		} catch (error) {
			kept?.discard();
			throw error;
		}

		kept?.done(copy?.notes ?? '');
		return true;
	} finally {
		index.close();
	}
}

/** The posts shown that match the query, in their order, each with its line, from the full-text index alone. */
function* searchIndexed(index: {readonly db: Parameters<typeof postSearcher>[0]}, all: readonly IndexedPost[], shown: readonly Post[], query: string): Generator<SearchHit> {
	// A post shown is the post listed (with its row id), or a copy of it with its categories spelled as most posts spell them.
	let ids: Map<string, number> | undefined;
	const idOf = (post: Post) => (post as Partial<IndexedPost>).id ?? (ids ??= new Map(all.map(each => [each.path, each.id]))).get(post.path);
	const search = postSearcher(index.db, idOf, query);
	for (const post of shown) {
		const context = search(post);
		if (context !== undefined) yield {post, context};
	}
}

/**
 * The local time zone as the list's dates depend on it: a list kept in one zone is not written in
 * another.
 */
function zone(): string {
	const offsets = [0, 1.5e10, 9.5e11, 9.65e11, 1.6e12, 1.615e12, 1.9e12, 1.915e12].map(ms => new Date(ms).getTimezoneOffset());
	return [process.env['TZ'] ?? '', Intl.DateTimeFormat().resolvedOptions().timeZone, ...offsets].join(' ');
}
