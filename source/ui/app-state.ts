/**
 * The whole interactive state as one pure reducer, in three parts: the data (the archive's posts),
 * the filters a person set, and the view (one case per screen). New posts replace only the data:
 * the filters are applied again and the view, an open prompt and the reading position stay. The
 * reducer never does anything itself: it returns the effects (open a link, copy one, load an
 * article, save the read state, quit) for the component to carry out. Keys are resolved against
 * the key table here, one at a time, so a burst of keys that changes screens midway is still right.
 */
import {indexOfDay, parseDay} from '../core/days.js';
import {countCategories, unifyCategoryCase, type CategoryCount} from '../core/library.js';
import {formatCount} from '../core/count.js';
import {findInLines} from '../core/search.js';
import type {LaidOutLine, Post, Skipped} from '../core/types.js';
import {anyFilter, applyFilters, describeFilters, noFilters, passesFilters, type CategoryChoice, type Filters} from './filter-state.js';
import {revealLine, stepMatch, type Find} from './find-state.js';
import {helpRows} from './help-text.js';
import {actionFor, type Action, type BindingScreen} from './keys.js';
import {fitList, initialList, moveList, selectCentered, selectIndex, type ListMove, type ListState} from './list-state.js';
import {pickerEntries, sourceEntries, type PickerEntry, type PickerKind} from './picker-entries.js';
import {promptKey, type Prompt} from './prompt-state.js';
import {previewMinWidth} from './preview-width.js';
import {maxTop, positionAt, scrollReader, type ReaderMove, type ReaderPosition} from './reader-state.js';

/** A full-text search: the posts searched, how far it got, and the posts found so far with their matching line. */
export type FullText = {
	readonly id: number;
	readonly query: string;
	readonly base: readonly Post[];
	readonly done: number;
	readonly posts: readonly Post[];
	readonly contexts: ReadonlyMap<string, string>;
};

/** Why the app asks to end: `quit` (q, exit code 0) or `interrupt` (Ctrl+C, exit code 130). */
export type ExitReason = 'quit' | 'interrupt';

/** The archive as loaded: posts newest first (categories in one spelling), and the files skipped. */
export type Data = {
	readonly posts: readonly Post[];
	/** Categories by post count, for Tab. */
	readonly categories: readonly CategoryCount[];
	readonly skipped: readonly Skipped[];
	/** The folder the archive was opened from (its top-level folders are the sources). */
	readonly root: string;
	/** Posts in the archive, when `posts` holds only the newest of them (the others still loading; see Summary). */
	readonly total?: number;
};

/** What is known of the whole archive while only its newest posts are listed: how many posts, and the categories. */
export type Summary = {readonly total: number; readonly categories: readonly CategoryCount[]};

/** The reader: where it stands in the article, the word being found, a link number being typed. */
export type ReaderView = {
	readonly kind: 'reader';
	readonly position: ReaderPosition;
	readonly find: Find | undefined;
	readonly linkNumber: string;
};

/** One case per screen. */
export type View =
	| {readonly kind: 'list'}
	| {readonly kind: 'picker'; readonly picker: PickerKind; readonly entries: readonly PickerEntry[]; readonly selection: ListState}
	| ReaderView
	| {readonly kind: 'links'; readonly selection: ListState; readonly reader: ReaderView}
	| {readonly kind: 'help'; readonly top: number; readonly back: View}
	| {readonly kind: 'skipped'; readonly top: number; readonly back: View}
	| {readonly kind: 'empty'};

/** What `R` changed, so `U` (or `R` again at once) can put it back. */
export type Undo = {readonly marked: readonly string[]; readonly message: string};

export type AppState = {
	readonly data: Data;
	readonly filters: Filters;
	/** The running or finished full-text search whose results the list shows. */
	readonly fullText: FullText | undefined;
	/** `data.posts` (or the full-text results) through the filters. */
	readonly visible: readonly Post[];
	readonly list: ListState;
	/** Until the person moves, the selection stays on the newest post while more posts load. */
	readonly followNewest: boolean;
	readonly view: View;
	/** Paths of posts read, and of the post opened last. */
	readonly read: ReadonlySet<string>;
	readonly lastRead: string | undefined;
	/** Paths of starred posts. */
	readonly starred: ReadonlySet<string>;
	/** Where reading stopped (the reader's top line) in posts left partway, by path. */
	readonly positions: ReadonlyMap<string, number>;
	readonly undo: Undo | undefined;
	/** The word found last in an article: the next article opened highlights it too. */
	readonly lastFind: string | undefined;
	/** The text prompt at the bottom of the screen, while one is open. */
	readonly prompt: Prompt | undefined;
	readonly status: string | undefined;
	/** Set once the app asked to end: later keys do nothing. */
	readonly exit: ExitReason | undefined;
	/** One post opened by its path: leaving its article quits. */
	readonly single: boolean;
	/** Keys typed while the article they act on was still loading: handled, in order, once it is there. */
	readonly waiting: readonly string[];
	/** Widest the reader's text column is made, in cells; 0 for the whole screen (see readingColumn). */
	readonly readingWidth: number;
	/** The article beside the list: shown (true), hidden (false), or as the terminal's width says (undefined). */
	readonly preview: boolean | undefined;
	/** Posts that arrived while the reader was open and were not visited yet (the header counts them; `+` goes to them). */
	readonly arrived: readonly string[];
	/** The post open in the reader whose file was removed while it was open: still shown, as it was loaded. */
	readonly gone: string | undefined;
	/**
	 * A longer list that came (the archive still loading) while an article was open: the list is
	 * not on screen then, and taking in a long list costs time, so it waits until the list is shown.
	 */
	readonly held: HeldPosts | undefined;
};

/** Posts given to the list while it was hidden, taken in when it is shown again. */
export type HeldPosts = {
	readonly posts: readonly Post[];
	readonly skipped: readonly Skipped[];
	readonly summary: Summary | undefined;
	/** Where the post open stands among them, through the filters (1-based), for the reader's status line. */
	readonly place: {readonly index: number; readonly count: number} | undefined;
};

