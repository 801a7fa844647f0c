/**
 * The whole interactive state as one pure reducer: which screen is shown, the category filter,
 * the list selection, the reading position, the status message, and requests for side effects
 * (open a link, exit) that the component carries out. Keys are resolved against the key table
 * here, one at a time, so a burst of keys that changes screens midway is still handled right.
 */
import {indexOfDay, parseDay} from '../core/days.js';
import {countCategories, countTags, type CategoryCount} from '../core/library.js';
import {findInLines} from '../core/search.js';
import type {LaidOutLine, Post} from '../core/types.js';
import {applyFilters, passesFilters, type Filters} from './filter-state.js';
import {revealLine, stepMatch, type Find} from './find-state.js';
import {helpRows} from './help-text.js';
import {actionFor, type Action} from './keys.js';
import {fitList, initialList, moveList, selectCentered, selectIndex, type ListMove, type ListState} from './list-state.js';
import {promptKey, type Prompt} from './prompt-state.js';
import {positionAt, scrollReader, type ReaderMove, type ReaderPosition} from './reader-state.js';

export type Screen = 'list' | 'categories' | 'tags' | 'reader' | 'links' | 'help' | 'empty';

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

export type AppState = {
	readonly screen: Screen;
	/** The screen the help screen returns to. */
	readonly returnTo: Screen;
	readonly all: readonly Post[];
	readonly categories: readonly CategoryCount[];
	/** The active category, or undefined for all posts. */
	readonly category: string | undefined;
	/** `all` filtered by `category` (the same array when no category is active). */
	readonly visible: readonly Post[];
	readonly tags: readonly CategoryCount[];
	/** The active tag, or undefined for all posts. */
	readonly tag: string | undefined;
	/** Text typed after `/` in the list. */
	readonly query: string;
	readonly unreadOnly: boolean;
	/** The running or finished full-text search whose results the list shows. */
	readonly fullText: FullText | undefined;
	/** Paths of posts read, and of the post opened last. */
	readonly read: ReadonlySet<string>;
	readonly lastRead: string | undefined;
	/** The text prompt at the bottom of the screen, while one is open. */
	readonly prompt: Prompt | undefined;
	/** Find in the article. */
	readonly find: Find | undefined;
	/** Selection in the tag picker; index 0 is "All". */
	readonly tagPicker: ListState;
	/** Selection in the link list of the reader. */
	readonly linkPicker: ListState;
	/** Digits of a link number typed in the reader. */
	readonly linkNumber: string;
	/** A link the component should copy (OSC 52); `id` changes with every request. */
	readonly copyRequest: {readonly url: string; readonly id: number} | undefined;
	readonly list: ListState;
	/** Selection in the category picker; index 0 is "All". */
	readonly picker: ListState;
	readonly reader: ReaderPosition;
	readonly helpTop: number;
	readonly status: string | undefined;
	/** A link the component should open; `id` changes with every request. */
	readonly linkRequest: {readonly url: string; readonly id: number} | undefined;
	readonly exit: ExitReason | undefined;
	/** Keys typed while the article they act on was still loading: handled, in order, once it is there. */
	readonly waiting: readonly string[];
	/** Widest the reader's text column is made, in cells; 0 for the whole screen (see readingColumn). */
	readonly readingWidth: number;
};

