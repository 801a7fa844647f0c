import {Box, useApp, useInput, useStdout} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState, type JSX} from 'react';
import {formatCount} from '../core/count.js';
import {findInLines} from '../core/search.js';
import type {Article, Post, Skipped} from '../core/types.js';
import {createArticleCache} from './article-cache.js';
import {
	appReducer,
	filtered,
	defaultReadingWidth,
	initialEffects,
	initialState,
	listRows,
	pageRows,
	readerPlace,
	readingColumn,
	selectedPost,
	type AppAction,
	type AppState,
	type Effect,
	type Environment,
	type ExitReason,
	listCounts,
	type LiveChanges,
	type ReaderView,
	type Summary,
} from './app-state.js';
import {CategoryPicker} from './category-picker.js';
import {Empty} from './empty.js';
import {describeFilters, type Filters} from './filter-state.js';
import {Help} from './help.js';
import {keyNames, statusHints} from './keys.js';
import {LinkList} from './link-list.js';
import {promptLine} from './prompt-state.js';
import {countUnread} from './picker-entries.js';
import {PostList} from './post-list.js';
import {PreviewPane, PreviewRule, previewMinWidth, previewWidths, usePreview} from './preview-pane.js';
import {Reader} from './reader.js';
import {positionAt} from './reader-state.js';
import {SkippedList} from './skipped-list.js';

export type {ExitReason} from './app-state.js';

export type AppProps = {
	/** Already sorted newest first and sanitized. */
	readonly posts: readonly Post[];
	/** Shown in the header (already sanitized). */
	readonly folder: string;
	/** The folder the posts' paths start with: its top-level folders are the sources (f). Default: none. */
	readonly root?: string;
	/**
	 * Lays a post out at a width. Synchronous; may throw an Error with a one-line message. Returns
	 * undefined while it cannot yet (its code still loading): the reader shows "Loading…" until
	 * the props change, e.g. to a loadArticle that can.
	 */
	readonly loadArticle: (post: Post, width: number) => Article | undefined;
	/** Like loadArticle, for the preview beside the list (default: loadArticle); may return undefined until it is ready. */
	readonly loadPreview?: (post: Post, width: number) => Article | undefined;
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
	/** Files that could not be listed, with why (S shows them). */
	readonly skipped?: readonly Skipped[];
	/** How many files were skipped, when `skipped` is not given. */
	readonly skippedCount?: number;
	/** Restrictions given on the command line (--category, --since, --until): in force, and named in the header, until cleared. */
	readonly filters?: Partial<Filters>;
	/** One post opened by its path: its article opens at once, and leaving it quits. */
	readonly single?: boolean;
	/** Called once when the person quits: `quit` for q, `interrupt` for Ctrl+C. */
	readonly onExit?: (reason: ExitReason) => void;
	/** Posts read in earlier runs (by path) and the post read last, where the list opens. */
	readonly initialReadState?: {readonly read: Iterable<string>; readonly last: string | undefined; readonly starred?: Iterable<string>; readonly positions?: ReadonlyMap<string, number>};
	/** Shows an article's text in a pager; resolves with a status message, rejects with an Error whose message is shown. */
	readonly onPipe?: (text: string) => Promise<string>;
	/** Opens a post's file in an editor; resolves with a status message, rejects with an Error whose message is shown. */
	readonly onEdit?: (path: string) => Promise<string>;
	/** Called when reading a post stops partway (`top`: the reader's first line), or at its end (0). */
	readonly onPositionChange?: (path: string, top: number) => void;
	/** Called when a post is starred or its star taken away. */
	readonly onStar?: (path: string, starred: boolean) => void;
	/** Called when an article comes to fill the screen (true) and when the list is shown again (false). */
	readonly onReading?: (reading: boolean) => void;
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
	/** A note for the status line (shown when it changes), e.g. that live updates are off. */
	readonly notice?: string | undefined;
	/** What the last change of `posts` did, when it came from the archive changing while the reader was open. */
	readonly changes?: LiveChanges | undefined;
	/**
	 * Given when `posts` are only the archive's newest (the others listed later): how many posts it
	 * has, and its categories. The header counts the whole archive until the posts change.
	 */
	readonly summary?: Summary | undefined;
	/** While the archive is still being read: files read so far, of how many (shown in the list header). */
	readonly loading?: {readonly done: number; readonly total: number} | undefined;
	/** Widest the reader's text column starts out, in cells (0: the whole screen); 100 when not given. */
	readonly readingWidth?: number;
	/** While the index is built or checked in the background: files handled so far, of how many (shown in the status line). */
	readonly indexing?: {readonly done: number; readonly total: number; readonly text?: boolean} | undefined;
};