/** Where the post open stands in the list (1-based) and how long the list is: the longer list held, once one is. */
export function readerPlace(state: AppState): {readonly index: number; readonly count: number} {
	return state.held?.place ?? {index: state.list.selected + 1, count: state.visible.length};
}

/** The place of the post open among posts held for the list (see HeldPosts), when it is among them. */
function heldPlace(state: AppState, posts: readonly Post[]): HeldPosts['place'] {
	const current = selectedPost(state);
	if (current === undefined || state.fullText !== undefined) return undefined;
	const visible = applyFilters(posts, state.filters, state.read, state.data.root, state.starred);
	const index = findPath(visible, current.path, state.list.selected);
	return index < 0 ? undefined : {index: index + 1, count: visible.length};
}

/** Something the component does for the reducer. */
export type Effect =
	| {readonly type: 'openLink'; readonly url: string}
	| {readonly type: 'copyLink'; readonly url: string}
	| {readonly type: 'loadArticle'; readonly post: Post}
	| {readonly type: 'saveReadState'; readonly read: ReadonlySet<string>; readonly last: string | undefined}
	| {readonly type: 'star'; readonly path: string; readonly starred: boolean}
	| {readonly type: 'pipe'; readonly text: string}
	| {readonly type: 'edit'; readonly path: string}
	| {readonly type: 'savePosition'; readonly path: string; readonly top: number}
	| {readonly type: 'exit'; readonly reason: ExitReason};

/** The reducer's answer: the next state, and what to do. */
export type Step = {readonly state: AppState; readonly effects: readonly Effect[]};

/** What the reducer needs to know about the screen and the articles (laid out by the component). */
export type Environment = {
	/** The width articles are laid out at: the reader's text column. */
	readonly width: number;
	/** The terminal's width, when it is wider than the text column (the preview needs it). */
	readonly screenWidth?: number;
	readonly height: number;
	/** The laid-out lines of a post at a width (memoized by the caller). */
	readonly lines: (post: Post, width: number) => readonly LaidOutLine[];
	/** The numbered links of a post (links[0] is `[1]`); none when not given. */
	readonly links?: (post: Post, width: number) => readonly string[];
	/** Whether a post's article is still loading at a width; keys for the reader then wait (see `waiting`). */
	readonly loading?: (post: Post, width: number) => boolean;
};

export type AppAction =
	| {readonly type: 'keys'; readonly keys: readonly string[]; readonly env: Environment}
	| {readonly type: 'status'; readonly text: string}
	| {readonly type: 'posts'; readonly posts: readonly Post[]; readonly skipped?: readonly Skipped[]; readonly env?: Environment; readonly live?: LiveChanges; readonly summary?: Summary}
	| {readonly type: 'fullText'; readonly query: string; readonly env: Environment}
	| {readonly type: 'fullTextProgress'; readonly id: number; readonly done: number; readonly hits: ReadonlyArray<readonly [Post, string]>; readonly env: Environment};

/** What changed in the archive while the reader was open (paths of posts added and removed). */
export type LiveChanges = {readonly added: readonly string[]; readonly removed: readonly string[]};

/** Read state restored from an earlier run. */
export type SavedReadState = {readonly read?: Iterable<string>; readonly last?: string | undefined; readonly starred?: Iterable<string>; readonly positions?: ReadonlyMap<string, number>};

/** How the app starts. */
export type StartOptions = {
	readonly saved?: SavedReadState;
	/** Rows of the list (see listRows). */
	readonly rows?: number;
	/** Restrictions given on the command line. */
	readonly filters?: Partial<Filters>;
	readonly root?: string;
	readonly skipped?: readonly Skipped[];
	/** Open the first post's article at once; leaving it quits. */
	readonly single?: boolean;
	/** Given when `posts` are only the newest of the archive's (see Data.total). */
	readonly summary?: Summary;
};

/** Rows of the list: the header and the status line take one row each. */
export function listRows(height: number): number {
	return Math.max(1, height - 2);
}

/** Posts on one screen of the list: full-text results take two rows each (the title, then the match). */
export function postsPerScreen(height: number, twoRows: boolean): number {
	const rows = listRows(height);
	return twoRows ? Math.max(1, Math.floor(rows / 2)) : rows;
}

/** Rows of entries in a picker (title and status line). */
export function pickerRows(height: number): number {
	return Math.max(1, height - 2);
}

/** Rows of text in the reader and the help screen (the status line takes one). */
export function pageRows(height: number): number {
	return Math.max(1, height - 1);
}

/** The data for a list of posts. O(n): counts categories (the summary's, when the list is only the newest posts). */
function makeData(posts: readonly Post[], root: string, skipped: readonly Skipped[], summary?: Summary): Data {
	const unified = unifyCategoryCase(posts);
	if (summary !== undefined) return {posts: unified, categories: summary.categories, skipped, root, total: summary.total};
	return {posts: unified, categories: countCategories(unified), skipped, root};
}

/**
 * The counts the list's header shows: posts passing the filters, posts in all, and unread ones
 * among those passing. While only the newest posts are listed and no filter is set, they are the
 * whole archive's (the read marks are only of its posts).
 */
export function listCounts(state: AppState, unreadShown: number): {readonly shown: number; readonly total: number; readonly unread: number} {
	const {total} = state.data;
	if (total === undefined) return {shown: state.visible.length, total: state.data.posts.length, unread: unreadShown};
	if (filtered(state)) return {shown: state.visible.length, total, unread: unreadShown};
	return {shown: total, total, unread: Math.max(0, total - state.read.size)};
}

/**
 * The starting state for posts (sorted, newest first). O(n) once: counts categories.
 * With a saved read state, the list opens on the post read last (when it is still listed).
 */
