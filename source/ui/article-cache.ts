/** Laid-out articles memoized per post and width, with load errors turned into readable lines. */
import {wrapWords} from '../core/fit.js';
import {sanitizeLine} from '../core/sanitize.js';
import type {Article, LaidOutLine, Post} from '../core/types.js';

/** An article, the lines explaining why it could not be shown (`error` set), or a note that it is still loading (`loading`). */
export type ShownArticle = Article & {readonly error?: string; readonly loading?: boolean};

export type ArticleCache = {
	/** The article for a post at a width; loads it at most once while it stays among the recent ones. */
	readonly get: (post: Post, width: number) => ShownArticle;
	/** The article for a post at a width if it is already laid out; never loads anything. */
	readonly peek: (post: Post, width: number) => ShownArticle | undefined;
};

/** Laying a long post out in two steps: its beginning at once, the whole just after. */
export type Progressive = {
	/** The beginning of a long post (undefined for a short one); may throw like `load`. */
	readonly loadHead: (post: Post, width: number) => Article | undefined;
	/** Called when a whole article has replaced its beginning, so the screen can redraw. */
	readonly onComplete: () => void;
};

/**
 * A small LRU cache in front of `load` (recent post+width pairs, so a resize can map the
 * reading position from the old layout). `load` may throw; the error becomes the article.
 * `load` returns undefined while it cannot lay articles out yet: the article then says
 * "Loading…" and is asked for again next time. With `progressive`, a long post is first the
 * beginning `loadHead` gives, replaced by the whole (laid out right after) before `onComplete`.
 */
export function createArticleCache(load: (post: Post, width: number) => Article | undefined, capacity = 8, progressive?: Progressive): ArticleCache {
	type Entry = {readonly post: Post; readonly width: number; readonly article: ShownArticle};
	const entries = new Map<string, Entry>();
	const remember = (key: string, entry: Entry) => {
		entries.delete(key);
		entries.set(key, entry);
		while (entries.size > capacity) entries.delete(entries.keys().next().value!);
	};

	const completeLater = (key: string, head: Entry) => {
		setImmediate(() => {
			// Only if nothing replaced or evicted the beginning meanwhile.
			if (entries.get(key) !== head) return;
			const article = loadSafely(load, head.post, head.width);
			if (article === undefined) return;
			remember(key, {post: head.post, width: head.width, article});
			progressive!.onComplete();
		});
	};

	const cached = (post: Post, width: number): Entry | undefined => {
		const hit = entries.get(`${width}\u0000${post.path}`);
		// The same file unchanged (a list replaced while loading may bring a new object for it).
		return hit && (hit.post === post || (hit.post.path === post.path && hit.post.size === post.size && hit.post.mtimeMs === post.mtimeMs && hit.post.title === post.title)) ? hit : undefined;
	};

	return {
		peek: (post, width) => cached(post, width)?.article,
		get(post, width) {
			const key = `${width}\u0000${post.path}`;
			const hit = cached(post, width);
			if (hit) {
				entries.delete(key);
				entries.set(key, hit);
				return hit.article;
			}
			const head = progressive ? loadSafely(progressive.loadHead, post, width) : undefined;
			if (head !== undefined && head.error === undefined) {
				const entry = {post, width, article: head};
				remember(key, entry);
				completeLater(key, entry);
				return head;
			}
			const article = loadSafely(load, post, width);
			if (article === undefined) return loadingArticle(post, width);
			remember(key, {post, width, article});
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
