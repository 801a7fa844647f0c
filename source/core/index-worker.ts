/**
 * The index build, run in a worker thread so the reader's keys never wait for it. Two passes over
 * the archive given in `workerData`:
 *
 * 1. The list: what changed is read and written (without search text), with progress as
 *    `{type: 'progress', done, total}`, warnings as `{type: 'warning', message}`, with `stream` the
 *    posts new to the list as they are read as `{type: 'posts', posts}`, and at the end
 *    `{type: 'done', changes}`: what differs from the index's list (see list-changes.ts), undefined
 *    when nothing listed changed. A first visit shows its whole list after this pass.
 * 2. The search text of every post that has none yet (`{type: 'progress', …, text: true}`), then
 *    `{type: 'finished'}`, pausing while keys come in (`keyClock`). A search made meanwhile scans
 *    the files not indexed yet.
 */
import os from 'node:os';
import {parentPort, workerData} from 'node:worker_threads';
import {indexesText} from './db/search-hooks.js';
import {waitForQuiet} from './key-clock.js';
import {buildArchive, type LoadOptions, type WorkerMessage, type WorkerRequest} from './load.js';
import {readPostText} from './post-text.js';
import {searchDocument} from './search-document.js';
import type {Post} from './types.js';

// Work that can wait: on Linux this lowers this thread alone, so the reader's thread gets the CPU first.
try {
	os.setPriority(19);
} catch {
	// Not allowed here: the build runs at the reader's priority.
}

const request = workerData as WorkerRequest;
/** The text pass goes on once no key came for this long (ms). */
const quietMs = 300;
const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);
// The posts read since the last message that sent some.
let unsent: Post[] = [];
const cache = {...request.cache, warn: (message: string) => send({type: 'warning', message})};

/** Progress, at most every 250 ms (and at the end), with the posts read since the last one. */
const progress = (text: boolean): LoadOptions['onProgress'] => {
	let last = 0;
	return (done, total) => {
		// The list can wait while an article is read (the search text waits for every key, below).
		if (!text && request.keyClock !== undefined) waitForQuiet(request.keyClock, quietMs, {whileReading: true});
		const now = performance.now();
		if (now - last < 250 && done !== total) return;
		last = now;
		if (unsent.length > 0) {
			send({type: 'posts', posts: unsent});
			unsent = [];
		}
		send({type: 'progress', done, total, text});
	};
};

const listed = buildArchive(request.target, {
	...request.options,
	cache,
	onUpdated: request.stream
		? posts => {
				for (const one of posts) unsent.push(one);
			}
		: undefined,
	onProgress: progress(false),
});
// Only what differs from the index's list: the reader has the rest already (streamed posts included).
send({type: 'done', changes: listed.changed ? (request.stream ? {...listed.changes, updated: []} : listed.changes) : undefined});

if (indexesText && listed.withoutText > 0) {
	// The folders were just checked: only the posts without their text are read again. A change
	// made since the first pass is the watcher's to report.
	buildArchive(request.target, {
		followLinks: request.options.followLinks,
		cache,
		keepPosts: false,
		// The text a reader sees, for full-text search; a file that cannot be read again has none.
		documentOf: post => {
			// It can wait: while a person types, the reader has the machine.
			if (request.keyClock !== undefined) waitForQuiet(request.keyClock, quietMs);
			try {
				return searchDocument(post, readPostText(post.path));
			} catch {
				return undefined;
			}
		},
		onProgress: progress(true),
	});
}

send({type: 'finished'});
