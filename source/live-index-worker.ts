/**
 * The index kept up to date while the reader is open, on a thread of its own: each request
 * `{id, changes}` (a batch of watched changes) has the files it names read and their rows written
 * in one transaction (see core/index-changes.ts), then is answered `{id}`, or `{id, error}` with a
 * one-line reason when the index could not be written. An index that is missing or of another
 * version is left alone.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {openIndexUpdates} from './core/db/index-db.js';
import {indexesText} from './core/db/search-hooks.js';
import {indexChanges} from './core/index-changes.js';
import {readPostText} from './core/post-text.js';
import {searchDocument} from './core/search-document.js';
import type {Post} from './core/types.js';
import type {ArchiveChanges} from './core/watch.js';

/** What the worker is started with. */
export type IndexWorkerData = {
	readonly folder: string;
	/** Every path of the folder starts with this; the index's keys are what follows. */
	readonly prefix: string;
	readonly stamp: string;
	readonly directory?: string;
};
/** One batch to write. */
export type IndexRequest = {readonly id: number; readonly changes: ArchiveChanges};
/** Written (or not, with why). */
export type IndexReply = {readonly id: number; readonly error?: string};

const {folder, prefix, stamp, directory} = workerData as IndexWorkerData;
const documentOf = (post: Post) => {
	try {
		return searchDocument(post, readPostText(post.path));
	} catch {
		return undefined;
	}
};

parentPort?.on('message', ({id, changes}: IndexRequest) => {
	const reply = (message: IndexReply) => parentPort?.postMessage(message);
	try {
		const updates = openIndexUpdates(folder, {directory, stamp});
		if (updates === undefined) {
			reply({id});
			return;
		}

		try {
			const {put, removed} = indexChanges(changes, prefix, {documentOf: indexesText ? documentOf : undefined});
			updates.write(put, removed);
		} finally {
			updates.close();
		}

		reply({id});
	} catch (error) {
		reply({id, error: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error'});
	}
});