export function initialState(posts: readonly Post[], options: StartOptions = {}): AppState {
	const {saved = {}, rows = 20, root = '', skipped = [], single = false} = options;
	const data = makeData(posts, root, skipped, options.summary);
	const filters: Filters = {...noFilters, ...options.filters};
	const read = new Set(saved.read ?? []);
	const starred = new Set(saved.starred ?? []);
	const visible = applyFilters(data.posts, filters, read, root, starred);
	const lastIndex = saved.last === undefined ? -1 : visible.findIndex(post => post.path === saved.last);
	const reader: ReaderView = {kind: 'reader', position: {top: 0, width: 0}, find: undefined, linkNumber: ''};
	return {
		data,
		filters,
		fullText: undefined,
		visible,
		list: lastIndex < 0 ? initialList : selectCentered(lastIndex, visible.length, rows),
		followNewest: lastIndex < 0,
		view: posts.length === 0 ? {kind: 'empty'} : single ? reader : {kind: 'list'},
		read,
		lastRead: saved.last,
		starred,
		positions: saved.positions ?? new Map(),
		undo: undefined,
		lastFind: undefined,
		prompt: undefined,
		status: undefined,
		exit: undefined,
		single: single && posts.length > 0,
		waiting: [],
		readingWidth: defaultReadingWidth,
		arrived: [],
		gone: undefined,
		preview: undefined,
		held: undefined,
	};
}

/** The reading width the reader starts with: text wraps at most at this many cells. */
export const defaultReadingWidth = 100;
/** The reading widths the `w` key steps through; 0 is the whole screen. */
const readingWidths = [60, 80, 100, 120, 0];

/** The width of the reader's text column on a screen `width` cells wide. */
export function readingColumn(width: number, readingWidth: number): number {
	return readingWidth > 0 ? Math.max(1, Math.min(width, readingWidth)) : Math.max(1, width);
}

/** The effects to start with: the article of a post opened at once. */
export function initialEffects(state: AppState): Effect[] {
	const post = selectedPost(state);
	return state.view.kind === 'reader' && post !== undefined ? [{type: 'loadArticle', post}] : [];
}

/** The post under the list selection (also the one the reader shows), if any. */
export function selectedPost(state: AppState): Post | undefined {
	return state.visible[state.list.selected];
}

/** Which part of the key table a view uses. */
export function bindingScreen(view: View): Exclude<BindingScreen, 'global' | 'prompt'> {
	switch (view.kind) {
		case 'picker':
			return view.picker === 'tag' ? 'tags' : 'categories';
		case 'reader':
			return 'reader';
		default:
			return view.kind;
	}
}

/** The reducer: pure, and O(1) in the number of posts for a move; a filter or new posts cost O(n). */
export function appReducer(state: AppState, action: AppAction): Step {
	const effects: Effect[] = [];
	let next = reduce(state, action, effects);
	if (action.type === 'keys') next = keepPosition(state, next, action.env, effects);
	// Back from an article: the list takes in what came meanwhile, still on the post that was read.
	if (next.held !== undefined && !articleOpen(next)) next = replacePosts({...next, held: undefined, followNewest: false}, next.held.posts, next.held.skipped, 'env' in action ? action.env : undefined, undefined, next.held.summary);
	if (next.read !== state.read || next.lastRead !== state.lastRead) effects.push({type: 'saveReadState', read: next.read, last: next.lastRead});
	if (next.exit !== undefined && state.exit === undefined) effects.push({type: 'exit', reason: next.exit});
	return {state: next, effects};
}

/** Whether an article fills the screen (the reader or its link list): the list is not shown. */
function articleOpen(state: AppState): boolean {
	return state.view.kind === 'reader' || state.view.kind === 'links';
}

/** The post open in the reader (or its link list), with the reader's view. */
function reading(state: AppState): {post: Post; view: ReaderView} | undefined {
	const view = state.view.kind === 'links' ? state.view.reader : state.view.kind === 'reader' ? state.view : undefined;
	const post = selectedPost(state);
	return view === undefined || post === undefined ? undefined : {post, view};
}

/**
 * When a post is left in the reader (back to the list, another post, quitting), where reading
 * stopped is kept for the next time it opens: its top line, or nothing once the end was reached.
 */
function keepPosition(before: AppState, after: AppState, env: Environment, effects: Effect[]): AppState {
	const was = reading(before);
	if (was === undefined) return after;
	const now = reading(after);
	if (now !== undefined && now.post.path === was.post.path && after.exit === undefined) return after;
	const rows = pageRows(env.height);
	const lines = env.lines(was.post, env.width);
	const {top} = positionAt(was.view.position, env.width, rows, width => env.lines(was.post, width));
	const finished = top >= maxTop(lines.length, rows);
	const kept = finished ? 0 : top;
	if ((before.positions.get(was.post.path) ?? 0) === kept) return after;
	const positions = new Map(after.positions);
	if (kept === 0) positions.delete(was.post.path);
	else positions.set(was.post.path, kept);
	effects.push({type: 'savePosition', path: was.post.path, top: kept});
	return {...after, positions};
}

/** The reader's position on opening a post: where reading stopped last time, else the top. */
function resumeAt(state: AppState, post: Post, env: Environment): ReaderPosition {
	return {top: state.positions.get(post.path) ?? 0, width: env.width};
}

/** The status line on opening a post that is resumed. */
function resumeNote(state: AppState, post: Post): string | undefined {
	const top = state.positions.get(post.path);
	return top === undefined ? undefined : `Back where reading stopped: line ${formatCount(top + 1)} (g: top)`;
}

