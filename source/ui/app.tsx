import {useApp, useInput, useStdout} from 'ink';
import {useEffect, useMemo, useReducer, useRef, useState, type JSX} from 'react';
import {formatCount} from '../core/count.js';
import {findInLines} from '../core/search.js';
import type {Article, Post} from '../core/types.js';
import {createArticleCache} from './article-cache.js';
import {appReducer, defaultReadingWidth, initialState, listRows, pageRows, readingColumn, selectedPost, type AppState, type Environment, type ExitReason} from './app-state.js';
import {CategoryPicker} from './category-picker.js';
import {Empty} from './empty.js';
import {Help} from './help.js';
import {keyNames, statusHints} from './keys.js';
import {LinkList} from './link-list.js';
import {promptLine} from './prompt-state.js';
import {PostList} from './post-list.js';
import {Reader} from './reader.js';
import {positionAt} from './reader-state.js';

export type {ExitReason} from './app-state.js';

export type AppProps = {
	/** Already sorted newest first and sanitized. */
	readonly posts: readonly Post[];
	/** Shown in the header (already sanitized). */
	readonly folder: string;
	/**
	 * Lays a post out at a width. Synchronous; may throw an Error with a one-line message. Returns
	 * undefined while it cannot yet (its code still loading): the reader shows "Loading…" until
	 * the props change, e.g. to a loadArticle that can.
	 */
	readonly loadArticle: (post: Post, width: number) => Article | undefined;
	/**
	 * Lays out the beginning of a long post (undefined for a short one), shown at once while
	 * loadArticle lays the whole post out just after the frame.
	 */
	readonly loadArticleHead?: (post: Post, width: number) => Article | undefined;
	/** Opens a link; resolves with a status message, rejects with an Error whose message is shown. */
	readonly onOpenLink: (url: string) => Promise<string>;
	/** Screen size; defaults to the terminal's, followed on resize (height: rows minus one, see below). */
	readonly width?: number;
	readonly height?: number;
	/** Shown when `posts` is empty. */
	readonly emptyReason?: string;
	readonly skippedCount?: number;
	/** Called once when the person quits: `quit` for q, `interrupt` for Ctrl+C. */
	readonly onExit?: (reason: ExitReason) => void;
	/** Posts read in earlier runs (by path) and the post read last, where the list opens. */
	readonly initialReadState?: {readonly read: Iterable<string>; readonly last: string | undefined};
	/** Called after the read posts or the post read last change. */
	readonly onReadStateChange?: (state: {readonly read: ReadonlySet<string>; readonly last: string | undefined}) => void;
	/** Searches one post's full text: the matching line, or undefined. May be slow (reads the file). */
	readonly searchPost?: (post: Post, query: string) => string | undefined;
	/** Copies a link to the clipboard; resolves with a status message, rejects with an Error whose message is shown. */
	readonly onCopyLink?: (url: string) => Promise<string>;
	/** Make checked links clickable (OSC 8). */
	readonly hyperlinks?: boolean;
	/** A full-text search to start with (as if typed after F). */
	readonly initialSearch?: string | undefined;
	/** While the archive is still being read: files read so far, of how many (shown in the list header). */
	readonly loading?: {readonly done: number; readonly total: number} | undefined;
	/** Widest the reader's text column starts out, in cells (0: the whole screen); 100 when not given. */
	readonly readingWidth?: number;
	/** While the index is built or checked in the background: files handled so far, of how many (shown in the status line). */
	readonly indexing?: {readonly done: number; readonly total: number} | undefined;
};

const listHints = statusHints('list');
const readerHints = statusHints('reader');
const pickerHints = statusHints('categories');
const tagHints = statusHints('tags');
const linkHints = statusHints('links');
const emptyHints = statusHints('empty');

/**
 * The interactive reader: post list, category picker, reader and help, one screen at a time.
 * Every key goes through the key table; Ctrl+C and q end the app (ink's exit) after onExit.
 */