/** What the reducer needs to know about the screen and the articles. */
export type Environment = {
	readonly width: number;
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
	| {readonly type: 'reset'; readonly posts: readonly Post[]}
	| {readonly type: 'fullText'; readonly query: string; readonly env: Environment}
	| {readonly type: 'fullTextProgress'; readonly id: number; readonly done: number; readonly hits: ReadonlyArray<readonly [Post, string]>; readonly env: Environment};

/** Read state restored from an earlier run. */
export type SavedReadState = {readonly read?: Iterable<string>; readonly last?: string | undefined};

/** Rows of posts in the list: the header and the status line take one row each. */
export function listRows(height: number): number {
	return Math.max(1, height - 2);
}

/** Rows of entries in the category picker (title and status line). */
export function pickerRows(height: number): number {
	return Math.max(1, height - 2);
}

/** Rows of text in the reader and the help screen (the status line takes one). */
export function pageRows(height: number): number {
	return Math.max(1, height - 1);
}

/**
 * The starting state for posts (sorted, newest first). O(n) once: counts categories and tags.
 * With a saved read state, the list opens on the post read last (when it is still listed).
 */
export function initialState(posts: readonly Post[], saved: SavedReadState = {}, rows = 20): AppState {
	const lastIndex = saved.last === undefined ? -1 : posts.findIndex(post => post.path === saved.last);
	return {
		screen: posts.length === 0 ? 'empty' : 'list',
		returnTo: 'list',
		all: posts,
		categories: countCategories(posts),
		category: undefined,
		visible: posts,
		list: lastIndex < 0 ? initialList : selectCentered(lastIndex, posts.length, rows),
		picker: initialList,
		tags: countTags(posts),
		tag: undefined,
		query: '',
		unreadOnly: false,
		fullText: undefined,
		read: new Set(saved.read ?? []),
		lastRead: saved.last,
		prompt: undefined,
		find: undefined,
		tagPicker: initialList,
		linkPicker: initialList,
		linkNumber: '',
		copyRequest: undefined,
		reader: {top: 0, width: 0},
		helpTop: 0,
		status: undefined,
		linkRequest: undefined,
		exit: undefined,
		waiting: [],
		readingWidth: defaultReadingWidth,
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

/** The post under the list selection (also the one the reader shows), if any. */
export function selectedPost(state: AppState): Post | undefined {
	return state.visible[state.list.selected];
}

/** The reducer: pure, and O(1) in the number of posts except when the category changes. */
export function appReducer(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'status':
			return {...state, status: action.text};
		case 'reset': {
			// The selected post stays selected; it does not become the post read last.
			const next = {...initialState(action.posts, {read: state.read, last: selectedPost(state)?.path ?? state.lastRead}), lastRead: state.lastRead};
			// New posts (e.g. after the files behind a cached list were checked): keep reading the same post.
			const reading = state.screen === 'reader' ? selectedPost(state)?.path : undefined;
			const kept = reading !== undefined && selectedPost(next)?.path === reading ? {...next, screen: 'reader' as const, reader: state.reader} : next;
			const widthKept = {...kept, readingWidth: state.readingWidth};
			return state.waiting.length === 0 ? widthKept : {...widthKept, waiting: state.waiting};
		}
		case 'fullTextProgress':
			return fullTextProgress(state, action);
		case 'fullText':
			return state.screen === 'empty' ? state : startFullText(state, action.query.trim(), action.env);
		case 'keys': {
			let next = state.status === undefined ? state : {...state, status: undefined};
			const keys = state.waiting.length === 0 ? action.keys : [...state.waiting, ...action.keys];
			for (const [index, name] of keys.entries()) {
				if (next.exit !== undefined) break;
				if (articleLoading(next, action.env) && !actsWhileLoading.has(actionFor(next.screen, name))) return {...next, waiting: keys.slice(index)};
				next = applyKey(next, name, action.env);
			}
			return next.waiting.length === 0 ? next : {...next, waiting: []};
		}
	}
}

/** What a key does at once while its article is still loading (going back, quitting); other keys wait for it. */
const actsWhileLoading = new Set<Action | undefined>(['interrupt', 'back']);

/** Whether the reader (or its link list) shows an article that is still loading. */
function articleLoading(state: AppState, env: Environment): boolean {
	if ((state.screen !== 'reader' && state.screen !== 'links') || env.loading === undefined) return false;
	const post = selectedPost(state);
	return post !== undefined && env.loading(post, env.width);
}

function applyKey(state: AppState, name: string, env: Environment): AppState {
	const action = actionFor(state.screen, name);
	if (action === 'interrupt' || (state.prompt && name === 'Ctrl+C')) return {...state, exit: 'interrupt'};
	if (state.prompt) return promptInput(state, name, env);
	switch (state.screen) {
		case 'list':
			return action ? listKey(state, action, env) : state;
		case 'categories':
			return action ? pickerKey(state, action, env, 'category') : state;
		case 'tags':
			return action ? pickerKey(state, action, env, 'tag') : state;
		case 'reader':
			return action ? readerKey(state, action, env, name) : state;
		case 'links':
			return action ? linksKey(state, action, name, env) : state;
		case 'help':
			return helpKey(state, action, env);
		case 'empty':
			return action === 'quit' ? {...state, exit: 'quit'} : state;
	}
}

const moves = new Set<Action>(['down', 'up', 'pageDown', 'pageUp', 'halfDown', 'halfUp', 'top', 'bottom']);

function listKey(state: AppState, action: Action, env: Environment): AppState {
	const rows = listRows(env.height);
	if (moves.has(action)) return {...state, list: moveList(state.list, action as ListMove, state.visible.length, rows)};
	switch (action) {
		case 'open': {
			const post = selectedPost(state);
			if (post === undefined) return state;
			// A post found by full-text search opens with its matches highlighted, ready for n.
			const query = state.fullText?.query ?? state.find?.query;
			const find = query === undefined ? undefined : {query, index: -1};
			return {...markRead(state, post), screen: 'reader', reader: {top: 0, width: env.width}, linkNumber: '', find};
		}
		case 'nextCategory':
		case 'previousCategory':
			return withCategory(state, cycleCategory(state, action === 'nextCategory' ? 1 : -1), env);
		case 'categories': {
			const index = state.category === undefined ? 0 : 1 + state.categories.findIndex(entry => entry.name === state.category);
			return {...state, screen: 'categories', picker: selectCentered(index, state.categories.length + 1, pickerRows(env.height))};
		}
		case 'openLink':
			return requestLink(state);
		case 'help':
			return {...state, screen: 'help', returnTo: 'list', helpTop: 0};
		case 'quit':
			return {...state, exit: 'quit'};
		case 'search':
			return {...state, prompt: {kind: 'filter', text: state.query}};
		case 'fullText':
			return {...state, prompt: {kind: 'fullText', text: state.fullText?.query ?? ''}};
		case 'jumpToDate':
			return {...state, prompt: {kind: 'date', text: ''}};
		case 'clearSearch':
			if (state.fullText === undefined && state.query === '') return state;
			return refilter({...state, fullText: undefined, query: ''}, env);
		case 'tags': {
			if (state.tags.length === 0) return {...state, status: 'No post has tags'};
			const index = state.tag === undefined ? 0 : 1 + state.tags.findIndex(entry => entry.name === state.tag);
			return {...state, screen: 'tags', tagPicker: selectCentered(index, state.tags.length + 1, pickerRows(env.height))};
		}
		case 'unreadOnly': {
			const next = refilter({...state, unreadOnly: !state.unreadOnly}, env);
			return {...next, status: next.unreadOnly ? `Showing ${next.visible.length} unread posts (u: all)` : 'Showing read and unread posts'};
		}
		case 'toggleRead': {
			const post = selectedPost(state);
			if (post === undefined) return state;
			const read = new Set(state.read);
			if (read.has(post.path)) read.delete(post.path);
			else read.add(post.path);
			return {...state, read, status: read.has(post.path) ? 'Marked read' : 'Marked unread'};
		}
		case 'markAllRead': {
			const read = new Set(state.read);
			for (const post of state.visible) read.add(post.path);
			return {...state, read, status: `Marked ${state.visible.length} posts read`};
		}
		case 'copyLink':
			return requestCopy(state, selectedPost(state)?.link);
		default:
			return state;
	}
}

/** Keys typed into the open prompt: the list filter follows every key; the others act on Enter. */
function promptInput(state: AppState, name: string, env: Environment): AppState {
	const prompt = state.prompt!;
	const result = promptKey(prompt, name);
	if (prompt.kind === 'filter') {
		if (result.type === 'cancel') return refilter({...state, prompt: undefined, query: ''}, env);
		const {text} = result;
		const next = text === state.query ? state : refilter({...state, query: text}, env, state.query !== '' && text.startsWith(state.query));
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
	const base = state.fullText === undefined ? state.visible : applyFilters(state.all, filtersOf(state), state.read);
	if (base.length === 0) return {...state, status: 'No posts to search: clear the filters first (Esc)'};
	const fullText: FullText = {id: (state.fullText?.id ?? 0) + 1, query, base, done: 0, posts: [], contexts: new Map()};
	return {...state, fullText, visible: [], list: initialList, status: `Searching ${base.length} posts for "${query}"…`};
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
	const filters = filtersOf(state);
	const added = found.filter(post => passesFilters(post, filters, state.read));
	const visible = added.length > 0 ? [...state.visible, ...added] : state.visible;
	const finished = action.done >= job.base.length;
	const status = finished
		? `${fullText.posts.length} of ${job.base.length} posts contain "${job.query}"${fullText.posts.length > 0 ? '' : ' (Esc: back to all)'}`
		: state.status;
	return {...state, fullText, visible, list: fitList(state.list, visible.length, listRows(action.env.height)), status};
}

/** Selects the newest post of the day typed, or of the nearest older day. */
function jumpToDay(state: AppState, text: string, env: Environment): AppState {
	const day = parseDay(text);
	if (day === undefined) return {...state, status: `Not a day: "${text.slice(0, 40)}" (type YYYY-MM-DD)`};
	const index = indexOfDay(state.visible, day);
	if (index < 0) return {...state, status: `No post on or before ${day.text}`};
	const post = state.visible[index]!;
	const rows = listRows(env.height);
	const list = fitList({selected: index, top: index}, state.visible.length, rows);
	const exact = post.date! >= day.start;
	return {...state, list, status: exact ? undefined : `No post on ${day.text}; showing the nearest older day`};
}

function filtersOf(state: AppState): Filters {
	return {category: state.category, tag: state.tag, query: state.query, unreadOnly: state.unreadOnly};
}

/**
 * The list recomputed for the state's filters, keeping the selected post selected when it is
 * still shown. `narrowing`: the new filters can only remove posts, so the shown ones are filtered.
 */
function refilter(state: AppState, env: Environment, narrowing = false): AppState {
	const source = narrowing ? state.visible : (state.fullText?.posts ?? state.all);
	const visible = applyFilters(source, filtersOf(state), state.read);
	const current = selectedPost(state);
	const index = current === undefined ? -1 : visible.indexOf(current);
	return {...state, visible, list: index < 0 ? initialList : selectCentered(index, visible.length, listRows(env.height))};
}

function markRead(state: AppState, post: Post): AppState {
	if (state.read.has(post.path)) return state.lastRead === post.path ? state : {...state, lastRead: post.path};
	const read = new Set(state.read);
	read.add(post.path);
	return {...state, read, lastRead: post.path};
}

function linksKey(state: AppState, action: Action, name: string, env: Environment): AppState {
	const post = selectedPost(state);
	if (post === undefined) return {...state, screen: 'list'};
	const links = env.links?.(post, env.width) ?? [];
	const rows = pickerRows(env.height);
	if (moves.has(action)) return {...state, linkPicker: moveList(state.linkPicker, action as ListMove, links.length, rows)};
	switch (action) {
		case 'open':
			return requestUrl(state, links[fitList(state.linkPicker, links.length, rows).selected]);
		case 'linkDigit': {
			const number = Number(name);
			if (number > links.length) return {...state, status: `No link ${number}: this post has ${links.length}`};
			return requestUrl({...state, linkPicker: selectIndex(state.linkPicker, number - 1, links.length, rows)}, links[number - 1]);
		}
		case 'copyLink':
			return requestCopy(state, links[fitList(state.linkPicker, links.length, rows).selected]);
		case 'back':
			return {...state, screen: 'reader'};
		default:
			return state;
	}
}

function startFind(state: AppState, query: string, env: Environment): AppState {
	if (query.trim() === '') return {...state, find: undefined};
	return findStep({...state, find: {query, index: -1}}, 1, env);
}

/** Moves to the next (1) or previous (-1) match of the find query, scrolling it into view. */
function findStep(state: AppState, step: 1 | -1, env: Environment): AppState {
	const post = selectedPost(state);
	if (post === undefined || state.find === undefined) return {...state, status: 'Nothing to find yet: press / first'};
	const rows = pageRows(env.height);
	const lines = env.lines(post, env.width);
	const matches = findInLines(lines, state.find.query);
	if (matches.length === 0) return {...state, find: {...state.find, index: -1}, status: `Not found: ${state.find.query}`};
	const position = positionAt(state.reader, env.width, rows, width => env.lines(post, width));
	const index = stepMatch(matches, state.find.index, position.top, rows, step);
	const wrapped = state.find.index >= 0 && (step === 1 ? index < state.find.index : index > state.find.index);
	const top = revealLine(matches[index]!.line, position.top, lines.length, rows);
	return {
		...state,
		find: {...state.find, index},
		reader: {top, width: env.width},
		status: wrapped ? (step === 1 ? 'Search wrapped to the top' : 'Search wrapped to the end') : undefined,
	};
}

/** Keys in the category or tag picker: move, choose an entry (the first is "All"), or go back to the list. */
function pickerKey(state: AppState, action: Action, env: Environment, kind: 'category' | 'tag'): AppState {
	const entries = kind === 'category' ? state.categories : state.tags;
	const picker = kind === 'category' ? state.picker : state.tagPicker;
	const count = entries.length + 1;
	const rows = pickerRows(env.height);
	if (moves.has(action)) {
		const moved = moveList(picker, action as ListMove, count, rows);
		return kind === 'category' ? {...state, picker: moved} : {...state, tagPicker: moved};
	}
	if (action === 'open') {
		const index = fitList(picker, count, rows).selected;
		const name = index === 0 ? undefined : entries[index - 1]?.name;
		const chosen = kind === 'category' ? withCategory(state, name, env) : refilter({...state, tag: name}, env);
		return {...chosen, screen: 'list'};
	}
	if (action === 'back') return {...state, screen: 'list'};
	return state;
}

function readerKey(state: AppState, action: Action, env: Environment, name = ''): AppState {
	const post = selectedPost(state);
	if (post === undefined) return {...state, screen: 'list'};
	const rows = pageRows(env.height);
	if (state.linkNumber !== '' && action !== 'linkDigit' && action !== 'openNumberedLink') {
		const cleared = {...state, linkNumber: ''};
		return action === 'back' ? cleared : readerKey(cleared, action, env, name);
	}
	if (moves.has(action)) {
		const position = positionAt(state.reader, env.width, rows, width => env.lines(post, width));
		const lineCount = env.lines(post, env.width).length;
		return {...state, reader: {top: scrollReader(position.top, action as ReaderMove, lineCount, rows), width: env.width}};
	}
	switch (action) {
		case 'nextPost':
		case 'previousPost': {
			const step = action === 'nextPost' ? 1 : -1;
			const index = state.list.selected + step;
			if (index < 0) return {...state, status: 'This is the first post'};
			if (index >= state.visible.length) return {...state, status: 'This is the last post'};
			return {
				...markRead(state, state.visible[index]!),
				list: selectIndex(state.list, index, state.visible.length, listRows(env.height)),
				reader: {top: 0, width: env.width},
				find: state.find === undefined ? undefined : {...state.find, index: -1},
			};
		}
		case 'openLink':
			return requestLink(state);
		case 'readingWidth': {
			const next = readingWidths.find(value => value > state.readingWidth) ?? 0;
			const readingWidth = state.readingWidth === 0 ? readingWidths[0]! : next;
			return {...state, readingWidth, status: readingWidth === 0 ? 'Reading width: the whole screen' : `Reading width: ${readingWidth} columns`};
		}
		case 'find':
			return {...state, prompt: {kind: 'find', text: ''}};
		case 'nextMatch':
		case 'previousMatch':
			return findStep(state, action === 'nextMatch' ? 1 : -1, env);
		case 'links': {
			const links = env.links?.(post, env.width) ?? [];
			if (links.length === 0) return {...state, status: 'This post has no links'};
			return {...state, screen: 'links', linkPicker: initialList};
		}
		case 'linkDigit': {
			const digits = (state.linkNumber + name).replace(/^0+/, '').slice(0, 5);
			return {...state, linkNumber: digits, status: digits === '' ? undefined : `Link ${digits}: Enter opens it, Esc cancels`};
		}
		case 'openNumberedLink': {
			if (state.linkNumber === '') return state;
			const number = Number(state.linkNumber);
			const links = env.links?.(post, env.width) ?? [];
			const cleared = {...state, linkNumber: ''};
			if (number < 1 || number > links.length) return {...cleared, status: `No link ${number}: this post has ${links.length}`};
			return requestUrl(cleared, links[number - 1]);
		}
		case 'copyLink':
			return requestCopy(state, post.link);
		case 'help':
			return {...state, screen: 'help', returnTo: 'reader', helpTop: 0};
		case 'back':
			return {...state, screen: 'list', list: fitList(state.list, state.visible.length, listRows(env.height))};
		default:
			return state;
	}
}

function helpKey(state: AppState, action: Action | undefined, env: Environment): AppState {
	const rows = pageRows(env.height);
	const overflow = helpRows.length > rows;
	if (overflow && (action === 'down' || action === 'up')) {
		const max = helpRows.length - rows;
		const helpTop = Math.min(max, Math.max(0, state.helpTop + (action === 'down' ? rows - 1 : 1 - rows)));
		return {...state, helpTop};
	}
	return {...state, screen: state.returnTo};
}

function requestLink(state: AppState): AppState {
	const post = selectedPost(state);
	if (post === undefined) return state;
	return requestUrl(state, post.link);
}

/** Asks the component to open a link (it checks the link before anything is started). */
function requestUrl(state: AppState, url: string | undefined): AppState {
	if (url === undefined || url.trim() === '') return {...state, status: 'This post has no link'};
	return {...state, status: `Opening ${url}…`, linkRequest: {url, id: (state.linkRequest?.id ?? 0) + 1}};
}

/** Asks the component to copy a link to the clipboard. */
function requestCopy(state: AppState, url: string | undefined): AppState {
	if (url === undefined || url.trim() === '') return {...state, status: 'This post has no link'};
	return {...state, copyRequest: {url, id: (state.copyRequest?.id ?? 0) + 1}};
}

function cycleCategory(state: AppState, step: 1 | -1): string | undefined {
	const names: Array<string | undefined> = [undefined, ...state.categories.map(entry => entry.name)];
	const current = state.category === undefined ? 0 : Math.max(0, names.indexOf(state.category));
	return names[(current + step + names.length) % names.length];
}

/** Applies a category filter, keeping the selected post selected when it is still shown. */
function withCategory(state: AppState, category: string | undefined, env: Environment): AppState {
	if (category === state.category) return state;
	return refilter({...state, category}, env);
}