function reduce(state: AppState, action: AppAction, effects: Effect[]): AppState {
	switch (action.type) {
		case 'status':
			return {...state, status: action.text};
		case 'posts': {
			const skipped = action.skipped ?? state.data.skipped;
			// Changes under the reader (a post removed while it is open) are taken in at once.
			if (action.live === undefined && articleOpen(state)) return {...state, held: {posts: action.posts, skipped, summary: action.summary, place: heldPlace(state, action.posts)}};
			return replacePosts({...state, held: undefined}, action.posts, skipped, action.env, action.live, action.summary);
		}
		case 'fullTextProgress':
			return fullTextProgress(state, action);
		case 'fullText':
			return state.view.kind === 'empty' ? state : startFullText(state, action.query.trim(), action.env);
		case 'keys': {
			if (action.keys.length === 0 && state.waiting.length === 0) return state;
			let next = state;
			const keys = state.waiting.length === 0 ? action.keys : [...state.waiting, ...action.keys];
			for (const [index, name] of keys.entries()) {
				if (next.exit !== undefined) break;
				if (articleLoading(next, action.env) && !actsWhileLoading.has(actionFor(bindingScreen(next.view), name))) {
					const waiting = keys.slice(index);
					// Nothing new: the same state, so a component waiting for the article does not loop.
					return index === 0 && waiting.length === state.waiting.length && next === state ? state : {...next, waiting};
				}
				const shown = next.status;
				next = applyKey(next.status === undefined ? next : {...next, status: undefined}, name, action.env, shown, effects);
			}
			return next.waiting.length === 0 ? next : {...next, waiting: []};
		}
	}
}

/** What a key does at once while its article is still loading (going back, quitting); other keys wait for it. */
const actsWhileLoading = new Set<Action | undefined>(['interrupt', 'back']);

/**
 * New posts for the data: the filters run again over them, the selected post stays selected (or
 * the newest, until the person moved), and the view stays as it is: the reader on its post and
 * line, a picker with its entries counted again. The reader goes back to the list only when its
 * post is gone.
 */
function replacePosts(state: AppState, posts: readonly Post[], skipped: readonly Skipped[], env: Environment | undefined, live?: LiveChanges, summary?: Summary): AppState {
	const data = makeData(posts, state.data.root, skipped, summary);
	let arrived = state.arrived;
	if (live !== undefined) {
		const present = new Set(data.posts.map(post => post.path));
		arrived = [...state.arrived.filter(path => present.has(path)), ...live.added.filter(path => present.has(path) && !state.arrived.includes(path))];
	}
	// Once the archive changes under the reader, the selection stays where the person left it.
	let followNewest = state.followNewest && live === undefined;
	let fullText = state.fullText;
	if (fullText !== undefined) {
		const paths = new Set(data.posts.map(post => post.path));
		fullText = {...fullText, posts: fullText.posts.filter(post => paths.has(post.path))};
	}
	const source = fullText?.posts ?? data.posts;
	let visible = applyFilters(source, state.filters, state.read, data.root, state.starred);
	const rows = env === undefined ? 20 : postsPerScreen(env.height, fullText !== undefined);
	const current = selectedPost(state);
	let list: ListState;
	let view = state.view;
	let gone: string | undefined;
	const lastIndex = followNewest && state.lastRead !== undefined ? findPath(visible, state.lastRead, 0) : -1;
	if (lastIndex >= 0 && view.kind === 'list') {
		// The post read last in an earlier run has arrived: the list opens on it, as it would have at once.
		list = selectCentered(lastIndex, visible.length, rows);
		followNewest = false;
	} else if (followNewest && view.kind !== 'reader' && view.kind !== 'links') list = initialList;
	else {
		const index = current === undefined ? -1 : findPath(visible, current.path, state.list.selected);
		if (index >= 0) {
			// The selected post keeps its row on screen as posts are added above it; at the top of the
			// list, posts that arrive while the reader is open show above it instead.
			const top = live !== undefined && state.list.top === 0 ? 0 : state.list.top + index - state.list.selected;
			list = fitList({selected: index, top}, visible.length, rows);
		} else if ((view.kind === 'reader' || view.kind === 'links') && current !== undefined && (state.gone === current.path || live?.removed.includes(current.path) === true)) {
			// Removed while it is open: it stays readable, as it was loaded, until the reader is left.
			const at = Math.min(state.list.selected, visible.length);
			visible = [...visible.slice(0, at), current, ...visible.slice(at)];
			list = fitList({selected: at, top: state.list.top + at - state.list.selected}, visible.length, rows);
			gone = current.path;
		} else {
			list = fitList(state.list, visible.length, rows);
			if (view.kind === 'reader' || view.kind === 'links') view = {kind: 'list'};
		}
	}
	if (view.kind === 'picker') {
		const entries = pickerEntries(view.picker, data.posts, state.read, data.root);
		const chosen = view.entries[view.selection.selected]?.value;
		const at = entries.findIndex(entry => entry.value === chosen);
		view = {...view, entries, selection: at < 0 ? fitList(view.selection, entries.length, rows) : selectIndex(view.selection, at, entries.length, rows)};
	}
	if (view.kind === 'empty' && data.posts.length > 0) view = {kind: 'list'};
	return {...state, data, fullText, visible, list, view, arrived, gone, followNewest};
}

/** The index of the post with this path, looked for near `near` first (it rarely moves far). */
function findPath(posts: readonly Post[], wanted: string, near: number): number {
	if (posts[near]?.path === wanted) return near;
	return posts.findIndex(post => post.path === wanted);
}

/** Whether the reader (or its link list) shows an article that is still loading. */
function articleLoading(state: AppState, env: Environment): boolean {
	if ((state.view.kind !== 'reader' && state.view.kind !== 'links') || env.loading === undefined) return false;
	const post = selectedPost(state);
	return post !== undefined && env.loading(post, env.width);
}

function applyKey(state: AppState, name: string, env: Environment, shown: string | undefined, effects: Effect[]): AppState {
	const {view} = state;
	const action = actionFor(bindingScreen(view), name);
	if (action === 'interrupt' || (state.prompt && name === 'Ctrl+C')) return {...state, exit: 'interrupt'};
	if (state.prompt) return promptInput(state, name, env);
	if (action === undefined && view.kind !== 'help') return state;
	switch (view.kind) {
		case 'list':
			return listKey(state, action!, env, shown, effects);
		case 'picker':
			return pickerKey(state, view, action!, env);
		case 'reader':
			return readerKey(state, view, action!, env, name, effects);
		case 'links':
			return linksKey(state, view, action!, name, env, effects);
		case 'help':
			return helpKey(state, view, action, env);
		case 'skipped':
			return skippedKey(state, view, action!, env);
		case 'empty':
			return action === 'quit' ? {...state, exit: 'quit'} : state;
	}
}

