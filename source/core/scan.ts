import fs from 'node:fs';
import path from 'node:path';
import {describeFileError, postExtensions} from './parse.js';
import {specialFileKind, specialFileReason} from './safe-open.js';
import type {Skipped} from './types.js';

/** Folders never searched for posts: build output and dependencies. */
export const ignoredFolders = new Set(['node_modules', '_site', 'public', 'resources']);

/** The system's own folders: their files are the running system (environments, devices), never posts. */
const systemFolders = ['/proc', '/sys', '/dev'];

/** Files that may be posts, and folders or links that could not be searched. */
export type ScanResult = {
	readonly files: string[];
	readonly skipped: Skipped[];
	/** With a memo: the folders (each as `folder + separator`) whose listing came from it, their mtime unchanged. */
	readonly trusted?: ReadonlySet<string>;
};

/** A folder's entries as read once: names (sorted) and one letter for the type of each. */
export type FolderListing = {readonly names: readonly string[]; readonly types: string};

/**
 * Remembers folder listings between scans (the index keeps them). A folder whose mtime is the one
 * it had when listed has had no entry added, removed or renamed since, so its listing is used
 * without reading the folder again (one stat instead of a readdir; its files are not stat'ed).
 */
export type FolderMemo = {
	/** The listing remembered for a folder (by path as scanned), with the folder's mtime then. */
	readonly get: (folder: string) => {readonly mtimeMs: number; readonly listing: FolderListing} | undefined;
	/** Called for every folder read from disk (new or changed). */
	readonly put: (folder: string, mtimeMs: number, listing: FolderListing) => void;
	/** Called with every folder scanned (remembered or read): the others are gone. */
	readonly seen?: (folder: string) => void;
};

/** How a folder is searched. */
export type ScanOptions = {
	/** Follow links to folders outside the searched folder too (default: only links that stay inside it). */
	readonly followLinks?: boolean;
	/** Called as the search goes, after each folder read, with the number of files found so far. */
	readonly onScan?: (found: number) => void;
};

/** Why a link to a folder outside the archive was not followed. */
export const outsideLinkReason = 'a link to a folder outside the archive; not followed (--follow-links follows it)';
/** Why /proc, /sys and /dev are not searched. */
export const systemFolderReason = 'a system folder (/proc, /sys, /dev); never searched for posts';
/** Why a file whose name is not valid UTF-8 is not read. */
export const nonUtf8NameReason = 'the file name is not valid UTF-8, so it cannot be opened by name; rename it to read it';

/**
 * Finds post files under a folder, recursively and in a stable order. Hidden files and folders,
 * `node_modules`, `_site`, `public` and `resources` are skipped; links are followed once (loops are
 * cut), links to folders outside the searched folder only with `followLinks`, and /proc, /sys and
 * /dev never. Named pipes, sockets and devices named like posts, and names that are not valid
 * UTF-8, are reported in `skipped`, never opened.
 */
