/**
 * Which posts of an archive have been read, which are starred, where reading stopped, and the post
 * read last, kept in the user's state folder (never inside the archive): `$FOLIO_STATE_DIR`, else
 * `$XDG_STATE_HOME/folio`, else the platform's state (Linux `~/.local/state/folio`) or data
 * folder, in one SQLite database (`state.db`, see core/db/state-db.ts). Earlier versions kept one
 * JSON file per archive; it is read once, when the archive is first opened.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import envPaths from 'env-paths';
import {firstLine} from './core/db/database.js';
import {makeFolder, readOwnFile} from './core/safe-folder.js';
import {openStateDatabase, type ArchiveState, type StateDatabase} from './core/db/state-db.js';

/** Read posts (by path, as the archive lists them) and the path of the post opened last. */
export type ReadState = {
	readonly read: ReadonlySet<string>;
	readonly last: string | undefined;
};

/** The state folder folio uses with this environment. */
export function stateFolder(env: NodeJS.ProcessEnv = process.env): string {
	if (env['FOLIO_STATE_DIR']) return path.resolve(env['FOLIO_STATE_DIR']);
	if (env['XDG_STATE_HOME']) return path.join(path.resolve(env['XDG_STATE_HOME']), 'folio');
	const paths = envPaths('folio', {suffix: ''});
	// env-paths calls the XDG state folder `log` on Linux; elsewhere the data folder fits better.
	return process.platform === 'linux' ? paths.log : paths.data;
}

/** The JSON file in which earlier versions kept the read state of one archive folder (or single post file). */
export function stateFile(archive: string, env: NodeJS.ProcessEnv = process.env): string {
	const key = crypto.createHash('sha256').update(realPath(archive)).digest('hex').slice(0, 24);
	return path.join(stateFolder(env), 'read', `${key}.json`);
}

type Stored = {readonly version: 1; readonly archive: string; readonly read: string[]; readonly last: string | null};

/** What a state file holds: entries are paths relative to the archive (absolute outside it). */
export type StoredState = {readonly read: readonly string[]; readonly last: string | undefined};

/** A JSON state file larger than this is not one folio wrote (a million read posts fit in far less): it is ignored, not parsed. */
export const maxStateBytes = 256 * 1024 * 1024;

/** The largest state database folio takes for its own; a larger file is left alone, the state kept in memory. */
export const maxStateDatabaseBytes = 8 * 1024 ** 3;

/**
 * Reads an archive's JSON state file (earlier versions); an empty state when there is none or it
 * cannot be used (not a regular file, or far too large).
 */
export function loadStoredState(archive: string, env: NodeJS.ProcessEnv = process.env): StoredState {
	let data: unknown;
	try {
		const bytes = readOwnFile(stateFile(archive, env), maxStateBytes);
		if (bytes === undefined) return {read: [], last: undefined};
		data = JSON.parse(bytes.toString('utf8'));
	} catch {
		return {read: [], last: undefined};
	}
	const {read, last} = (typeof data === 'object' && data !== null ? data : {}) as Partial<Stored>;
	if (!Array.isArray(read)) return {read: [], last: undefined};
	return {read: read.filter((entry): entry is string => typeof entry === 'string'), last: typeof last === 'string' ? last : undefined};
}

/** The state database (read marks, stars, reading positions of every archive) folio uses with this environment. */
export function stateDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
	return path.join(stateFolder(env), 'state.db');
}

/** The read state of one archive for the posts it lists, and a batching saver. */
export type ReadStateStore = {
	/** The saved state, in the paths of the posts given (entries for other posts are kept on save). */
	readonly initial: ReadState;
	/** Saves a new state; writes at most every `delay` ms while changes come in. Only what changed since the last save is written. */
	readonly save: (state: ReadState) => void;
	/** Writes what is pending now (call before exiting). */
	readonly flush: () => void;
	/** Stars a post (written at once). */
	readonly star: (post: string) => void;
	/** Takes a post's star away (written at once). */
	readonly unstar: (post: string) => void;
	/** The starred posts among those given, as saved now (stars given by another process included). */
	readonly starred: () => ReadonlySet<string>;
	/** Reading positions (the reader's top line) by post; `set` is written with the next save. */
	readonly position: {readonly get: (post: string) => number | undefined; readonly set: (post: string, top: number) => void};
	/** The posts among those given whose reading stopped partway, with the reader's top line there. */
	readonly positions: () => ReadonlyMap<string, number>;
};

/**
 * The posts of an archive asked for by key (a path relative to the archive folder) instead of
 * listed: which of the keys given are posts. A post's path is then the folder joined with its key.
 */
export type PostLookup = {readonly postKeys: (keys: readonly string[]) => ReadonlySet<string>};

/**
 * Opens the read state of an archive whose posts have the paths `postPaths` (all posts loaded,
 * before any filter, so entries of posts filtered out are not lost; or a lookup of them). The state lives in the state
 * database (see stateDatabaseFile); the JSON file of earlier versions is carried over the first
 * time an archive is opened, and left in place. Every save writes only its own changes, in one
 * transaction, so two folio processes reading one archive keep each other's marks. Errors
 * (a database that cannot be opened or written) are reported once through `onError` (the state is
 * then kept in memory only), never thrown.
 */
