/**
 * Keeps an archive's index in step with the changes the reader watches: each batch is handed to
 * a worker thread (live-index-worker.ts) that reads those files and writes (or removes) exactly
 * their rows, so the reader's thread never waits for it and the next start or search reads none
 * of them again. The worker starts with the first batch.
 */
import fs from 'node:fs';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {IndexReply, IndexRequest, IndexWorkerData} from './live-index-worker.js';
import type {ArchiveChanges} from './core/watch.js';

/** A running keeper of an archive's index. */
export type IndexKeeper = {
	/** Writes the rows of one batch of changes, soon, off this thread. */
	readonly update: (changes: ArchiveChanges) => void;
	/**
	 * Waits (at most `drainMs`) for the batches handed over to be written, then ends the worker;
	 * nothing is written after it resolves. What was written is kept, whole batches only.
	 */
	readonly close: () => Promise<void>;
};

/** Options for {@link keepIndex}. */
export type KeepIndexOptions = {
	/** The index must have this stamp (folio's version); another one is left alone. */
	readonly stamp: string;
	/** Folder of index files; default: the user's cache folder. */
	readonly directory?: string;
	/** How long close waits for batches still being written (ms, default 1000). */
	readonly drainMs?: number;
	/** Told once, in one line, when the index could not be written. */
	readonly warn?: (message: string) => void;
};

/** Starts keeping the index of the archive folder `folder` up to date with the batches given to `update`. */
export function keepIndex(folder: string, options: KeepIndexOptions): IndexKeeper {
	const data: IndexWorkerData = {folder, prefix: path.join(folder, 'x').slice(0, -1), stamp: options.stamp, directory: options.directory};
	let worker: Worker | undefined;
	let nextId = 0;
	let closed = false;
	let warned = false;
	// A worker that failed by itself is not started again: the index is only a cache.
	let broken = false;
	const pending = new Set<number>();
	let drained: (() => void) | undefined;

	const settle = (id: number) => {
		pending.delete(id);
		if (pending.size === 0) drained?.();
	};

	const start = (): Worker | undefined => {
		try {
			const file = workerFile();
			const started = file.pathname.endsWith('.ts')
				? // The TypeScript source (tests run it so): the worker registers the same loader first.
					new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(api => { api.register(); return import(${JSON.stringify(file.href)}); })`, {eval: true, workerData: data, stdout: true, stderr: true})
				: new Worker(file, {workerData: data, stdout: true, stderr: true});
			// Its output would land on the reader's screen.
			started.stdout.resume();
			started.stderr.resume();
			started.unref();
			started.on('message', (reply: IndexReply) => {
				if (reply.error !== undefined && !warned) {
					warned = true;
					options.warn?.(`index not updated: ${reply.error}`);
				}
				settle(reply.id);
			});
			const lost = () => {
				if (worker === started) {
					worker = undefined;
					if (!closed) broken = true;
				}
				// Batches it had are not written; the next start reads those files again.
				for (const id of [...pending]) settle(id);
			};
			started.on('error', lost);
			started.on('exit', lost);
			return started;
		} catch {
			broken = true;
			return undefined;
		}
	};

	return {
		update(changes) {
			if (closed || broken) return;
			worker ??= start();
			if (worker === undefined) return;
			const request: IndexRequest = {id: ++nextId, changes};
			pending.add(request.id);
			worker.postMessage(request);
		},
		async close() {
			closed = true;
			if (pending.size > 0) {
				await new Promise<void>(resolve => {
					const timer = setTimeout(resolve, options.drainMs ?? 1000);
					drained = () => {
						clearTimeout(timer);
						resolve();
					};
				});
			}

			const old = worker;
			worker = undefined;
			await old?.terminate();
		},
	};
}

/** The worker's file: next to this one in the bundle (dist/), or its TypeScript source. */
function workerFile(): URL {
	const built = new URL('live-index-worker.js', import.meta.url);
	return fs.existsSync(built) ? built : new URL('live-index-worker.ts', import.meta.url);
}
