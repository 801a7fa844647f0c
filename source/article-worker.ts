/**
 * The article worker: reads, cleans and lays out posts on a thread of its own, so the reader's
 * thread stays free for keys and signals however long a post takes (see ui/article-preparer.ts).
 * Each request `{id, post, width}` is answered by a `head` message for a long post (its beginning,
 * laid out first), then by `whole` or by `error` with a one-line reason.
 */
import {parentPort} from 'node:worker_threads';
import {renderArticle, renderArticleHead, readPostText, warmUp} from './core/article.js';
import type {Article, Post} from './core/types.js';

/** What the reader's thread asks for. */
export type PrepareRequest = {readonly id: number; readonly post: Post; readonly width: number};
/** What the worker answers, one or two messages per request. */
export type PrepareReply =
	| {readonly id: number; readonly kind: 'head' | 'whole'; readonly article: Article}
	| {readonly id: number; readonly kind: 'error'; readonly message: string};

const port = parentPort;
if (port) {
	port.on('message', ({id, post, width}: PrepareRequest) => {
		const reply = (message: PrepareReply) => port.postMessage(message);
		try {
			const text = readPostText(post.path);
			const head = renderArticleHead(post, text, width);
			if (head !== undefined) reply({id, kind: 'head', article: head});
			reply({id, kind: 'whole', article: renderArticle(post, text, width)});
		} catch (error) {
			reply({id, kind: 'error', message: error instanceof Error ? error.message : String(error)});
		}
	});
	// The first article then costs only its own layout, not the first use of the cleaning code.
	setImmediate(() => {
		try {
			warmUp();
		} catch {
			// Only a head start; a real post reports its own errors.
		}
	});
}
