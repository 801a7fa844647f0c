import {Box, Text} from 'ink';
import {useEffect, useState, type JSX} from 'react';
import type {Post} from '../core/types.js';
import type {ArticleCache} from './article-cache.js';
import {Reader} from './reader.js';

export {previewMinWidth} from './preview-width.js';

/** How the screen is split when the preview is shown: the list's width, then a rule, then the article's. */
export function previewWidths(width: number): {readonly list: number; readonly article: number} {
	const list = Math.max(20, Math.floor(width * 0.45));
	return {list, article: Math.max(1, width - list - 1)};
}

/** The pause after the selection last moved before the preview follows it: keys held down move the list alone. */
const followDelayMs = 120;

/**
 * The post the preview shows: the selected one, taken up just after the selection stops moving,
 * so laying an article out never delays the list's own frame. Undefined while none is chosen.
 */
export function usePreviewPost(selected: Post | undefined, shown: boolean): Post | undefined {
	const [post, setPost] = useState<Post | undefined>(undefined);
	useEffect(() => {
		if (!shown) return;
		const timer = setTimeout(() => setPost(selected), followDelayMs);
		return () => clearTimeout(timer);
	}, [selected, shown]);
	return shown ? post : undefined;
}

type Props = {
	readonly post: Post | undefined;
	readonly cache: ArticleCache;
	/** The post's place in the list (1-based) and the list's length, for the pane's status line. */
	readonly index: number;
	readonly count: number;
	readonly width: number;
	readonly height: number;
};

/** The article pane beside the list: the top of the selected post's article, as the reader lays it out at this width. */
export function PreviewPane({post, cache, index, count, width, height}: Props): JSX.Element {
	if (post === undefined) {
		return (
			<Box width={width} height={height}>
				<Text dimColor>…</Text>
			</Box>
		);
	}
	const {lines, links, loading} = cache.get(post, width);
	return <Reader lines={lines} top={0} index={index} count={count} status={undefined} hints={['Enter read']} width={width} height={height} links={links} postLink={post.link} loading={loading ?? false} />;
}

/** The rule between the list and the preview, one cell wide. */
export function PreviewRule({height}: {readonly height: number}): JSX.Element {
	return (
		<Box flexDirection="column" width={1} height={height}>
			{Array.from({length: height}, (_, row) => (
				<Text key={row} dimColor>
					│
				</Text>
			))}
		</Box>
	);
}