const moves = new Set<Action>(['down', 'up', 'pageDown', 'pageUp', 'halfDown', 'halfUp', 'top', 'bottom']);

/** Posts on one screen of the list as the state shows it. */
function screenPosts(state: AppState, env: Environment): number {
	return postsPerScreen(env.height, state.fullText !== undefined);
}

/** The reader opened on the selected post, at its top. */
function openReader(state: AppState, env: Environment, effects: Effect[]): AppState {
	const post = selectedPost(state);
	if (post === undefined) return state;
	effects.push({type: 'loadArticle', post});
	// A post found by full-text search opens with its matches highlighted, ready for n.
	const query = state.fullText?.query ?? state.lastFind;
	const find = query === undefined ? undefined : {query, index: -1};
	const arrived = state.arrived.includes(post.path) ? state.arrived.filter(entry => entry !== post.path) : state.arrived;
	const status = resumeNote(state, post) ?? state.status;
	return {...markRead(state, post), arrived, status, followNewest: false, view: {kind: 'reader', position: resumeAt(state, post, env), find, linkNumber: ''}};
}

function listKey(state: AppState, action: Action, env: Environment, shown: string | undefined, effects: Effect[]): AppState {
	const rows = screenPosts(state, env);
	if (moves.has(action)) return {...state, followNewest: false, list: moveList(state.list, action as ListMove, state.visible.length, rows)};
	switch (action) {
		case 'open':
			return openReader(state, env, effects);
		case 'nextCategory':
		case 'previousCategory':
			return withFilters(state, {category: cycleCategory(state, action === 'nextCategory' ? 1 : -1)}, env);
		case 'categories':
			return openPicker(state, 'category', state.filters.category, env);
		case 'tags':
			return openPicker(state, 'tag', state.filters.tag, env);
		case 'sources':
			return openPicker(state, 'source', state.filters.source, env);
		case 'openLink':
			return requestUrl(state, selectedPost(state)?.link, effects);
		case 'help':
			return {...state, view: {kind: 'help', top: 0, back: state.view}};
		case 'skipped':
			if (state.data.skipped.length === 0) return {...state, status: 'No file was skipped'};
			return {...state, view: {kind: 'skipped', top: 0, back: state.view}};
		case 'quit':
			return {...state, exit: 'quit'};
		case 'search':
			return {...state, prompt: {kind: 'filter', text: state.filters.query}};
		case 'fullText':
			return {...state, prompt: {kind: 'fullText', text: state.fullText?.query ?? ''}};
		case 'jumpToDate':
			return {...state, prompt: {kind: 'date', text: ''}};
		case 'clearFilters':
			return clearFilters(state, env);
		case 'unreadOnly': {
			const next = withFilters(state, {unreadOnly: !state.filters.unreadOnly}, env);
			return {...next, status: next.filters.unreadOnly ? `Showing ${formatCount(next.visible.length)} unread posts (u: all)` : 'Showing read and unread posts'};
		}
		case 'nextUnread':
			return nextUnread(state, env, false, effects);
		case 'nextArrived':
			return nextArrived(state, env);
		case 'toggleStar':
			return toggleStar(state, effects);
		case 'edit': {
			const post = selectedPost(state);
			if (post !== undefined) effects.push({type: 'edit', path: post.path});
			return state;
		}
		case 'togglePreview': {
			const preview = !(state.preview ?? (env.screenWidth ?? env.width) >= previewMinWidth);
			return {...state, preview, status: preview ? 'The selected post is shown beside the list (v: hide)' : 'The list takes the whole width (v: the post beside it)'};
		}
		case 'starredOnly': {
			const next = withFilters(state, {starredOnly: !state.filters.starredOnly}, env);
			return {...next, status: next.filters.starredOnly ? `Showing ${formatCount(next.visible.length)} starred posts (*: all)` : 'Showing starred and other posts'};
		}
		case 'toggleRead': {
			const post = selectedPost(state);
			if (post === undefined) return state;
			const read = new Set(state.read);
			if (read.has(post.path)) read.delete(post.path);
			else read.add(post.path);
			return {...state, read, status: read.has(post.path) ? 'Marked read' : 'Marked unread'};
		}
		case 'markAllRead':
			// R again while its message is shown takes it back.
			if (state.undo !== undefined && shown === state.undo.message) return undoRead(state);
			return markAllRead(state);
		case 'undoRead':
			return undoRead(state);
		case 'copyLink':
			return requestCopy(state, selectedPost(state)?.link, effects);
		default:
			return state;
	}
}

function markAllRead(state: AppState): AppState {
	const unread = state.visible.filter(post => !state.read.has(post.path));
	if (unread.length === 0) return {...state, status: 'Every post shown is read already'};
	const read = new Set(state.read);
	for (const post of unread) read.add(post.path);
	const message = `Marked ${formatCount(unread.length)} posts read · U or R again: undo`;
	return {...state, read, undo: {marked: unread.map(post => post.path), message}, status: message};
}

function undoRead(state: AppState): AppState {
	const {undo} = state;
	if (undo === undefined) return {...state, status: 'Nothing to undo'};
	// Only the posts R marked become unread again.
	const read = new Set(state.read);
	for (const path of undo.marked) read.delete(path);
	return {...state, read, undo: undefined, status: `Undone: ${formatCount(undo.marked.length)} posts unread again`};
}

/** Selects the next unread post below the selection (from the top when none is below); in the reader, opens it. */
function nextUnread(state: AppState, env: Environment, inReader: boolean, effects: Effect[]): AppState {
	const {visible, read} = state;
	const from = state.list.selected;
	let index = -1;
	for (let at = from + 1; at < visible.length; at++) {
		if (!read.has(visible[at]!.path)) {
			index = at;
			break;
		}
	}
	let wrapped = false;
	if (index < 0) {
		for (let at = 0; at <= Math.min(from, visible.length - 1); at++) {
			if (!read.has(visible[at]!.path) && !(inReader && at === from)) {
				index = at;
				wrapped = true;
				break;
			}
		}
	}
	if (index < 0) return {...state, status: 'No unread post in this list'};
	const list = selectCentered(index, visible.length, screenPosts(state, env));
	const moved = {...state, list, followNewest: false, status: wrapped ? 'Next unread: from the top' : undefined};
	return inReader ? openReader(moved, env, effects) : moved;
}

