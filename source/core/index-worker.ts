/**
 * The index build, run in a worker thread so the reader's keys never wait for it: lists the
 * archive given in `workerData` with its index (writing what changed), posting progress as
 * `{type: 'progress', done, total}`, warnings as `{type: 'warning', message}`, and at the end
 * `{type: 'done', changes}`: what differs from the index's list (see list-changes.ts), undefined
 * when nothing listed changed.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {indexesText} from './db/search-hooks.js';
import {buildArchive, type WorkerRequest} from './load.js';
import {readPostText} from './post-text.js';
import {searchDocument} from './search-document.js';

const request = workerData as WorkerRequest;
const port = parentPort!;
let last = 0;
const result = buildArchive(request.target, {
	...request.options,
	cache: {...request.cache, warn: message => port.postMessage({type: 'warning', message})},
	// The text a reader sees, for full-text search; a file that cannot be read again has none.
	documentOf: indexesText
		? post => {
				try {
					return searchDocument(post, readPostText(post.path));
				} catch {
					return undefined;
				}
			}
		: undefined,
	onProgress(done, total) {
		const now = performance.now();
		if (now - last < 100 && done !== total) return;
		last = now;
		port.postMessage({type: 'progress', done, total});
	},
});
// Only what differs from the index's list: the reader has the rest already.
port.postMessage({type: 'done', changes: result.changed ? result.changes : undefined});
