import fs from 'node:fs';
import {sortPosts} from './library.js';
import {describeFileError, readPostHead} from './parse.js';
import {scanFolder} from './scan.js';
import type {Post, Skipped} from './types.js';

/** A loaded archive: its posts newest first, and the files that could not be listed. */
export type Archive = {readonly posts: Post[]; readonly skipped: Skipped[]};

/** Options for loadArchive. */
export type LoadOptions = {
	/** Called every so often while loading, with the number of files read so far and the total. */
	readonly onProgress?: (done: number, total: number) => void;
};

/**
 * Loads a folder (recursively) or a single post file. Never throws for a bad post: such a file
 * is listed with what could be recovered or reported in `skipped`.
 */
export function loadArchive(target: string, options: LoadOptions = {}): Archive {
	let stat: fs.Stats;
	try {
		stat = fs.statSync(target);
	} catch (error) {
		return {posts: [], skipped: [{path: target, reason: describeFileError(error)}]};
	}

	if (stat.isFile()) {
		const result = readPostHead(target);
		if (result === undefined) return {posts: [], skipped: [{path: target, reason: 'not a post (no front matter)'}]};
		return 'reason' in result ? {posts: [], skipped: [result]} : {posts: [result], skipped: []};
	}

	if (!stat.isDirectory()) return {posts: [], skipped: [{path: target, reason: 'not a file or folder'}]};
	const {files, skipped} = scanFolder(target);
	const posts: Post[] = [];
	for (const [index, file] of files.entries()) {
		const result = readPostHead(file);
		if (result === undefined) continue;
		if ('reason' in result) skipped.push(result);
		else posts.push(result);
		if (options.onProgress && index % 500 === 499) options.onProgress(index + 1, files.length);
	}

	return {posts: sortPosts(posts), skipped};
}
