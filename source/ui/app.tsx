import {useApp, useInput, useStdout} from 'ink';
import {useEffect, useMemo, useReducer, useRef, useState, type JSX} from 'react';
import type {Article, Post} from '../core/types.js';
import {createArticleCache} from './article-cache.js';
import {appReducer, initialState, pageRows, selectedPost, type Environment, type ExitReason} from './app-state.js';
import {CategoryPicker} from './category-picker.js';
import {Empty} from './empty.js';
import {Help} from './help.js';
import {keyNames, statusHints} from './keys.js';
import {PostList} from './post-list.js';
import {Reader} from './reader.js';
import {positionAt} from './reader-state.js';

export type {ExitReason} from './app-state.js';

export type AppProps = {
	/** Already sorted newest first and sanitized. */
	readonly posts: readonly Post[];
	/** Shown in the header (already sanitized). */
	readonly folder: string;
	/** Lays a post out at a width. Synchronous; may throw an Error with a one-line message. */
	readonly loadArticle: (post: Post, width: number) => Article;
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
};

const listHints = statusHints('list');
const readerHints = statusHints('reader');
const pickerHints = statusHints('categories');
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
	const [state, dispatch] = useReducer(appReducer, posts, initialState);

	// Side-effect props are read through refs so a new function identity never re-runs effects.
	const props_ = useRef(props);
	props_.current = props;
	const cache = useMemo(() => createArticleCache((post, at) => props_.current.loadArticle(post, at)), []);
	const env: Environment = useMemo(
		() => ({width, height, lines: (post, at) => cache.get(post, at).lines}),
		[width, height, cache],
	);

	useEffect(() => {
		if (posts !== state.all) dispatch({type: 'reset', posts});
	}, [posts, state.all]);

	useInput((input, key) => {
		const keys = keyNames(input, key);
		if (keys.length > 0) dispatch({type: 'keys', keys, env});
	});

	const {linkRequest} = state;
	useEffect(() => {
		if (linkRequest === undefined) return;
		let result: Promise<string>;
		try {
			result = Promise.resolve(props_.current.onOpenLink(linkRequest.url));
		} catch (error) {
			result = Promise.reject(error);
		}
		result.then(
			text => dispatch({type: 'status', text: String(text)}),
			(error: unknown) => dispatch({type: 'status', text: error instanceof Error ? error.message : String(error)}),
		);
	}, [linkRequest]);

	useEffect(() => {
		if (state.exit === undefined) return;
		props_.current.onExit?.(state.exit);
		exit();
	}, [state.exit, exit]);

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
		case 'reader': {
			const post = selectedPost(state);
			if (post !== undefined) {
				const lines = env.lines(post, width);
				const {top} = positionAt(state.reader, width, pageRows(height), at => env.lines(post, at));
				return (
					<Reader
						lines={lines}
						top={top}
						index={state.list.selected + 1}
						count={state.visible.length}
						status={state.status}
						hints={readerHints}
						width={width}
						height={height}
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
		/>
	);
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