/** Stars the selected post, or takes its star away; the star is saved at once. */
function toggleStar(state: AppState, effects: Effect[]): AppState {
	const post = selectedPost(state);
	if (post === undefined) return state;
	const starred = new Set(state.starred);
	const on = !starred.has(post.path);
	if (on) starred.add(post.path);
	else starred.delete(post.path);
	effects.push({type: 'star', path: post.path, starred: on});
	return {...state, starred, status: on ? 'Starred (s again: unstar)' : 'Star removed'};
}

/** Selects the next post that arrived while the reader was open (below the selection, then from the top); it then no longer counts as new. */
function nextArrived(state: AppState, env: Environment): AppState {
	if (state.arrived.length === 0) return {...state, status: 'No new posts since folio opened this archive'};
	const waiting = new Set(state.arrived);
	const {visible} = state;
	let index = -1;
	for (let step = 1; step <= visible.length; step++) {
		const at = (state.list.selected + step) % visible.length;
		if (waiting.has(visible[at]!.path)) {
			index = at;
			break;
		}
	}
	if (index < 0) return {...state, status: `${formatCount(state.arrived.length)} new posts, none passes these filters (Esc clears them)`};
	const path = visible[index]!.path;
	const arrived = state.arrived.filter(entry => entry !== path);
	const list = selectCentered(index, visible.length, screenPosts(state, env));
	return {...state, list, arrived, followNewest: false, status: arrived.length > 0 ? `${formatCount(arrived.length)} more new (+)` : undefined};
}

/** Keys typed into the open prompt: the list filter follows every key; the others act on Enter. */
function promptInput(state: AppState, name: string, env: Environment): AppState {
	const prompt = state.prompt!;
	const result = promptKey(prompt, name);
	if (prompt.kind === 'filter') {
		if (result.type === 'cancel') return withFilters({...state, prompt: undefined}, {query: ''}, env);
		const {text} = result;
		const before = state.filters.query;
		const next = text === before ? state : withFilters(state, {query: text}, env, before.trim() !== '' && text.startsWith(before));
		return result.type === 'submit' ? {...next, prompt: undefined} : {...next, prompt: {kind: 'filter', text}};
	}
	if (result.type === 'cancel') return {...state, prompt: undefined};
	if (result.type === 'edit') return {...state, prompt: {...prompt, text: result.text}};
	const closed = {...state, prompt: undefined};
	switch (prompt.kind) {
		case 'fullText':
			return startFullText(closed, result.text.trim(), env);
		case 'date':
			return jumpToDay(closed, result.text, env);
		case 'find':
			return startFind(closed, result.text, env);
	}
}

/** Starts a full-text search over the posts shown (the component runs it in slices); empty clears it. */
function startFullText(state: AppState, query: string, env: Environment): AppState {
	if (query === '') return state.fullText === undefined ? state : refilter({...state, fullText: undefined}, env);
	const base = state.fullText === undefined ? state.visible : applyFilters(state.data.posts, state.filters, state.read, state.data.root, state.starred);
	if (base.length === 0) return {...state, status: 'No posts to search: clear the filters first (Esc)'};
	const fullText: FullText = {id: (state.fullText?.id ?? 0) + 1, query, base, done: 0, posts: [], contexts: new Map()};
	return {...state, fullText, visible: [], list: initialList, status: `Searching ${formatCount(base.length)} posts for "${query}"…`};
}

function fullTextProgress(state: AppState, action: Extract<AppAction, {type: 'fullTextProgress'}>): AppState {
	const job = state.fullText;
	if (job === undefined || job.id !== action.id) return state;
	const contexts = new Map(job.contexts);
	const found: Post[] = [];
	for (const [post, context] of action.hits) {
		contexts.set(post.path, context);
		found.push(post);
	}
	const fullText: FullText = {...job, done: action.done, posts: found.length > 0 ? [...job.posts, ...found] : job.posts, contexts};
	const added = found.filter(post => passesFilters(post, state.filters, state.read, state.data.root, state.starred));
	const visible = added.length > 0 ? [...state.visible, ...added] : state.visible;
	const finished = action.done >= job.base.length;
	const status = finished
		? `${formatCount(fullText.posts.length)} of ${formatCount(job.base.length)} posts contain "${job.query}"${fullText.posts.length > 0 ? '' : ' (Esc: back to all)'}`
		: state.status;
	return {...state, fullText, visible, list: fitList(state.list, visible.length, postsPerScreen(action.env.height, true)), status};
}

/** Selects the newest post of the day typed, or of the nearest older day. */
function jumpToDay(state: AppState, text: string, env: Environment): AppState {
	const day = parseDay(text);
	if (day === undefined) return {...state, status: `Not a day: "${text.slice(0, 40)}" (type YYYY-MM-DD)`};
	const index = indexOfDay(state.visible, day);
	if (index < 0) return {...state, status: `No post on or before ${day.text}`};
	const post = state.visible[index]!;
	const list = fitList({selected: index, top: index}, state.visible.length, screenPosts(state, env));
	const exact = post.date! >= day.start;
	return {...state, list, followNewest: false, status: exact ? undefined : `No post on ${day.text}; showing the nearest older day`};
}

/** The state with some filters changed and the list recomputed. */
function withFilters(state: AppState, changes: Partial<Filters>, env: Environment, narrowing = false): AppState {
	const filters = {...state.filters, ...changes};
	if (Object.keys(changes).every(key => filters[key as keyof Filters] === state.filters[key as keyof Filters])) return state;
	return refilter({...state, filters}, env, narrowing);
}

