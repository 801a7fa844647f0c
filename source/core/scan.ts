import fs from 'node:fs';
import path from 'node:path';
import {describeFileError, postExtensions} from './parse.js';
import type {Skipped} from './types.js';

/** Folders never searched for posts: build output and dependencies. */
export const ignoredFolders = new Set(['node_modules', '_site', 'public', 'resources']);

/** Files that may be posts, and folders or links that could not be searched. */
export type ScanResult = {readonly files: string[]; readonly skipped: Skipped[]};

/**
 * Finds post files under a folder, recursively and in a stable order. Hidden files and folders,
 * `node_modules`, `_site`, `public` and `resources` are skipped; links are followed once (loops are cut).
 */
export function scanFolder(root: string): ScanResult {
	const steps = scanSteps(root);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * scanFolder in steps: yields after each folder it reads, so a caller can spread the work over
 * time; returns the same result. One readdir per folder (with file types); files are not stat'ed.
 * Only a symbolic link can make a loop, so folders are told apart by device and inode (one stat
 * each) only once the first link to a folder is met: the folders read before it are stat'ed then.
 */
export function* scanSteps(root: string): Generator<void, ScanResult> {
	const files: string[] = [];
	const skipped: Skipped[] = [];
	// Undefined until a link to a folder is met; then the identity of every folder read.
	let seenFolders: Set<string> | undefined;
	const visited: string[] = [];
	const identity = (folder: string) => {
		const stat = fs.statSync(folder);
		return `${stat.dev}:${stat.ino}`;
	};

	const startTrackingFolders = (): Set<string> => {
		const seen = new Set<string>();
		for (const folder of visited) {
			try {
				seen.add(identity(folder));
			} catch {
				// Gone since it was read: it cannot be reached again either.
			}
		}

		return seen;
	};

	function* visit(folder: string): Generator<void> {
		let entries: fs.Dirent[];
		try {
			if (seenFolders) {
				const id = identity(folder);
				if (seenFolders.has(id)) return;
				seenFolders.add(id);
			} else {
				visited.push(folder);
			}

			entries = fs.readdirSync(folder, {withFileTypes: true});
		} catch (error) {
			skipped.push({path: folder, reason: describeFileError(error)});
			return;
		}

		yield;
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		// path.join(folder, name) for every name, without normalizing the folder again each time.
		const base = path.join(folder, 'x').slice(0, -1);
		for (const entry of entries) {
			const {name} = entry;
			if (name.startsWith('.')) continue;
			const full = base + name;
			let isFolder = entry.isDirectory();
			let isFile = entry.isFile();
			if (entry.isSymbolicLink()) {
				try {
					const target = fs.statSync(full);
					isFolder = target.isDirectory();
					isFile = target.isFile();
				} catch (error) {
					if (postExtensions.has(path.extname(name).toLowerCase())) skipped.push({path: full, reason: describeFileError(error)});
					continue;
				}

				if (isFolder) seenFolders ??= startTrackingFolders();
			}

			if (isFolder) {
				if (!ignoredFolders.has(name)) yield* visit(full);
			} else if (isFile && postExtensions.has(path.extname(name).toLowerCase())) files.push(full);
		}
	}

	yield* visit(root);
	return {files, skipped};
}
