/**
 * The reader on the terminal for an opened archive: wires the screens (ink, react) to the read
 * state, links, search and the loading of the rest of the archive. Loaded only when the reader
 * opens, so printing never pays for it.
 */
import path from 'node:path';
import {copyLink} from './clipboard.js';
import type {Day} from './core/days.js';
import {createKeyClock, noteKey, noteReading, type KeyClock} from './core/key-clock.js';
import {stopIndexWorkers, type Archive, type OpenedArchive} from './core/load.js';
import {sanitizeLine} from './core/sanitize.js';
import type {IndexedSearch} from './core/db/indexed-search.js';
import type {Post} from './core/types.js';
import {describeLink} from './core/links.js';
import {followArchive, type ArchiveFollower} from './follow-archive.js';
import {keepIndex, type IndexKeeper} from './live-index.js';
import {openLink} from './open-link.js';
import {openReadState} from './read-state.js';
import {createArticlePreparer, type ArticlePreparer} from './ui/article-preparer.js';
import {editFile, pipeToPager} from './run-tool.js';
import {supportsHyperlinks} from './ui/hyperlink.js';
import {runApp} from './ui/run.js';
import {describeFailure, type TerminalControl} from './ui/terminal-handoff.js';

/** What the command found and was asked for, handed to the reader. */
export type ReaderSession = {
	/** The folder or file as given on the command line. */
	readonly target: string;
	readonly opened: OpenedArchive;
	/** The command line's restrictions: the list starts filtered by them. */
	readonly category: string | undefined;
	readonly since: Day | undefined;
	readonly until: Day | undefined;
	/** --starred: the list starts on the starred posts only. */
	readonly starred?: boolean;
	/** One post file was given: its article opens at once, and leaving it quits. */
	readonly single?: boolean;
	/** The search the list opens on. */
	readonly query: string | undefined;
	/** Called just before the reader's screen replaces the terminal's (e.g. to erase a progress line). */
	readonly beforeScreen?: () => void;
	/** Reports a problem on one line of stderr. */
	readonly warn: (message: string) => void;
	/** Search with the folder's index database, when it has one. */
	readonly useIndex?: boolean;
	/** With useIndex: the stamp of the index this folio writes (its version); changes seen while open are written to it. */
	readonly indexStamp?: string;
	/** The reading width given with --width, if any. */
	readonly readingWidth?: number | undefined;
};