export function scanFolder(root: string, options: ScanOptions = {}): ScanResult {
	const steps = scanSteps(root, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** True for /proc, /sys, /dev and what lies under them (a real path: links resolved). */
function isSystemFolder(realPath: string): boolean {
	return systemFolders.some(folder => realPath === folder || realPath.startsWith(folder + '/'));
}

/** Whether anything (a link included) is at this path; an error other than "no such file" counts as yes. */
function exists(filePath: string): boolean {
	try {
		return fs.lstatSync(filePath, {throwIfNoEntry: false}) !== undefined;
	} catch {
		return true;
	}
}

/** True when `realPath` is `realRoot` or lies under it (both real paths). */
function isInside(realPath: string, realRoot: string): boolean {
	const base = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
	return realPath === realRoot || realPath.startsWith(base);
}

/**
 * scanFolder in steps: yields after each folder it reads, so a caller can spread the work over
 * time; returns the same result. One readdir per folder (with file types); files are not stat'ed.
 * Only a symbolic link can make a loop, so folders are told apart by device and inode (one stat
 * each) only once the first link to a folder is met: the folders read before it are stat'ed then.
 * Real paths are known without a system call except for links (one realpath each).
 */
export function* scanSteps(root: string, options: ScanOptions = {}, memo?: FolderMemo): Generator<void, ScanResult> {
	const files: string[] = [];
	const trusted = new Set<string>();
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

	let realRoot: string;
	try {
		realRoot = fs.realpathSync(root);
	} catch (error) {
		return {files, skipped: [{path: root, reason: describeFileError(error)}], trusted};
	}

	function* visit(folder: string, realFolder: string): Generator<void> {
		if (isSystemFolder(realFolder)) {
			skipped.push({path: folder, reason: systemFolderReason});
			return;
		}

		let entries: EntryLike[];
		// path.join(folder, name) for every name, without normalizing the folder again each time.
		const base = path.join(folder, 'x').slice(0, -1);
		try {
			if (seenFolders) {
				const id = identity(folder);
				if (seenFolders.has(id)) return;
				seenFolders.add(id);
			} else {
				visited.push(folder);
			}

			memo?.seen?.(folder);
			const mtimeMs = memo === undefined ? 0 : fs.statSync(folder).mtimeMs;
			const known = memo?.get(folder);
			if (known !== undefined && known.mtimeMs === mtimeMs) {
				entries = replay(known.listing);
				trusted.add(base);
			} else {
				const read = fs.readdirSync(folder, {withFileTypes: true});
				read.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
				entries = read;
				memo?.put(folder, mtimeMs, {names: read.map(entry => entry.name), types: read.map(typeLetter).join('')});
			}
		} catch (error) {
			skipped.push({path: folder, reason: describeFileError(error)});
			return;
		}

		options.onScan?.(files.length);
		yield;
		const realBase = path.join(realFolder, 'x').slice(0, -1);
		for (const entry of entries) {
			const {name} = entry;
			if (name.startsWith('.')) continue;
			const full = base + name;
			const isPostName = postExtensions.has(path.extname(name).toLowerCase());
			// Names are decoded as UTF-8; one that is not has lost its bytes and cannot be opened.
			if (name.includes('\uFFFD') && !exists(full)) {
				if (isPostName || entry.isDirectory()) skipped.push({path: full, reason: nonUtf8NameReason});
				continue;
			}

			let isFolder = entry.isDirectory();
			let isFile = entry.isFile();
			let special = specialFileKind(entry);
			let realFull = realBase + name;
			if (entry.isSymbolicLink()) {
				let target: fs.Stats;
				try {
					target = fs.statSync(full);
				} catch (error) {
					if (isPostName) skipped.push({path: full, reason: describeFileError(error)});
					continue;
				}

				isFolder = target.isDirectory();
				isFile = target.isFile();
				special = specialFileKind(target);
				if (isFolder) {
					if (ignoredFolders.has(name)) continue;
					try {
						realFull = fs.realpathSync(full);
					} catch (error) {
						skipped.push({path: full, reason: describeFileError(error)});
						continue;
					}

					if (!isSystemFolder(realFull) && !options.followLinks && !isInside(realFull, realRoot)) {
						skipped.push({path: full, reason: outsideLinkReason});
						continue;
					}

					seenFolders ??= startTrackingFolders();
				}
			}

			if (isFolder) {
				if (!ignoredFolders.has(name)) yield* visit(full, realFull);
			} else if (isPostName) {
				if (special !== undefined) skipped.push({path: full, reason: specialFileReason(special)});
				else if (isFile) files.push(full);
			}
		}
	}

	yield* visit(root, realRoot);
	return {files, skipped, trusted};
}

/** What the scan asks of a folder entry (a Dirent, or one replayed from a listing). */
type EntryLike = Pick<fs.Dirent, 'name' | 'isDirectory' | 'isFile' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

/** One letter per entry type: d folder, f file, l link, p pipe, s socket, c/b device, o other. */
function typeLetter(entry: fs.Dirent): string {
	if (entry.isDirectory()) return 'd';
	if (entry.isFile()) return 'f';
	if (entry.isSymbolicLink()) return 'l';
	if (entry.isFIFO()) return 'p';
	if (entry.isSocket()) return 's';
	if (entry.isCharacterDevice()) return 'c';
	if (entry.isBlockDevice()) return 'b';
	return 'o';
}

/** The entries of a remembered listing, as the scan reads them. */
function replay(listing: FolderListing): EntryLike[] {
	return listing.names.map((name, index) => {
		const type = listing.types[index] ?? 'o';
		return {
			name,
			isDirectory: () => type === 'd',
			isFile: () => type === 'f',
			isSymbolicLink: () => type === 'l',
			isFIFO: () => type === 'p',
			isSocket: () => type === 's',
			isCharacterDevice: () => type === 'c',
			isBlockDevice: () => type === 'b',
		};
	});
}
