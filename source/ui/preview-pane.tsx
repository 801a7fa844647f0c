import {Box, Text} from 'ink';
import {memo, useEffect, useRef, useState, type JSX} from 'react';
import type {Post} from '../core/types.js';
import type {ArticleCache, ShownArticle} from './article-cache.js';
import {Reader} from './reader.js';

export {previewMinWidth} from './preview-width.js';

/** How the screen is split when the preview is shown: the list's width, then a rule, then the article's. */
export function previewWidths(width: number): {readonly list: number; readonly article: number} {
	const list = Math.max(20, Math.floor(width * 0.45));
	return {list, article: Math.max(1, width - list - 1)};
}

/** The pause after the selection last moved before the preview follows it: keys held down move the list alone. */
const followDelayMs = 120;

/** What the preview pane shows: a post and its article as laid out for the pane. */
export type Preview = {readonly post: Post; readonly article: ShownArticle};

/**
 * What the preview shows of the selected post: it follows the selection just after the selection
 * stops moving, and only once that post's article is ready (asking the cache starts it); until
 * then it shows the one before. So laying an article out never delays the list's own frame, and
 * an article still being prepared costs the screen no frame of its own: the frame that brings it
 * (the screen asks again when an article comes in) shows it. Undefined while nothing was ready.
 */
export function usePreview(selected: Post | undefined, shown: boolean, cache: ArticleCache, width: number): Preview | undefined {
	// The post the preview is to follow, and what it shows (refs: changing them draws nothing by itself).
	const wanted = useRef<Post | undefined>(undefined);
	const last = useRef<Preview | undefined>(undefined);
	const [, redraw] = useState(0);
	useEffect(() => {
		if (!shown) return;
		const timer = setTimeout(() => {
			wanted.current = selected;
			// Drawn now only when its article is ready (or there is none); else when the article comes in.
			if (selected === undefined || cache.get(selected, width).loading !== true) redraw(count => count + 1);
		}, followDelayMs);
		return () => clearTimeout(timer);
	}, [selected, shown, cache, width]);

	if (!shown) {
		wanted.current = undefined;
		last.current = undefined;
		return undefined;
	}

	const post = wanted.current;
	if (post === undefined) return undefined;
	const article = cache.get(post, width);
	if (article.loading !== true) {
		if (last.current?.post !== post || last.current.article !== article) last.current = {post, article};
	} else if (last.current !== undefined && cache.peek(last.current.post, width) === undefined) {
		// The pane was resized (or the article evicted): nothing laid out at this width is shown.
		last.current = undefined;
	}

	return last.current;
}

type Props = {
	readonly preview: Preview | undefined;
	/** The post's place in the list (1-based) and the list's length, for the pane's status line. */
	readonly index: number;
	readonly count: number;
	readonly width: number;
	readonly height: number;
};

/**
 * The article pane beside the list: the top of the selected post's article, as the reader lays it
 * out at this width. Drawn again only when what it shows changes, not for every key of the list.
 */
export const PreviewPane = memo(function PreviewPane({preview, index, count, width, height}: Props): JSX.Element {
	if (preview === undefined) {
		return (
			<Box width={width} height={height}>
				<Text dimColor>…</Text>
			</Box>
		);
	}
	const {post, article} = preview;
	return <Reader lines={article.lines} top={0} index={index} count={count} status={undefined} hints={['Enter read']} width={width} height={height} links={article.links} postLink={post.link} loading={article.loading ?? false} />;
});

/** The rule between the list and the preview, one cell wide. */
export const PreviewRule = memo(function PreviewRule({height}: {readonly height: number}): JSX.Element {
	return (
		<Box flexDirection="column" width={1} height={height}>
			{Array.from({length: height}, (_, row) => (
				<Text key={row} dimColor>
					│
				</Text>
			))}
		</Box>
	);
});