export function openReadState(
	archive: string,
	postPaths: readonly string[] | (() => readonly string[]) | PostLookup,
	options: {readonly env?: NodeJS.ProcessEnv; readonly delay?: number; readonly onError?: (message: string) => void} = {},
): ReadStateStore {
	const base = realPath(archive);
	// Paths listed from the folder are `path.join(archive, relative)`: their key is that relative part
	// (what storedEntry computes, without resolving each of 100k paths).
	const listed = path.join(archive, 'x').slice(0, -1);
	const keyOf = (post: string) => {
		const rest = post.startsWith(listed) ? post.slice(listed.length) : '';
		return rest !== '' && !path.isAbsolute(rest) && !/(?:^|[\\/])\.\.?(?:[\\/]|$)/.test(rest) ? rest : storedEntry(archive, base, post);
	};
	let failed = false;
	const report = (error: unknown) => {
		if (failed) return;
		failed = true;
		options.onError?.(`read state not saved: ${firstLine(error)}`);
	};

	let db: StateDatabase | undefined;
	let id = 0;
	let stored: ArchiveState = {read: [], last: undefined};
	try {
		const file = stateDatabaseFile(options.env);
		makeFolder(path.dirname(file), 0o700);
		const facts = fs.lstatSync(file, {throwIfNoEntry: false});
		// Never waited on (a named pipe) nor taken over (a device, a link, a file folio never wrote).
		if (facts !== undefined && !facts.isFile()) throw new Error(`${file} is not a regular file`);
		if (facts !== undefined && facts.size > maxStateDatabaseBytes) throw new Error(`${file} is implausibly large; move it away to start a new one`);
		db = openStateDatabase(file);
		id = db.archive(base, () => loadStoredState(archive, options.env));
		stored = db.load(id);
	} catch (error) {
		db?.close();
		db = undefined;
		report(error);
	}

	let byKey: Map<string, string> | undefined;
	// The posts (by path) of these stored entries that are listed.
	const postsOf = (entries: Iterable<string>): Map<string, string> => {
		const found = new Map<string, string>();
		if (typeof postPaths === 'object' && 'postKeys' in postPaths) {
			// Asked of the index: O(entries), not O(posts).
			const keys = [...entries];
			if (keys.length === 0) return found;
			const listedKeys = postPaths.postKeys(keys);
			for (const key of keys) if (listedKeys.has(key)) found.set(key, listed + key);
			return found;
		}

		if (byKey === undefined) {
			byKey = new Map();
			for (const post of typeof postPaths === 'function' ? postPaths() : postPaths) byKey.set(keyOf(post), post);
		}

		for (const entry of entries) {
			const post = byKey.get(entry);
			if (post !== undefined) found.set(entry, post);
		}

		return found;
	};

	// O(posts) only when something was read before: a first visit to a big archive stays quick.
	const known = stored.read.length === 0 && stored.last === undefined ? new Map<string, string>() : postsOf(stored.last === undefined ? stored.read : [...stored.read, stored.last]);
	const read = new Set<string>();
	for (const entry of stored.read) {
		const post = known.get(entry);
		if (post !== undefined) read.add(post);
	}

	const last = stored.last === undefined ? undefined : known.get(stored.last);
	const initial: ReadState = {read, last};
	let saved: ReadState = initial;
	let pending: ReadState | undefined;
	const positions = new Map<string, number>();
	const memoryStars = new Set<string>();
	let timer: NodeJS.Timeout | undefined;
	const write = (action: (state: StateDatabase) => void) => {
		if (db === undefined || failed) return;
		try {
			action(db);
		} catch (error) {
			report(error);
		}
	};

	const flush = () => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		if (positions.size > 0) {
			const entries = new Map([...positions].map(([post, top]) => [keyOf(post), top]));
			positions.clear();
			write(state => state.setPositions(id, entries));
		}

		if (pending === undefined) return;
		const next = pending;
		pending = undefined;
		const add: string[] = [];
		const remove: string[] = [];
		for (const post of next.read) if (!saved.read.has(post)) add.push(keyOf(post));
		for (const post of saved.read) if (!next.read.has(post)) remove.push(keyOf(post));
		const lastChanged = next.last !== undefined && next.last !== saved.last;
		saved = next;
		if (add.length === 0 && remove.length === 0 && !lastChanged) return;
		write(state => state.mark(id, {add, remove, last: lastChanged ? keyOf(next.last!) : undefined}));
	};

	const later = () => {
		timer ??= setTimeout(flush, options.delay ?? 300);
	};

	const setStar = (post: string, starred: boolean) => {
		if (starred) memoryStars.add(post);
		else memoryStars.delete(post);
		write(state => state.setStar(id, keyOf(post), starred));
	};

	return {
		initial,
		save(state) {
			pending = state;
			later();
		},
		flush,
		star: post => setStar(post, true),
		unstar: post => setStar(post, false),
		starred() {
			if (db === undefined || failed) return new Set(memoryStars);
			try {
				return new Set(postsOf(db.starred(id)).values());
			} catch (error) {
				report(error);
				return new Set(memoryStars);
			}
		},
		positions() {
			const found = new Map<string, number>();
			if (db === undefined || failed) return found;
			try {
				const stored = [...db.positions(id)];
				const posts = postsOf(stored.map(([entry]) => entry));
				for (const [entry, top] of stored) {
					const post = posts.get(entry);
					if (post !== undefined) found.set(post, top);
				}
			} catch (error) {
				report(error);
			}

			return found;
		},
		position: {
			get(post) {
				const pendingTop = positions.get(post);
				if (pendingTop !== undefined || db === undefined || failed) return pendingTop;
				try {
					return db.position(id, keyOf(post));
				} catch (error) {
					report(error);
					return undefined;
				}
			},
			set(post, top) {
				positions.set(post, top);
				later();
			},
		},
	};
}

/** Paths inside the archive are stored relative to it (the archive can be reached by another path). */
function storedEntry(archive: string, base: string, post: string): string {
	const absolute = path.resolve(post);
	for (const root of new Set([path.resolve(archive), base])) {
		const relative = path.relative(root, absolute);
		if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative;
	}
	return absolute;
}

function realPath(target: string): string {
	try {
		return fs.realpathSync(target);
	} catch {
		return path.resolve(target);
	}
}