/** Opens the reader and resolves when the person quits, the read state saved. */
export async function openReader(session: ReaderSession): Promise<void> {
	const {target, opened, category, since, until, query, warn, single = false, starred = false} = session;
	const {archive} = opened;
	// While the list is still growing, every file that may be a post stands for the posts to come;
	// while only the newest posts are listed, the index says which saved entries are posts.
	const {postKeys} = opened;
	const readState = openReadState(target, postKeys === undefined ? () => opened.files ?? archive.posts.map(post => post.path) : {postKeys}, {onError: warn});
	const idle = whenIdle();
	// Signals end the process at once; what was read until then is still saved.
	process.once('exit', () => readState.flush());
	const reason = archive.posts.length === 0 && (opened.summary?.total ?? 0) === 0 ? `No posts in ${path.resolve(target)}${archive.skipped.length > 0 ? `: ${archive.skipped.length} file(s) could not be read` : ''}.` : undefined;
	let preparer: ArticlePreparer | undefined;
	// Full-text search code loads after the first frame, unless the list opens on a search.
	// With the folder's index, indexed posts are answered from it and only the others are read.
	let index: IndexedSearch | undefined;
	const loadSearch = async () => {
		const {searchPostFile} = await import('./core/full-text.js');
		const scan = (post: Post, text: string) => searchPostFile(post, text)?.context;
		if (!session.useIndex) return scan;
		const {openIndexedSearch} = await import('./core/db/indexed-search.js');
		// A first build may not have made the index yet: each new search tries again.
		let tried: string | undefined;
		return (post: Post, text: string) => {
			if (index === undefined && tried !== text) {
				tried = text;
				// No warning on the reader's screen: without the index every file is read.
				index = openIndexedSearch(target);
			}
			return index === undefined ? scan(post, text) : index.searchPost(post, text);
		};
	};
	const searchPost = query === undefined ? undefined : await loadSearch();
	// The command line's restrictions are the list's first filters: named in the header, cleared with Esc.
	const shown = (next: Archive) => ({posts: next.posts, skipped: next.skipped});
	let follower: ArchiveFollower | undefined;
	let keeper: IndexKeeper | undefined;
	// Set once the reader has closed: nothing is started after that (a watch would keep folio running).
	let ended = false;
	session.beforeScreen?.();
	await runApp(terminal => ({
		...shown(archive),
		summary: opened.summary,
		filters: {category, since, until, starredOnly: starred},
		root: single ? '' : target,
		single,
		folder: sanitizeLine(target),
		// The article worker starts after the first frame; until then the reader says "Loading…".
		loadArticle: () => undefined,
		loading: opened.loading,
		onOpenLink: async (url: string) => openLink(url, {runInForeground: inForeground(terminal, command => `$BROWSER (${describeLink(path.basename(command), 30)})`)}),
		emptyReason: reason === undefined ? undefined : sanitizeLine(reason),
		initialReadState: {...readState.initial, starred: readState.starred(), positions: readState.positions()},
		onPositionChange: (post, top) => readState.position.set(post, top),
		onPipe: async text => pipeToPager(text, inForeground(terminal, command => `$PAGER (${describeLink(path.basename(command), 30)})`)),
		onEdit: async file => editFile(file, inForeground(terminal, command => `$EDITOR (${describeLink(path.basename(command), 30)})`)),
		onReadStateChange: state => readState.save(state),
		searchPost,
		// Background work the list shows waits while an article is read and keys come in.
		onReading: reading => noteReading(idle.clock(), reading),
		onStar: (post, on) => {
			if (on) readState.star(post);
			else readState.unstar(post);
		},
		initialSearch: query,
		onCopyLink: async (url: string) => copyLink(url, data => process.stdout.write(data)),
		hyperlinks: supportsHyperlinks(process.env),
		...(session.readingWidth === undefined ? {} : {readingWidth: session.readingWidth}),
	}), async publish => {
		// A person who quits before the first frame was drawn ends the reader before this starts.
		if (ended) return undefined;
		// Posts added, changed or removed while the reader is open come into the list as they happen.
		// The index follows too: the next start or search reads none of the files that changed.
		keeper = !single && session.useIndex && session.indexStamp !== undefined ? keepIndex(target, {stamp: session.indexStamp}) : undefined;
		follower = single
			? undefined
			: followArchive(target, {
					onBatch: keeper?.update,
					// A complete list (not a first batch still growing) takes changes at once.
					shown: opened.loading === undefined && opened.summary === undefined ? archive : undefined,
					onChange: next => publish({posts: next.posts, skipped: next.skipped, changes: {added: next.added, removed: next.removed}}),
					onError: message => publish({notice: sanitizeLine(message)}),
				});
		// Articles are prepared on a worker thread, so q, Esc, Ctrl+C and signals answer however long a post takes.
		// Each article (or beginning) that comes in gives the screen new functions to ask with: it asks again.
		const started = createArticlePreparer({worker: new URL('article-worker.js', import.meta.url), onReady: () => publish(articles())});
		const articles = () => ({
			loadArticle: (post: Post, width: number) => started.article(post, width),
			loadPreview: (post: Post, width: number) => started.preview(post, width),
			loadArticleHead: (post: Post, width: number) => started.head(post, width),
		});
		preparer = started;
		publish(articles());
		if (searchPost === undefined) void loadSearch().then(loaded => publish({searchPost: loaded}), () => undefined);
		// Only the newest posts were listed for the first frame: the others come from the index, in
		// slices between keys, and replace the data (the cursor, filters and prompts stay).
		let base = archive;
		if (opened.listAll !== undefined) {
			base = await opened.listAll({pause: idle.pause});
			if (ended) return undefined;
			publish({...shown(base), summary: undefined});
		}

		if (opened.refresh === undefined) {
			// Files that came between the listing and the watch are found by listing the folder once more.
			follower?.loaded(base, true);
			return undefined;
		}
		// Watched before the files are checked: a file the check misses, the watch sees.
		await follower?.ready;
		let indexed = false;
		// In a worker thread: scanning, stat'ing, parsing and indexing never delay a key.
		const next = await opened.refresh({
			pause: idle.pause,
			worker: true,
			keyClock: idle.clock(),
			base,
			onIndexProgress: (done, total, text) => {
				if (!indexed) publish({indexing: {done, total, text}, loading: undefined});
			},
			// The search text is written after the list is whole: the header says so until it is done.
			onIndexed: () => {
				indexed = true;
				publish({indexing: undefined});
			},
			onUpdate: (partial, done, total) => publish({...shown(partial), loading: {done, total}}),
		});
		publish(next === undefined ? {loading: undefined} : {...shown(next), loading: undefined});
		follower?.loaded(next ?? base);
		return undefined;
	});
	ended = true;
	preparer?.close();
	await follower?.close();
	await keeper?.close();
	index?.close();
	idle.stop();
	stopIndexWorkers();
	readState.flush();
}

/** Runs a program in the foreground with the terminal; a one-line message (named by `name`) when it did not end well. */
function inForeground(terminal: TerminalControl, name: (command: string) => string) {
	return (command: string, args: readonly string[], input?: string): string | undefined =>
		describeFailure(name(command), terminal.runInForeground(command, args, {input}));
}

/**
 * Pauses for a background task (checking the files behind a cached list) that let it run only
 * when no key came in for a moment, so it never delays what a person types. `clock` tells worker
 * threads the same (see core/key-clock.ts). `stop` ends it.
 */
function whenIdle(): {pause: () => Promise<void>; clock: () => KeyClock; stop: () => void} {
	let lastInput = 0;
	let stopped = false;
	let listening = false;
	const keyClock = createKeyClock();
	const onInput = () => {
		lastInput = performance.now();
		noteKey(keyClock);
	};
	const listen = () => {
		if (!listening && !stopped) {
			// Only notes the time; the reader's own listener reads the keys.
			process.stdin.on('readable', onInput);
			listening = true;
		}
	};

	const pause = () =>
		new Promise<void>((resolve, reject) => {
			listen();

			const check = () => {
				if (stopped) reject(new Error('stopped'));
				else if (performance.now() - lastInput >= 150) resolve();
				else setTimeout(check, 50);
			};

			setImmediate(check);
		});
	const stop = () => {
		stopped = true;
		process.stdin.off('readable', onInput);
	};

	const clock = () => {
		listen();
		return keyClock;
	};

	return {pause, clock, stop};
}