export function App(props: AppProps): JSX.Element {
	const {posts, folder, emptyReason, skippedCount = 0} = props;
	const terminal = useTerminalSize();
	const width = Math.max(1, props.width ?? terminal.columns);
	// One row short of the terminal: ink repaints the whole screen on every frame that fills it.
	const height = Math.max(3, props.height ?? terminal.rows - 1);
	const {exit} = useApp();
	const [state, dispatch] = useReducer(appReducer, posts, all => ({
		...initialState(all, props.initialReadState, listRows(height)),
		readingWidth: props.readingWidth ?? defaultReadingWidth,
	}));
	// The reader's text column, centred on a screen wider than the reading width.
	const column = readingColumn(width, state.readingWidth);
	const margin = Math.floor((width - column) / 2);

	// Side-effect props are read through refs so a new function identity never re-runs effects.
	const props_ = useRef(props);
	props_.current = props;
	// Bumped when a long article's whole layout replaces its beginning, to redraw with it.
	const [, setCompleted] = useState(0);
	const cache = useMemo(
		() =>
			createArticleCache((post, at) => props_.current.loadArticle(post, at), 8, {
				loadHead: (post, at) => props_.current.loadArticleHead?.(post, at),
				onComplete: () => setCompleted(count => count + 1),
			}),
		[],
	);
	const env: Environment = useMemo(
		() => ({
			width: column,
			height,
			lines: (post, at) => cache.get(post, at).lines,
			links: (post, at) => cache.get(post, at).links,
			loading: (post, at) => cache.get(post, at).loading === true,
		}),
		[column, height, cache],
	);

	// Keys typed while the article was still loading are handled once it can be laid out.
	useEffect(() => {
		if (state.waiting.length > 0) dispatch({type: 'keys', keys: [], env});
		// Only a new loadArticle can end the wait.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [props.loadArticle]);

	useEffect(() => {
		if (posts !== state.all) dispatch({type: 'reset', posts});
	}, [posts, state.all]);

	useInput((input, key) => {
		const keys = keyNames(input, key);
		if (keys.length > 0) dispatch({type: 'keys', keys, env});
	});

	/** Runs a side effect that reports back with a message, and shows its message (or its error's) in the status line. */
	const report = (action: () => Promise<string>) => {
		let result: Promise<string>;
		try {
			result = Promise.resolve(action());
		} catch (error) {
			result = Promise.reject(error);
		}
		result.then(
			text => dispatch({type: 'status', text: String(text)}),
			(error: unknown) => dispatch({type: 'status', text: error instanceof Error ? error.message : String(error)}),
		);
	};

	const {linkRequest} = state;
	useEffect(() => {
		if (linkRequest !== undefined) report(() => props_.current.onOpenLink(linkRequest.url));
	}, [linkRequest]);

	const {copyRequest} = state;
	useEffect(() => {
		if (copyRequest === undefined) return;
		const copy = props_.current.onCopyLink;
		if (copy === undefined) dispatch({type: 'status', text: 'Copying links is not available here'});
		else report(() => copy(copyRequest.url));
	}, [copyRequest]);

	useEffect(() => {
		if (props_.current.initialSearch) dispatch({type: 'fullText', query: props_.current.initialSearch, env});
		// Once, at start.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);

	useFullTextSearch(state, dispatch, env, props_);

	const {read, lastRead} = state;
	const savedRead = useRef({read, lastRead});
	useEffect(() => {
		if (savedRead.current.read === read && savedRead.current.lastRead === lastRead) return;
		savedRead.current = {read, lastRead};
		props_.current.onReadStateChange?.({read, last: lastRead});
	}, [read, lastRead]);

	useEffect(() => {
		if (state.exit === undefined) return;
		props_.current.onExit?.(state.exit);
		exit();
	}, [state.exit, exit]);

	// The loading note goes with the posts it came with: it changes once the list shows them.
	const loading = useRef(props.loading);
	if (state.all === posts) loading.current = props.loading;
	const prompt = state.prompt === undefined ? undefined : promptLine(state.prompt);
	// O(n) only when the posts or the read state change, not per key; none shown until something is read.
	const unread = useMemo(() => (state.read.size === 0 ? undefined : state.all.reduce((count, post) => count + (state.read.has(post.path) ? 0 : 1), 0)), [state.all, state.read]);
	switch (state.screen) {
		case 'empty':
			return <Empty folder={folder} reason={emptyReason} hints={emptyHints} width={width} height={height} />;
		case 'help':
			return <Help top={state.helpTop} width={width} height={height} />;
		case 'categories':
			return (
				<CategoryPicker
					categories={state.categories}
					total={state.all.length}
					active={state.category}
					picker={state.picker}
					hints={pickerHints}
					width={width}
					height={height}
				/>
			);
		case 'tags':
			return (
				<CategoryPicker
					title="Tags"
					categories={state.tags}
					total={state.all.length}
					active={state.tag}
					picker={state.tagPicker}
					hints={tagHints}
					width={width}
					height={height}
				/>
			);
		case 'links': {
			const post = selectedPost(state);
			if (post !== undefined) {
				return (
					<LinkList
						title={post.title}
						links={cache.get(post, column).links}
						picker={state.linkPicker}
						status={state.status}
						hints={linkHints}
						hyperlinks={props.hyperlinks ?? false}
						width={width}
						height={height}
					/>
				);
			}
			break;
		}
		case 'reader': {
			const post = selectedPost(state);
			if (post !== undefined) {
				const {lines, links, loading} = cache.get(post, column);
				const {top} = positionAt(state.reader, column, pageRows(height), at => env.lines(post, at));
				return (
					<Reader
						lines={lines}
						top={top}
						index={state.list.selected + 1}
						count={state.visible.length}
						status={state.status}
						hints={readerHints}
						width={width}
						margin={margin}
						height={height}
						find={findView(state, lines)}
						links={links}
						postLink={post.link}
						hyperlinks={props.hyperlinks ?? false}
						prompt={prompt}
						loading={loading ?? false}
					/>
				);
			}
			break;
		}
		case 'list':
			break;
	}
	return (
		<PostList
			folder={folder}
			all={state.all}
			visible={state.visible}
			categories={state.categories}
			category={state.category}
			list={state.list}
			skippedCount={skippedCount}
			status={state.status}
			hints={listHints}
			width={width}
			height={height}
			read={state.read}
			contexts={state.fullText?.contexts}
			searched={state.fullText?.query}
			filters={[...listFilters(state), ...(unread === undefined ? [] : [`${unread} unread`]), ...(props.indexing === undefined ? (loading.current === undefined ? [] : [loadingText(loading.current)]) : [indexingText(props.indexing)])]}
			prompt={prompt === undefined ? undefined : state.prompt?.kind === 'filter' ? `${prompt}  ${state.visible.length} matches` : prompt}
		/>
	);
}

/** The filters shown in the list header, besides the category. */
function listFilters(state: AppState): string[] {
	const filters: string[] = [];
	if (state.tag !== undefined) filters.push(`#${state.tag}`);
	if (state.unreadOnly) filters.push('unread');
	if (state.query !== '' && state.prompt?.kind !== 'filter') filters.push(`/${state.query}`);
	const job = state.fullText;
	if (job !== undefined) {
		const progress = job.done < job.base.length ? ` ${job.done}/${job.base.length}…` : '';
		filters.push(`text "${job.query}"${progress}`);
	}
	return filters;
}

/** The header's note while the archive is still being read. */
function indexingText({done, total}: {readonly done: number; readonly total: number}): string {
	return total === 0 ? 'indexing…' : `indexing ${formatCount(done)} of ${formatCount(total)}…`;
}

function loadingText({done, total}: {readonly done: number; readonly total: number}): string {
	return `loading ${formatCount(done)} of ${formatCount(total)}…`;
}

/** What the reader needs to show the find: the query, the current match and its place among all. */
function findView(state: AppState, lines: readonly {readonly text: string}[]) {
	if (state.find === undefined) return undefined;
	const matches = findInLines(lines, state.find.query);
	const current = state.find.index >= 0 ? matches[state.find.index] : undefined;
	return {query: state.find.query, current, ordinal: current === undefined ? 0 : state.find.index + 1, count: current === undefined ? 0 : matches.length};
}

/** Posts searched per slice are read until this many ms pass; then the UI gets its turn. */
const searchSliceMs = 12;
/** Progress (and the posts found) is shown at most this often, so frames do not eat the search's time. */
const searchReportMs = 150;

/**
 * Runs the state's full-text search in slices between renders (setImmediate), so keys and
 * frames keep flowing on a big archive; each slice reports its progress and the posts found.
 */
function useFullTextSearch(
	state: AppState,
	dispatch: (action: Parameters<typeof appReducer>[1]) => void,
	env: Environment,
	props: {readonly current: AppProps},
): void {
	const job = state.fullText;
	const envRef = useRef(env);
	envRef.current = env;
	// The search code may arrive just after the first frame: a search asked for before then starts when it does.
	const ready = props.current.searchPost !== undefined;
	useEffect(() => {
		if (job === undefined || job.done >= job.base.length) return;
		const search = props.current.searchPost;
		if (search === undefined) {
			dispatch({type: 'status', text: 'Full-text search is loading…'});
			return;
		}
		let cancelled = false;
		let next = job.done;
		let handle: NodeJS.Immediate | undefined;
		let hits: Array<readonly [Post, string]> = [];
		let reported = performance.now();
		const slice = () => {
			if (cancelled) return;
			const started = performance.now();
			while (next < job.base.length && performance.now() - started < searchSliceMs) {
				const post = job.base[next++]!;
				let context: string | undefined;
				try {
					context = search(post, job.query);
				} catch {
					context = undefined;
				}
				if (context !== undefined) hits.push([post, context]);
			}
			const finished = next >= job.base.length;
			if (finished || performance.now() - reported >= searchReportMs) {
				dispatch({type: 'fullTextProgress', id: job.id, done: next, hits, env: envRef.current});
				hits = [];
				reported = performance.now();
			}
			// Between slices, keys and resizes are handled (setImmediate runs after pending I/O).
			if (!finished) handle = setImmediate(slice);
		};
		handle = setImmediate(slice);
		return () => {
			cancelled = true;
			if (handle !== undefined) clearImmediate(handle);
		};
		// Only a new search (a new id), or the search code arriving, starts a run; progress updates must not restart it.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [job?.id, ready]);
}

/** The terminal's size, updated when it is resized. */
function useTerminalSize(): {columns: number; rows: number} {
	const {stdout} = useStdout();
	const read = () => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => {
			setSize(previous => {
				const next = read();
				return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
			});
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [stdout]);
	return size;
}
