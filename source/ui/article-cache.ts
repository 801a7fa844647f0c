/** Laid-out articles memoized per post and width, with load errors turned into readable lines. */
import {wrapWords} from '../core/fit.js';
import {sanitizeLine} from '../core/sanitize.js';
import type {Article, LaidOutLine, Post} from '../core/types.js';

/** An article, the lines explaining why it could not be shown (`error` set), or a note that it is still loading (`loading`). */
export type ShownArticle = Article & {readonly error?: string; readonly loading?: boolean};

export type ArticleCache = {
	/** The article for a post at a width; loads it at most once while it stays among the recent ones. */
	readonly get: (post: Post, width: number) => ShownArticle;
};

/**
 * A small LRU cache in front of `load` (recent post+width pairs, so a resize can map the
 * reading position from the old layout). `load` may throw; the error becomes the article.
 * `load` returns undefined while it cannot lay articles out yet: the article then says
 * "Loading…" and is asked for again next time.
 */
export function createArticleCache(load: (post: Post, width: number) => Article | undefined, capacity = 8): ArticleCache {
	const entries = new Map<string, {readonly post: Post; readonly article: ShownArticle}>();
	return {
		get(post, width) {
			const key = `${width}\u0000${post.path}`;
			const hit = entries.get(key);
			if (hit && hit.post === post) {
				entries.delete(key);
				entries.set(key, hit);
				return hit.article;
			}
			const article = loadSafely(load, post, width);
			if (article === undefined) return loadingArticle(post, width);
			entries.delete(key);
			entries.set(key, {post, article});
			while (entries.size > capacity) entries.delete(entries.keys().next().value!);
			return article;
		},
	};
}

function loadSafely(load: (post: Post, width: number) => Article | undefined, post: Post, width: number): ShownArticle | undefined {
	try {
		return load(post, width);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return errorArticle(post, firstLine(message), width);
	}
}

/** What the reader shows while the article code is still loading: the post's title and "Loading…". */
export function loadingArticle(post: Post, width: number): ShownArticle {
	const lines: LaidOutLine[] = [...wrapWords(post.title, width).map(text => ({text, style: 'title' as const})), {text: ''}, {text: 'Loading…', style: 'meta' as const}];
	return {lines, links: [], loading: true};
}

/** What the reader shows when a post cannot be loaded: its title and the one-line reason. */
export function errorArticle(post: Post, message: string, width: number): ShownArticle {
	const lines: LaidOutLine[] = [
		...wrapWords(post.title, width).map(text => ({text, style: 'title' as const})),
		{text: ''},
		...wrapWords('This post could not be shown:', width).map(text => ({text, style: 'meta' as const})),
		...wrapWords(message, width).map(text => ({text})),
	];
	return {lines, links: [], error: message};
}

function firstLine(text: string): string {
	// The message may quote a file's name or contents: keep it on one line and free of escapes.
	return sanitizeLine(text) || 'Unknown error';
}
