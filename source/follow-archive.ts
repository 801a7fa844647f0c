/**
 * Keeps the reader's list in step with its archive folder while it is open: the file watcher's
 * batches are applied to the posts shown (core/live-archive.ts) and handed on with what they
 * added and removed. Changes that come while the list is still growing wait for it; changes that
 * come while a complete list is checked against its files apply at once, and again to the list
 * the check brings.
 */
import {applyChanges} from './core/live-archive.js';
import type {Archive} from './core/load.js';
import type {Post, Skipped} from './core/types.js';
import {scanFolder} from './core/scan.js';
import {watchArchive, type ArchiveChanges} from './core/watch.js';

/** The list after a batch of changes, with the paths of the posts it added and removed. */
export type FollowedArchive = {
	readonly posts: readonly Post[];
	readonly skipped: readonly Skipped[];
	readonly added: readonly string[];
	readonly removed: readonly string[];
};

/** A running follow of an archive folder. */
export type ArchiveFollower = {
	/** Resolves once the folder is watched (or cannot be): every change after that is seen. */
	readonly ready: Promise<void>;
	/**
	 * The list is complete (loading finished): batches held until now are applied to it. With
	 * `catchUp`, the folder is listed again once watched, for files that came before the watch did.
	 */
	readonly loaded: (archive: Archive, catchUp?: boolean) => void;
	/** Stops watching; nothing is reported after it resolves. */
	readonly close: () => Promise<void>;
};

type Listed = {posts: readonly Post[]; skipped: readonly Skipped[]};

/** One batch applied to a list: the list after it, and the paths it added and removed (undefined when nothing changed). */
function step(current: Listed, changes: ArchiveChanges): (Listed & {added: string[]; removed: string[]}) | undefined {
	const applied = applyChanges(current.posts, changes);
	const touched = new Set([...changes.added, ...changes.changed].map(file => file.path));
	for (const path of changes.removed) touched.add(path);
	const skipped = [...current.skipped.filter(entry => !touched.has(entry.path)), ...applied.skipped];
	if (applied.posts === current.posts && applied.skipped.length === 0 && skipped.length === current.skipped.length) return undefined;
	return {posts: applied.posts, skipped, added: applied.added.map(post => post.path), removed: applied.removed.map(post => post.path)};
}

/**
 * Watches `root` and calls `onChange` with the list after each batch of changes: at once on
 * `shown` when given (a complete list), else once `loaded` has given the list. A folder that
 * cannot be watched is reported once through `onError`; the reader then goes on without live updates.
 * `onBatch` is given each batch itself, once, even while the list is still growing.
 */
export function followArchive(
	root: string,
	options: {
		readonly shown?: Archive;
		readonly onChange: (next: FollowedArchive) => void;
		readonly onError: (message: string) => void;
		/** Given every batch of changes as it comes, before it is applied (e.g. to update the index). */
		readonly onBatch?: (changes: ArchiveChanges) => void;
	},
): ArchiveFollower {
	let current: Listed | undefined = options.shown && {posts: options.shown.posts, skipped: options.shown.skipped};
	// Every batch until `loaded`: applied again to the list it brings.
	let held: ArchiveChanges[] | undefined = [];
	let closed = false;

	const apply = (changes: ArchiveChanges) => {
		if (closed) return;
		options.onBatch?.(changes);
		held?.push(changes);
		if (current === undefined) return;
		const next = step(current, changes);
		if (next === undefined) return;
		current = {posts: next.posts, skipped: next.skipped};
		options.onChange(next);
	};

	const watching = watchArchive(root, {onChanges: apply, onError: options.onError}).catch((error: unknown) => {
		options.onError(`live updates are off: ${error instanceof Error ? error.message : String(error)}`);
		return undefined;
	});

	/** The files on disk against the list: what was added or removed before the watch started. */
	const catchUp = () => {
		if (closed || current === undefined) return;
		const files = new Set(scanFolder(root).files);
		const known = new Set([...current.posts.map(post => post.path), ...current.skipped.map(entry => entry.path)]);
		const added = [...files].filter(file => !known.has(file)).map(file => ({path: file, size: 0, mtimeMs: 0}));
		const removed = current.posts.filter(post => !files.has(post.path)).map(post => post.path);
		if (added.length + removed.length > 0) apply({added, changed: [], removed});
	};

	const ready = watching.then(() => undefined);
	return {
		ready,
		loaded(archive, again = false) {
			if (closed) return;
			let listed: Listed = {posts: archive.posts, skipped: archive.skipped};
			const added: string[] = [];
			const removed: string[] = [];
			for (const changes of held ?? []) {
				const next = step(listed, changes);
				if (next === undefined) continue;
				listed = next;
				added.push(...next.added);
				removed.push(...next.removed);
			}
			held = undefined;
			current = listed;
			if (listed.posts !== archive.posts || listed.skipped !== archive.skipped) options.onChange({...listed, added, removed});
			if (again) void ready.then(catchUp);
		},
		async close() {
			closed = true;
			const watcher = await watching;
			await watcher?.close();
		},
	};
}