const listHints = statusHints('list');
const readerHints = statusHints('reader');
const pickerHints = statusHints('categories');
const tagHints = statusHints('tags');
const linkHints = statusHints('links');
const skippedHints = statusHints('skipped');
const emptyHints = statusHints('empty');

/**
 * The interactive reader: post list, pickers, reader and help, one screen at a time. Every key
 * goes through the key table and the reducer; the effects it returns are carried out here, in
 * one place. Ctrl+C and q end the app (ink's exit) after onExit.
 */
export function App(props: AppProps): JSX.Element {
	const {posts, folder, emptyReason} = props;
	const terminal = useTerminalSize();
	const width = Math.max(1, props.width ?? terminal.columns);
	// One row short of the terminal: ink repaints the whole screen on every frame that fills it.
	const height = Math.max(3, props.height ?? terminal.rows - 1);
	const {exit} = useApp();

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
	// The preview pane's own articles, so moving through the list does not push out the reader's.
	const previews = useMemo(
		() =>
			createArticleCache((post, at) => (props_.current.loadPreview ?? props_.current.loadArticle)(post, at), 16, {
				loadHead: (post, at) => props_.current.loadArticleHead?.(post, at),
				onComplete: () => setCompleted(count => count + 1),
			}),
		[],
	);

	/** The one runner of the reducer's effects. */
	const run = (effects: readonly Effect[]) => {
		for (const effect of effects) {
			switch (effect.type) {
				case 'openLink': {
					const {url} = effect;
					report(() => props_.current.onOpenLink(url));
					break;
				}
				case 'copyLink': {
					const copy = props_.current.onCopyLink;
					const {url} = effect;
					if (copy === undefined) dispatch({type: 'status', text: 'Copying links is not available here'});
					else report(() => copy(url));
					break;
				}
				case 'loadArticle':
					// Laid out now, before the frame that shows it (the cache keeps it); keys that
					// waited for it go on after that frame (see below).
					cache.get(effect.post, envRef.current.width);
					break;
				case 'saveReadState':
					props_.current.onReadStateChange?.({read: effect.read, last: effect.last});
					break;
				case 'pipe': {
					const pipe = props_.current.onPipe;
					const {text} = effect;
					if (pipe === undefined) dispatch({type: 'status', text: 'A pager is not available here'});
					else report(() => pipe(text));
					break;
				}
				case 'edit': {
					const edit = props_.current.onEdit;
					const file = effect.path;
					if (edit === undefined) dispatch({type: 'status', text: 'An editor is not available here'});
					else report(() => edit(file));
					break;
				}
				case 'savePosition':
					props_.current.onPositionChange?.(effect.path, effect.top);
					break;
				case 'star':
					props_.current.onStar?.(effect.path, effect.starred);
					break;
				case 'exit':
					props_.current.onExit?.(effect.reason);
					exit();
					break;
			}
		}
	};

	const [state, dispatch] = useStepReducer(
		() => ({
			...initialState(posts, {
				saved: props.initialReadState,
				rows: listRows(height),
				filters: props.filters,
				root: props.root,
				skipped: props.skipped ?? [],
				single: props.single,
				summary: props.summary,
			}),
			readingWidth: props.readingWidth ?? defaultReadingWidth,
		}),
		run,
	);
	// The reader's text column, centred on a screen wider than the reading width.
	const column = readingColumn(width, state.readingWidth);
	const margin = Math.floor((width - column) / 2);
	const env: Environment = useMemo(
		() => ({
			width: column,
			screenWidth: width,
			height,
			// Only what is laid out already: the reducer never loads a file. An article not laid
			// out yet counts as loading, so keys for it wait until the runner has loaded it.
			lines: (post, at) => cache.peek(post, at)?.lines ?? [],
			links: (post, at) => cache.peek(post, at)?.links ?? [],
			loading: (post, at) => {
				const article = cache.peek(post, at);
				return article === undefined || article.loading === true;
			},
		}),
		[column, width, height, cache],
	);
	const envRef = useRef(env);
	envRef.current = env;

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

	// Keys typed while the article was still loading are handled once it is laid out (by the
	// runner, or by the frame that shows it); while it cannot be yet, this changes nothing.
	useEffect(() => {
		if (state.waiting.length > 0) dispatch({type: 'keys', keys: [], env: envRef.current});
	});

	// New posts (the archive still loading, or checked against its files) replace only the data.
	const shownPosts = useRef(posts);
	const shownSkipped = useRef(props.skipped);
	const shownChanges = useRef(props.changes);
	useEffect(() => {
		if (shownPosts.current === posts && shownSkipped.current === props.skipped) return;
		shownPosts.current = posts;
		shownSkipped.current = props.skipped;
		// The changes go with the posts they came with, once.
		const live = shownChanges.current === props.changes ? undefined : props.changes;
		shownChanges.current = props.changes;
		dispatch({type: 'posts', posts, skipped: props.skipped, env: envRef.current, live, summary: props.summary});
	}, [posts, props.skipped, props.changes, props.summary, dispatch]);

	useEffect(() => {
		if (props.notice !== undefined) dispatch({type: 'status', text: props.notice});
	}, [props.notice, dispatch]);

	const reading = state.view.kind === 'reader' || state.view.kind === 'links';
	useEffect(() => {
		props_.current.onReading?.(reading);
	}, [reading]);

	useInput((input, key) => {
		const keys = keyNames(input, key);
		if (keys.length > 0) dispatch({type: 'keys', keys, env});
	});

	useEffect(() => {
		if (props_.current.initialSearch) dispatch({type: 'fullText', query: props_.current.initialSearch, env: envRef.current});
	}, [dispatch]);

	useFullTextSearch(state, dispatch, env, props_);

	// The loading note goes with the posts it came with: it changes once the list shows them.
	const loading = useRef(props.loading);
	if (shownPosts.current === posts) loading.current = props.loading;
	const prompt = state.prompt === undefined ? undefined : promptLine(state.prompt);
	// O(n) only when the posts shown or the read state change, not per key.
	const unread = useMemo(() => countUnread(state.visible, state.read), [state.visible, state.read]);
	const {view} = state;
	const withPreview = view.kind === 'list' && (state.preview ?? width >= previewMinWidth) && width >= 60;
	// The article beside the list follows once the next one is ready: a key never waits for it.
	const preview = usePreview(withPreview ? selectedPost(state) : undefined, withPreview, previews, previewWidths(width).article);
	// Its place in the list, found again only when the post shown or the list changes.
	const previewIndex = useMemo(() => (preview === undefined ? -1 : state.visible.indexOf(preview.post)), [preview, state.visible]);
	switch (view.kind) {
		case 'empty':
			return <Empty folder={folder} reason={emptyReason} hints={emptyHints} width={width} height={height} />;
		case 'help':
			return <Help top={view.top} width={width} height={height} />;
		case 'skipped':
			return <SkippedList skipped={state.data.skipped} top={view.top} hints={skippedHints} width={width} height={height} />;
		case 'picker':
			return (
				<CategoryPicker
					title={view.picker === 'category' ? 'Categories' : view.picker === 'tag' ? 'Tags' : 'Sources'}
					entries={view.entries}
					active={view.picker === 'category' ? state.filters.category : view.picker === 'tag' ? state.filters.tag : state.filters.source}
					picker={view.selection}
					hints={view.picker === 'tag' ? tagHints : pickerHints}
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
						picker={view.selection}
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
				const {top} = positionAt(view.position, column, pageRows(height), at => env.lines(post, at));
				const place = readerPlace(state);
				return (
					<Reader
						lines={lines}
						top={top}
						index={place.index}
						count={place.count}
						status={state.status ?? (state.gone === post.path ? 'This post was deleted from the archive: shown as it was loaded' : undefined)}
						hints={readerHints}
						width={width}
						margin={margin}
						height={height}
						find={findView(view, lines)}
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
	const skippedCount = props.skipped?.length ?? props.skippedCount ?? 0;
	const split = withPreview ? previewWidths(width) : undefined;
	const list = (
		<PostList
			folder={folder}
			all={state.data.posts}
			visible={state.visible}
			categories={state.data.categories}
			list={state.list}
			status={state.status ?? (state.visible.length === 0 && state.data.posts.length > 0 && filtered(state) && state.fullText === undefined ? 'No post passes these filters: Esc clears them' : undefined)}
			hints={listHints}
			width={split?.list ?? width}
			height={height}
			read={state.read}
			starred={state.starred}
			halfRead={post => state.positions.has(post.path)}
			contexts={state.fullText?.contexts}
			searched={state.fullText?.query}
			header={headerParts(state, unread, props.indexing ?? loading.current, skippedCount, props.indexing !== undefined)}
			prompt={prompt === undefined ? undefined : state.prompt?.kind === 'filter' ? `${prompt}  ${formatCount(state.visible.length)} matches` : prompt}
		/>
	);
	if (split === undefined) return list;
	return (
		<Box flexDirection="row" width={width} height={height}>
			{list}
			<PreviewRule height={height} />
			<PreviewPane preview={previewIndex < 0 ? undefined : preview} index={previewIndex + 1} count={state.visible.length} width={split.article} height={height} />
		</Box>
	);
}

/**
 * A reducer that returns effects: the state is kept in a ref (so several dispatches before a
 * frame each see the one before), the component redraws when it changes, and the effects of
 * each step go to `run`.
 */
function useStepReducer(init: () => AppState, run: (effects: readonly Effect[]) => void): [AppState, (action: AppAction) => void] {
	const current = useRef<AppState | undefined>(undefined);
	if (current.current === undefined) current.current = init();
	const [state, setState] = useState(current.current);
	const runRef = useRef(run);
	runRef.current = run;
	const dispatch = useCallback((action: AppAction) => {
		const step = appReducer(current.current!, action);
		if (step.state !== current.current) {
			current.current = step.state;
			setState(step.state);
		}
		if (step.effects.length > 0) runRef.current(step.effects);
	}, []);
	// The effects of the starting state (the article of a post opened at once).
	useEffect(() => {
		const effects = initialEffects(current.current!);
		if (effects.length > 0) runRef.current(effects);
	}, []);
	return [state, dispatch];
}

/** What the header says: the counts, every restriction in force, then notes (unread, loading, skipped). */
function headerParts(state: AppState, unreadShown: number, loading: {readonly done: number; readonly total: number; readonly text?: boolean} | undefined, skipped: number, indexing: boolean): string[] {
	const {shown, total, unread} = listCounts(state, unreadShown);
	const parts = [`${formatCount(shown)}/${formatCount(total)} posts`];
	const restrictions = describeFilters(state.prompt?.kind === 'filter' ? {...state.filters, query: ''} : state.filters);
	if (state.filters.category === undefined) parts.push('All');
	parts.push(...restrictions);
	const job = state.fullText;
	if (job !== undefined) {
		const progress = job.done < job.base.length ? ` ${formatCount(job.done)}/${formatCount(job.base.length)}…` : '';
		parts.push(`text "${job.query}"${progress}`);
	}
	parts.push(`${formatCount(unread)} unread`);
	if (state.arrived.length > 0) parts.push(`+${formatCount(state.arrived.length)} new`);
	const doing = !indexing ? 'loading' : loading?.text === true ? 'indexing text' : 'indexing';
	if (loading !== undefined) parts.push(indexing && loading.total === 0 ? `${doing}…` : `${doing} ${formatCount(loading.done)} of ${formatCount(loading.total)}…`);
	if (skipped > 0) parts.push(`${formatCount(skipped)} skipped (S)`);
	return parts;
}

/** What the reader needs to show the find: the query, the current match and its place among all. */
function findView(view: ReaderView, lines: readonly {readonly text: string}[]) {
	const {find} = view;
	if (find === undefined) return undefined;
	const matches = findInLines(lines, find.query);
	const current = find.index >= 0 ? matches[find.index] : undefined;
	return {query: find.query, current, ordinal: current === undefined ? 0 : find.index + 1, count: current === undefined ? 0 : matches.length};
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
	dispatch: (action: AppAction) => void,
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
