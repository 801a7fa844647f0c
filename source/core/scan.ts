import fs from 'node:fs';
import path from 'node:path';
import {describeFileError, postExtensions} from './parse.js';
import type {Skipped} from './types.js';

/** Folders never searched for posts: build output and dependencies. */
const ignoredFolders = new Set(['node_modules', '_site', 'public', 'resources']);

/** Files that may be posts, and folders or links that could not be searched. */
export type ScanResult = {readonly files: string[]; readonly skipped: Skipped[]};

/**
 * Finds post files under a folder, recursively and in a stable order. Hidden files and folders,
 * `node_modules`, `_site`, `public` and `resources` are skipped; links are followed once (loops are cut).
 */
export function scanFolder(root: string): ScanResult {
	const files: string[] = [];
	const skipped: Skipped[] = [];
	const seenFolders = new Set<string>();
	const visit = (folder: string) => {
		let identity: string;
		let entries: fs.Dirent[];
		try {
			const stat = fs.statSync(folder);
			identity = `${stat.dev}:${stat.ino}`;
			if (seenFolders.has(identity)) return;
			seenFolders.add(identity);
			entries = fs.readdirSync(folder, {withFileTypes: true});
		} catch (error) {
			skipped.push({path: folder, reason: describeFileError(error)});
			return;
		}

		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const entry of entries) {
			if (entry.name.startsWith('.')) continue;
			const full = path.join(folder, entry.name);
			let isFolder = entry.isDirectory();
			let isFile = entry.isFile();
			if (entry.isSymbolicLink()) {
				try {
					const target = fs.statSync(full);
					isFolder = target.isDirectory();
					isFile = target.isFile();
				} catch (error) {
					if (postExtensions.has(path.extname(entry.name).toLowerCase())) skipped.push({path: full, reason: describeFileError(error)});
					continue;
				}
			}

			if (isFolder) {
				if (!ignoredFolders.has(entry.name)) visit(full);
			} else if (isFile && postExtensions.has(path.extname(entry.name).toLowerCase())) files.push(full);
		}
	};

	visit(root);
	return {files, skipped};
}
