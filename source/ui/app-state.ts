/**
 * The whole interactive state as one pure reducer: which screen is shown, the category filter,
 * the list selection, the reading position, the status message, and requests for side effects
 * (open a link, exit) that the component carries out. Keys are resolved against the key table
 * here, one at a time, so a burst of keys that changes screens midway is still handled right.
 */
import {countCategories, filterByCategory, type CategoryCount} from '../core/library.js';
import type {LaidOutLine, Post} from '../core/types.js';
import {helpRows} from './help-text.js';
import {actionFor, type Action} from './keys.js';
import {fitList, initialList, moveList, selectCentered, selectIndex, type ListMove, type ListState} from './list-state.js';
import {positionAt, scrollReader, type ReaderMove, type ReaderPosition} from './reader-state.js';

export type Screen = 'list' | 'categories' | 'reader' | 'help' | 'empty';

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
	readonly list: ListState;
	/** Selection in the category picker; index 0 is "All". */
	readonly picker: ListState;
	readonly reader: ReaderPosition;
	readonly helpTop: number;
	readonly status: string | undefined;
	/** A link the component should open; `id` changes with every request. */
	readonly linkRequest: {readonly url: string; readonly id: number} | undefined;
	readonly exit: ExitReason | undefined;
};

/** What the reducer needs to know about the screen and the articles. */
export type Environment = {
	readonly width: number;
	readonly height: number;
	/** The laid-out lines of a post at a width (memoized by the caller). */
	readonly lines: (post: Post, width: number) => readonly LaidOutLine[];
};

export type AppAction =
	| {readonly type: 'keys'; readonly keys: readonly string[]; readonly env: Environment}
	| {readonly type: 'status'; readonly text: string}
	| {readonly type: 'reset'; readonly posts: readonly Post[]};

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

/** The starting state for posts (sorted, newest first). O(n) once: counts categories. */
export function initialState(posts: readonly Post[]): AppState {
	return {
		screen: posts.length === 0 ? 'empty' : 'list',
		returnTo: 'list',
		all: posts,
		categories: countCategories(posts),
		category: undefined,
		visible: posts,
		list: initialList,
		picker: initialList,
		reader: {top: 0, width: 0},
		helpTop: 0,
		status: undefined,
		linkRequest: undefined,
		exit: undefined,
	};
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
		case 'reset':
			return initialState(action.posts);
		case 'keys': {
			let next = state.status === undefined ? state : {...state, status: undefined};
			for (const name of action.keys) {
				if (next.exit !== undefined) break;
				next = applyKey(next, name, action.env);
			}
			return next;
		}
	}
}

function applyKey(state: AppState, name: string, env: Environment): AppState {
	const action = actionFor(state.screen, name);
	if (action === 'interrupt') return {...state, exit: 'interrupt'};
	switch (state.screen) {
		case 'list':
			return action ? listKey(state, action, env) : state;
		case 'categories':
			return action ? pickerKey(state, action, env) : state;
		case 'reader':
			return action ? readerKey(state, action, env) : state;
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
		case 'open':
			if (selectedPost(state) === undefined) return state;
			return {...state, screen: 'reader', reader: {top: 0, width: env.width}};
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
		default:
			return state;
	}
}

function pickerKey(state: AppState, action: Action, env: Environment): AppState {
	const count = state.categories.length + 1;
	if (moves.has(action)) return {...state, picker: moveList(state.picker, action as ListMove, count, pickerRows(env.height))};
	if (action === 'open') {
		const index = fitList(state.picker, count, pickerRows(env.height)).selected;
		const category = index === 0 ? undefined : state.categories[index - 1]?.name;
		return {...withCategory(state, category, env), screen: 'list'};
	}
	if (action === 'back') return {...state, screen: 'list'};
	return state;
}

function readerKey(state: AppState, action: Action, env: Environment): AppState {
	const post = selectedPost(state);
	if (post === undefined) return {...state, screen: 'list'};
	const rows = pageRows(env.height);
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
				...state,
				list: selectIndex(state.list, index, state.visible.length, listRows(env.height)),
				reader: {top: 0, width: env.width},
			};
		}
		case 'openLink':
			return requestLink(state);
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
	if (post.link === undefined || post.link.trim() === '') return {...state, status: 'This post has no link'};
	return {...state, status: `Opening ${post.link}…`, linkRequest: {url: post.link, id: (state.linkRequest?.id ?? 0) + 1}};
}

function cycleCategory(state: AppState, step: 1 | -1): string | undefined {
	const names: Array<string | undefined> = [undefined, ...state.categories.map(entry => entry.name)];
	const current = state.category === undefined ? 0 : Math.max(0, names.indexOf(state.category));
	return names[(current + step + names.length) % names.length];
}

/** Applies a category filter, keeping the selected post selected when it is still shown. */
function withCategory(state: AppState, category: string | undefined, env: Environment): AppState {
	if (category === state.category) return state;
	const visible = category === undefined ? state.all : filterByCategory(state.all, category);
	const current = selectedPost(state);
	const index = current === undefined ? -1 : visible.indexOf(current);
	const rows = listRows(env.height);
	return {
		...state,
		category,
		visible,
		list: index < 0 ? initialList : selectCentered(index, visible.length, rows),
	};
}
