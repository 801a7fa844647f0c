/**
 * Watches an archive folder for post files that are added, changed or removed, and reports them
 * in batches. The operating system's file events come through @parcel/watcher (one native watch
 * per folder, no polling); the same files as scan.ts are considered: hidden files and folders,
 * `node_modules`, `_site`, `public` and `resources` are left out, and only post extensions count.
 */
import fs from 'node:fs';
import path from 'node:path';
import {postExtensions} from './parse.js';
import {ignoredFolders, scanFolder} from './scan.js';

/** A post file that exists, with what the list needs to know it changed. */
export type WatchedFile = {readonly path: string; readonly size: number; readonly mtimeMs: number};

/** One batch of changes. Paths have the form scan.ts gives them (joined onto the root as given). */
export type ArchiveChanges = {
	/** Files that appeared (also every post file of a folder that appeared). */
	readonly added: readonly WatchedFile[];
	/** Files written again. */
	readonly changed: readonly WatchedFile[];
	/**
	 * Paths gone: post files, or folders (everything that was under a removed folder is gone too).
	 * A path may be reported that was never listed (a file created and removed within one batch).
	 */
	readonly removed: readonly string[];
};

/** Options for {@link watchArchive}. */
export type WatchOptions = {
	/** Called with each batch; never with an empty one. */
	readonly onChanges: (changes: ArchiveChanges) => void;
	/** Called with a one-line message when the watch fails after it started. */
	readonly onError?: (message: string) => void;
	/** A batch is reported once no event came for this long (ms, default 150)... */
	readonly quietMs?: number;
	/** ...or this long after its first event, whichever is first (ms, default 500). */
	readonly maxDelayMs?: number;
};

/** A running watch. */
export type ArchiveWatcher = {
	/** Stops watching; no batch is reported after it resolves. */
	readonly close: () => Promise<void>;
};

type EventType = 'create' | 'update' | 'delete';

/**
 * Starts watching the folder `root` and resolves once it is watched: every change made after
 * that is reported. Rejects with a one-line Error when the folder cannot be watched (the native
 * watcher is missing for this platform, the system's watch limit is reached).
 */
export async function watchArchive(root: string, options: WatchOptions): Promise<ArchiveWatcher> {
	const quietMs = options.quietMs ?? 150;
	const maxDelayMs = options.maxDelayMs ?? 500;
	const absoluteRoot = path.resolve(root);
	let realRoot = absoluteRoot;
	try {
		realRoot = fs.realpathSync(absoluteRoot);
	} catch {
		// Checked by the watcher itself below.
	}

	let watcher: typeof import('@parcel/watcher');
	try {
		const loaded = (await import('@parcel/watcher')) as typeof import('@parcel/watcher') & {default?: typeof import('@parcel/watcher')};
		watcher = loaded.default ?? loaded;
	} catch (error) {
		throw new Error(`the file watcher is not available here (${firstLine(error)})`);
	}

	// The first event of each path since the last batch: it tells an addition from a change.
	let pending = new Map<string, EventType>();
	let quietTimer: NodeJS.Timeout | undefined;
	let maxTimer: NodeJS.Timeout | undefined;
	let closed = false;

	const flush = () => {
		clearTimeout(quietTimer);
		clearTimeout(maxTimer);
		quietTimer = undefined;
		maxTimer = undefined;
		if (closed || pending.size === 0) return;
		const events = pending;
		pending = new Map();
		const changes = classify(root, events);
		if (changes.added.length + changes.changed.length + changes.removed.length > 0) options.onChanges(changes);
	};

	const subscription = await watcher
		.subscribe(
			absoluteRoot,
			(error, events) => {
				if (closed) return;
				if (error) {
					options.onError?.(`watching ${root} failed: ${firstLine(error)}`);
					return;
				}

				for (const event of events) {
					const relative = relativeTo(event.path, absoluteRoot, realRoot);
					if (relative === undefined || isIgnored(relative)) continue;
					const own = relative === '' ? root : path.join(root, relative);
					if (!pending.has(own)) pending.set(own, event.type);
				}

				if (pending.size === 0) return;
				clearTimeout(quietTimer);
				quietTimer = setTimeout(flush, quietMs);
				maxTimer ??= setTimeout(flush, maxDelayMs);
			},
			{ignore: ['**/.*', ...[...ignoredFolders].map(folder => `**/${folder}`)]},
		)
		.catch((error: unknown) => {
			throw new Error(`cannot watch ${root}: ${firstLine(error)}`);
		});

	return {
		async close() {
			closed = true;
			clearTimeout(quietTimer);
			clearTimeout(maxTimer);
			await subscription.unsubscribe().catch(() => undefined);
		},
	};
}

/** Turns the events of one batch into changes, by what is on disk now. */
function classify(root: string, events: ReadonlyMap<string, EventType>): ArchiveChanges {
	const added: WatchedFile[] = [];
	const changed: WatchedFile[] = [];
	const removed: string[] = [];
	const seen = new Set<string>();
	for (const [file, first] of events) {
		let stat: fs.Stats;
		try {
			stat = fs.statSync(file);
		} catch {
			removed.push(file);
			continue;
		}

		if (stat.isDirectory()) {
			// A folder that appeared (made, or moved in whole): its posts appeared with it.
			if (first !== 'create' || file === root || ignoredFolders.has(path.basename(file))) continue;
			for (const inner of scanFolder(file).files) {
				if (seen.has(inner)) continue;
				const found = statFile(inner);
				if (found !== undefined) {
					seen.add(inner);
					added.push(found);
				}
			}

			continue;
		}

		if (!stat.isFile() || !postExtensions.has(path.extname(file).toLowerCase()) || seen.has(file)) continue;
		seen.add(file);
		(first === 'create' ? added : changed).push({path: file, size: stat.size, mtimeMs: stat.mtimeMs});
	}

	return {added, changed, removed};
}

function statFile(file: string): WatchedFile | undefined {
	try {
		const stat = fs.statSync(file);
		return stat.isFile() ? {path: file, size: stat.size, mtimeMs: stat.mtimeMs} : undefined;
	} catch {
		return undefined;
	}
}

/** The path relative to the root (either spelling of it), or undefined when outside it. */
function relativeTo(file: string, absoluteRoot: string, realRoot: string): string | undefined {
	for (const base of absoluteRoot === realRoot ? [absoluteRoot] : [absoluteRoot, realRoot]) {
		const relative = path.relative(base, file);
		if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return relative;
	}

	return undefined;
}

/** Whether scan.ts would never look at this path: a hidden or ignored folder on the way, or a hidden file. */
function isIgnored(relative: string): boolean {
	const parts = relative.split(path.sep);
	return parts.some((part, index) => part.startsWith('.') || (index < parts.length - 1 && ignoredFolders.has(part)));
}

function firstLine(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}