/** Every filter and the full-text search cleared; the status line says what was. */
function clearFilters(state: AppState, env: Environment): AppState {
	const cleared = describeFilters(state.filters);
	if (state.fullText !== undefined) cleared.push(`text "${state.fullText.query}"`);
	if (cleared.length === 0) return {...state, status: 'No filter to clear: every post is shown'};
	const next = refilter({...state, filters: noFilters, fullText: undefined}, env);
	return {...next, status: `Cleared ${cleared.join(', ')}: all ${formatCount(next.visible.length)} posts shown`};
}

/**
 * The list recomputed for the state's filters, keeping the selected post selected when it is
 * still shown. `narrowing`: the new filters can only remove posts, so the shown ones are filtered.
 */
function refilter(state: AppState, env: Environment, narrowing = false): AppState {
	const source = narrowing ? state.visible : (state.fullText?.posts ?? state.data.posts);
	const visible = applyFilters(source, state.filters, state.read, state.data.root, state.starred);
	const current = selectedPost(state);
	const index = current === undefined ? -1 : visible.indexOf(current);
	// Still on the newest post: it keeps following the newest as more posts load.
	const followNewest = state.followNewest && index <= 0;
	return {...state, visible, followNewest, list: index < 0 ? initialList : selectCentered(index, visible.length, screenPosts(state, env))};
}

function markRead(state: AppState, post: Post): AppState {
	if (state.read.has(post.path)) return state.lastRead === post.path ? state : {...state, lastRead: post.path};
	const read = new Set(state.read);
	read.add(post.path);
	return {...state, read, lastRead: post.path};
}

/** Opens a picker on the entry in force. */
function openPicker(state: AppState, picker: PickerKind, active: CategoryChoice | undefined, env: Environment): AppState {
	const {posts, root} = state.data;
	if (picker === 'tag' && !posts.some(post => post.tags.length > 0)) return {...state, status: 'No post has tags'};
	if (picker === 'source' && sourceEntries(posts, state.read, root).length === 0) return {...state, status: 'Every post is in one folder: no sources to choose'};
	const entries = pickerEntries(picker, posts, state.read, root);
	const index = Math.max(0, entries.findIndex(entry => entry.value === active));
	return {...state, view: {kind: 'picker', picker, entries, selection: selectCentered(index, entries.length, pickerRows(env.height))}};
}

/** Keys in a picker: move, choose an entry (the first is "All"), or go back to the list. */
function pickerKey(state: AppState, view: Extract<View, {kind: 'picker'}>, action: Action, env: Environment): AppState {
	const count = view.entries.length;
	const rows = pickerRows(env.height);
	if (moves.has(action)) return {...state, view: {...view, selection: moveList(view.selection, action as ListMove, count, rows)}};
	if (action === 'open') {
		const value = view.entries[fitList(view.selection, count, rows).selected]?.value;
		const field = view.picker === 'category' ? 'category' : view.picker === 'tag' ? 'tag' : 'source';
		const chosen = withFilters(state, {[field]: value}, env);
		return {...chosen, view: {kind: 'list'}};
	}
	if (action === 'back') return {...state, view: {kind: 'list'}};
	return state;
}

function readerKey(state: AppState, view: ReaderView, action: Action, env: Environment, name: string, effects: Effect[]): AppState {
	const post = selectedPost(state);
	if (post === undefined) return {...state, view: {kind: 'list'}};
	const rows = pageRows(env.height);
	if (view.linkNumber !== '' && action !== 'linkDigit' && action !== 'openNumberedLink') {
		const cleared = {...view, linkNumber: ''};
		return action === 'back' ? {...state, view: cleared} : readerKey({...state, view: cleared}, cleared, action, env, name, effects);
	}
	const withView = (changes: Partial<ReaderView>): AppState => ({...state, view: {...view, ...changes}});
	if (moves.has(action)) {
		const position = positionAt(view.position, env.width, rows, width => env.lines(post, width));
		const lineCount = env.lines(post, env.width).length;
		return withView({position: {top: scrollReader(position.top, action as ReaderMove, lineCount, rows), width: env.width}});
	}
	switch (action) {
		case 'nextPost':
		case 'previousPost': {
			const step = action === 'nextPost' ? 1 : -1;
			const index = state.list.selected + step;
			if (index < 0) return {...state, status: 'This is the first post'};
			if (index >= state.visible.length) return {...state, status: 'This is the last post'};
			const next = state.visible[index]!;
			effects.push({type: 'loadArticle', post: next});
			return {
				...markRead(state, next),
				status: resumeNote(state, next),
				list: selectIndex(state.list, index, state.visible.length, screenPosts(state, env)),
				view: {...view, position: resumeAt(state, next, env), find: view.find === undefined ? undefined : {...view.find, index: -1}},
			};
		}
		case 'nextUnread':
			return nextUnread(state, env, true, effects);
		case 'toggleStar':
			return toggleStar(state, effects);
		case 'pipe':
			effects.push({type: 'pipe', text: env.lines(post, env.width).map(line => line.text).join('\n')});
			return state;
		case 'edit':
			effects.push({type: 'edit', path: post.path});
			return state;
		case 'openLink':
			return requestUrl(state, post.link, effects);
		case 'readingWidth': {
			const next = readingWidths.find(value => value > state.readingWidth) ?? 0;
			const readingWidth = state.readingWidth === 0 ? readingWidths[0]! : next;
			return {...state, readingWidth, status: readingWidth === 0 ? 'Reading width: the whole screen' : `Reading width: ${readingWidth} columns`};
		}
		case 'find':
			return {...state, prompt: {kind: 'find', text: ''}};
		case 'nextMatch':
		case 'previousMatch':
			return findStep(state, view, action === 'nextMatch' ? 1 : -1, env);
		case 'links': {
			const links = env.links?.(post, env.width) ?? [];
			if (links.length === 0) return {...state, status: 'This post has no links'};
			return {...state, view: {kind: 'links', selection: initialList, reader: view}};
		}
		case 'linkDigit': {
			const digits = (view.linkNumber + name).replace(/^0+/, '').slice(0, 5);
			return {...withView({linkNumber: digits}), status: digits === '' ? undefined : `Link ${digits}: Enter opens it, Esc cancels`};
		}
		case 'openNumberedLink': {
			if (view.linkNumber === '') return state;
			const number = Number(view.linkNumber);
			const links = env.links?.(post, env.width) ?? [];
			const cleared = withView({linkNumber: ''});
			if (number < 1 || number > links.length) return {...cleared, status: `No link ${number}: this post has ${links.length}`};
			return requestUrl(cleared, links[number - 1], effects);
		}
		case 'copyLink':
			return requestCopy(state, post.link, effects);
		case 'help':
			return {...state, view: {kind: 'help', top: 0, back: view}};
		case 'back':
			if (state.single) return {...state, exit: 'quit'};
			// A post removed while it was open leaves the list with the reader.
			if (state.gone !== undefined) return refilter({...state, gone: undefined, view: {kind: 'list'}}, env);
			return {...state, view: {kind: 'list'}, list: fitList(state.list, state.visible.length, screenPosts(state, env))};
		default:
			return state;
	}
}

