/**
 * Articles prepared (read, cleaned, laid out) on a worker thread, so that however long a post
 * takes, the reader's thread keeps answering keys and signals. Synchronous to ask: `article`
 * gives the article once it is ready and undefined until then; `onReady` says when to ask again.
 */
import {Worker} from 'node:worker_threads';
import type {PrepareReply, PrepareRequest} from '../article-worker.js';
import {sanitizeLine} from '../core/sanitize.js';
import type {Article, Post} from '../core/types.js';

/** Articles from the worker, asked for by post and width. */
export type ArticlePreparer = {
	/** The whole article when ready; undefined while it is prepared (asking starts it). Throws an Error with a one-line message when it cannot be. */
	readonly article: (post: Post, width: number) => Article | undefined;
	/**
	 * Like `article`, for a post shown ahead of being opened (the preview): asking never gives up
	 * the article being prepared; it only takes the place of an earlier one still waiting.
	 */
	readonly preview: (post: Post, width: number) => Article | undefined;
	/** The beginning of a long article, while its whole is still being laid out; undefined otherwise. */
	readonly head: (post: Post, width: number) => Article | undefined;
	/** Ends the worker; nothing more is prepared. */
	readonly close: () => void;
};

export type PreparerOptions = {
	/** The worker's script (article-worker.ts as built). */
	readonly worker: URL;
	/** Called when an article (or its beginning, or its error) has come in: ask again. */
	readonly onReady: () => void;
	/** A job asked for no more is given up (the worker ended and a new one started) after running this long. */
	readonly abandonAfterMs?: number;
	/** The most heap the worker may use; a post needing more fails with a one-line reason. */
	readonly maxHeapMb?: number;
};

type Job = {readonly key: string; readonly post: Post; readonly width: number};
type Running = Job & {readonly id: number; readonly started: number};
type Result = {readonly post: Post; head?: Article; whole?: Article; error?: string};

/** Results kept for the cache in front to take (it keeps its own recent articles). */
const keptResults = 16;

/**
 * Starts the worker at once (so it has loaded its code before the first Enter) and prepares one
 * article at a time, the one asked for last first. A job nobody asks for any more that runs past
 * `abandonAfterMs` is given up by ending the worker, so a heavy post never delays the next one.
 * A worker that crashes or runs out of memory fails its job with a one-line reason and is started
 * again for the next.
 */
export function createArticlePreparer({worker: script, onReady, abandonAfterMs = 150, maxHeapMb = 1024}: PreparerOptions): ArticlePreparer {
	const results = new Map<string, Result>();
	let worker: Worker | undefined;
	let running: Running | undefined;
	let queued: Job | undefined;
	let timer: NodeJS.Timeout | undefined;
	let nextId = 0;
	let closed = false;

	const keep = (key: string, result: Result) => {
		results.delete(key);
		results.set(key, result);
		while (results.size > keptResults) results.delete(results.keys().next().value!);
	};

	const resultFor = (job: Running): Result => {
		const found = results.get(job.key);
		if (found?.post === job.post) return found;
		const result: Result = {post: job.post};
		keep(job.key, result);
		return result;
	};

	const startWorker = (): Worker => {
		const started = new Worker(script, {resourceLimits: {maxOldGenerationSizeMb: maxHeapMb}, stdout: true, stderr: true});
		// Its output would land on the reader's screen; it has nothing to say there.
		started.stdout.resume();
		started.stderr.resume();
		// Never what keeps folio running once the reader has quit.
		started.unref();
		started.on('message', (reply: PrepareReply) => {
			if (started !== worker) return;
			onReply(reply);
		});
		started.on('error', error => {
			if (started === worker) stopped(error.message);
		});
		started.on('exit', code => {
			if (started === worker) stopped(`it stopped with code ${code}`);
		});
		return started;
	};

	const onReply = (reply: PrepareReply) => {
		const job = running;
		if (job?.id !== reply.id) return;
		const result = resultFor(job);
		if (reply.kind === 'head') {
			result.head = reply.article;
		} else {
			if ('article' in reply) result.whole = reply.article;
			else result.error = sanitizeLine(reply.message.split('\n')[0] ?? '') || 'Unknown error';
			running = undefined;
			startNext();
		}
		onReady();
	};

	/** The worker crashed or ran out of memory: its job fails with the reason; the next one gets a new worker. */
	const stopped = (reason: string) => {
		worker = undefined;
		const job = running;
		running = undefined;
		if (job !== undefined) resultFor(job).error = `the article could not be prepared: ${sanitizeLine(reason.split('\n')[0] ?? '') || 'the worker stopped'}`;
		startNext();
		if (job !== undefined) onReady();
	};

	const start = (job: Job) => {
		worker ??= startWorker();
		running = {...job, id: ++nextId, started: performance.now()};
		const request: PrepareRequest = {id: running.id, post: job.post, width: job.width};
		worker.postMessage(request);
	};

	const startNext = () => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		const job = queued;
		queued = undefined;
		if (job !== undefined && !closed) start(job);
	};

	/** Gives up the running job for the one queued: ends its worker (a new one starts). */
	const abandon = () => {
		timer = undefined;
		if (running === undefined || queued === undefined || closed) return;
		const old = worker;
		worker = undefined;
		running = undefined;
		void old?.terminate();
		startNext();
	};

	const request = (job: Job, abandons = true) => {
		if (closed || running?.key === job.key || queued?.key === job.key) return;
		if (running === undefined) {
			start(job);
			return;
		}
		queued = job;
		if (!abandons) {
			// Only what is opened gives up a running job: ending and starting the worker costs more than most articles.
			if (timer !== undefined) clearTimeout(timer);
			timer = undefined;
			return;
		}
		const ran = performance.now() - running.started;
		if (ran >= abandonAfterMs) abandon();
		else if (timer === undefined) timer = setTimeout(abandon, abandonAfterMs - ran).unref();
	};

	const find = (post: Post, width: number): {key: string; result: Result | undefined} => {
		const key = `${width}\u0000${post.path}`;
		const result = results.get(key);
		return {key, result: result?.post === post ? result : undefined};
	};

	const ask = (post: Post, width: number, abandons: boolean) => {
		const {key, result} = find(post, width);
		if (result?.error !== undefined) throw new Error(result.error);
		if (result?.whole !== undefined) return result.whole;
		request({key, post, width}, abandons);
		return undefined;
	};

	if (!closed) worker = startWorker();
	return {
		article: (post, width) => ask(post, width, true),
		preview: (post, width) => ask(post, width, false),
		head(post, width) {
			const {result} = find(post, width);
			return result?.whole === undefined ? result?.head : undefined;
		},
		close() {
			closed = true;
			if (timer !== undefined) clearTimeout(timer);
			const old = worker;
			worker = undefined;
			running = undefined;
			queued = undefined;
			void old?.terminate();
		},
	};
}
