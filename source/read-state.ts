/**
 * Which posts of an archive have been read, and the post read last, kept in the user's state
 * folder (never inside the archive): `$FOLIO_STATE_DIR`, else `$XDG_STATE_HOME/folio`, else the
 * platform's state (Linux `~/.local/state/folio`) or data folder. One file per archive folder,
 * named by a hash of its real path, written atomically (temporary file, then rename). A missing
 * or unreadable file starts fresh; a state folder that cannot be made is reported once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import envPaths from 'env-paths';
import {makeFolder, readOwnFile} from './core/safe-folder.js';

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

/** The file holding the read state of one archive folder (or single post file). */
export function stateFile(archive: string, env: NodeJS.ProcessEnv = process.env): string {
	const key = crypto.createHash('sha256').update(realPath(archive)).digest('hex').slice(0, 24);
	return path.join(stateFolder(env), 'read', `${key}.json`);
}

type Stored = {readonly version: 1; readonly archive: string; readonly read: string[]; readonly last: string | null};

/** What a state file holds: entries are paths relative to the archive (absolute outside it). */
export type StoredState = {readonly read: readonly string[]; readonly last: string | undefined};

/** A state file larger than this is not one folio wrote (a million read posts fit in far less): it is ignored, not parsed. */
export const maxStateBytes = 256 * 1024 * 1024;

/** Reads an archive's state file; an empty state when there is none or it cannot be used (not a regular file, or far too large). */
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

/** Writes an archive's state file atomically, creating the state folder when needed. */
export function saveStoredState(archive: string, state: StoredState, env: NodeJS.ProcessEnv = process.env): void {
	const file = stateFile(archive, env);
	makeFolder(path.dirname(file), 0o700);
	const stored: Stored = {version: 1, archive: realPath(archive), read: [...state.read], last: state.last ?? null};
	const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
	try {
		fs.writeFileSync(temporary, JSON.stringify(stored), {mode: 0o600});
		fs.renameSync(temporary, file);
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw error;
	}
}

/** The read state of one archive for the posts it lists, and a batching saver. */
export type ReadStateStore = {
	/** The saved state, in the paths of the posts given (entries for other posts are kept on save). */
	readonly initial: ReadState;
	/** Saves a new state; writes at most every `delay` ms while changes come in. */
	readonly save: (state: ReadState) => void;
	/** Writes what is pending now (call before exiting). */
	readonly flush: () => void;
};

/**
 * Opens the read state of an archive whose posts have the paths `postPaths` (all posts loaded,
 * before any filter, so entries of posts filtered out are not lost). Write errors are reported
 * once through `onError` (the state is then kept in memory only), never thrown.
 */
export function openReadState(
	archive: string,
	postPaths: readonly string[] | (() => readonly string[]),
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
	const stored = loadStoredState(archive, options.env);
	const byKey = new Map<string, string>();
	// O(posts) only when something was read before: a first visit to a big archive stays quick.
	if (stored.read.length > 0 || stored.last !== undefined) for (const post of typeof postPaths === 'function' ? postPaths() : postPaths) byKey.set(keyOf(post), post);
	const read = new Set<string>();
	const others: string[] = [];
	for (const entry of stored.read) {
		const post = byKey.get(entry);
		if (post === undefined) others.push(entry);
		else read.add(post);
	}
	const last = stored.last === undefined ? undefined : byKey.get(stored.last);
	const initial: ReadState = {read, last};

	let pending: ReadState | undefined;
	let timer: NodeJS.Timeout | undefined;
	let failed = false;
	const flush = () => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		if (pending === undefined || failed) return;
		const state = pending;
		pending = undefined;
		try {
			const entries = [...others, ...[...state.read].map(keyOf)];
			saveStoredState(archive, {read: entries, last: state.last === undefined ? stored.last : keyOf(state.last)}, options.env);
		} catch (error) {
			failed = true;
			options.onError?.(`read state not saved: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
		}
	};
	return {
		initial,
		save(state) {
			pending = state;
			timer ??= setTimeout(flush, options.delay ?? 300);
		},
		flush,
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