function linksKey(state: AppState, view: Extract<View, {kind: 'links'}>, action: Action, name: string, env: Environment, effects: Effect[]): AppState {
	const post = selectedPost(state);
	if (post === undefined) return {...state, view: {kind: 'list'}};
	const links = env.links?.(post, env.width) ?? [];
	const rows = pickerRows(env.height);
	const selected = () => links[fitList(view.selection, links.length, rows).selected];
	if (moves.has(action)) return {...state, view: {...view, selection: moveList(view.selection, action as ListMove, links.length, rows)}};
	switch (action) {
		case 'open':
			return requestUrl(state, selected(), effects);
		case 'linkDigit': {
			const number = Number(name);
			if (number > links.length) return {...state, status: `No link ${number}: this post has ${links.length}`};
			return requestUrl({...state, view: {...view, selection: selectIndex(view.selection, number - 1, links.length, rows)}}, links[number - 1], effects);
		}
		case 'copyLink':
			return requestCopy(state, selected(), effects);
		case 'back':
			return {...state, view: view.reader};
		default:
			return state;
	}
}

function startFind(state: AppState, query: string, env: Environment): AppState {
	const {view} = state;
	if (view.kind !== 'reader') return state;
	if (query.trim() === '') return {...state, lastFind: undefined, view: {...view, find: undefined}};
	const found: ReaderView = {...view, find: {query, index: -1}};
	return findStep({...state, lastFind: query, view: found}, found, 1, env);
}

/** Moves to the next (1) or previous (-1) match of the find query, scrolling it into view. */
function findStep(state: AppState, view: ReaderView, step: 1 | -1, env: Environment): AppState {
	const post = selectedPost(state);
	const {find} = view;
	if (post === undefined || find === undefined) return {...state, status: 'Nothing to find yet: press / first'};
	const rows = pageRows(env.height);
	const lines = env.lines(post, env.width);
	const matches = findInLines(lines, find.query);
	if (matches.length === 0) return {...state, view: {...view, find: {...find, index: -1}}, status: `Not found: ${find.query}`};
	const position = positionAt(view.position, env.width, rows, width => env.lines(post, width));
	const index = stepMatch(matches, find.index, position.top, rows, step);
	const wrapped = find.index >= 0 && (step === 1 ? index < find.index : index > find.index);
	const top = revealLine(matches[index]!.line, position.top, lines.length, rows);
	return {
		...state,
		view: {...view, find: {...find, index}, position: {top, width: env.width}},
		status: wrapped ? (step === 1 ? 'Search wrapped to the top' : 'Search wrapped to the end') : undefined,
	};
}

function helpKey(state: AppState, view: Extract<View, {kind: 'help'}>, action: Action | undefined, env: Environment): AppState {
	const rows = pageRows(env.height);
	const overflow = helpRows.length > rows;
	if (overflow && (action === 'down' || action === 'up')) {
		const max = helpRows.length - rows;
		const top = Math.min(max, Math.max(0, view.top + (action === 'down' ? rows - 1 : 1 - rows)));
		return {...state, view: {...view, top}};
	}
	return {...state, view: view.back};
}

/** Rows of the skipped-files screen: two per file (the path, then why). */
export function skippedRows(skipped: readonly Skipped[]): number {
	return skipped.length * 2;
}

function skippedKey(state: AppState, view: Extract<View, {kind: 'skipped'}>, action: Action, env: Environment): AppState {
	const rows = pageRows(env.height) - 1;
	const max = Math.max(0, skippedRows(state.data.skipped) - rows);
	if (moves.has(action)) {
		const step = action === 'down' ? 2 : action === 'up' ? -2 : action === 'pageDown' ? rows - 1 : action === 'pageUp' ? 1 - rows : action === 'top' ? -Infinity : action === 'bottom' ? Infinity : 0;
		return {...state, view: {...view, top: Math.min(max, Math.max(0, view.top + step))}};
	}
	if (action === 'back') return {...state, view: view.back};
	return state;
}

/** Asks the component to open a link (it checks the link before anything is started). */
function requestUrl(state: AppState, url: string | undefined, effects: Effect[]): AppState {
	if (url === undefined || url.trim() === '') return {...state, status: 'This post has no link'};
	effects.push({type: 'openLink', url});
	return {...state, status: `Opening ${url}…`};
}

/** Asks the component to copy a link to the clipboard. */
function requestCopy(state: AppState, url: string | undefined, effects: Effect[]): AppState {
	if (url === undefined || url.trim() === '') return {...state, status: 'This post has no link'};
	effects.push({type: 'copyLink', url});
	return state;
}

function cycleCategory(state: AppState, step: 1 | -1): string | undefined {
	const names: Array<string | undefined> = [undefined, ...state.data.categories.map(entry => entry.name)];
	const active = state.filters.category;
	const current = typeof active === 'string' ? Math.max(0, names.indexOf(active)) : 0;
	return names[(current + step + names.length) % names.length];
}

/** Whether some restriction is in force (the header names them). */
export function filtered(state: AppState): boolean {
	return anyFilter(state.filters) || state.fullText !== undefined;
}
