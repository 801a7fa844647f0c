import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {useMemo, type JSX} from 'react';
import type {CategoryCount} from '../core/library.js';
import type {Post} from '../core/types.js';
import {postsPerScreen} from './app-state.js';
import {padToWidth, truncateToWidth} from '../core/fit.js';
import {cachedQuery} from '../core/search.js';
import {locateQuery} from '../core/search-context.js';
import {dayOf, formatPostDate, halfReadMarker, listColumns, listHeader, listRowCells, selectedMarker, starMarker, unreadMarker, unselectedMarker} from './format.js';
import type {ListState} from './list-state.js';
import {visibleRange} from './list-state.js';
import {StatusLine} from './status-line.js';

type Props = {
	readonly folder: string;
	readonly all: readonly Post[];
	readonly visible: readonly Post[];
	readonly categories: readonly CategoryCount[];
	readonly list: ListState;
	readonly status: string | undefined;
	readonly hints: readonly string[];
	readonly width: number;
	readonly height: number;
	/** Paths of posts read: shown dimmer, without the unread marker. */
	readonly read?: ReadonlySet<string>;
	/** Paths of starred posts: marked `*`. */
	readonly starred?: ReadonlySet<string>;
	/** Whether reading a post stopped partway: marked `~` (unless starred). */
	readonly halfRead?: (post: Post) => boolean;
	/** Full-text results: the matching line of each post found, by path, and the text searched for. */
	readonly contexts?: ReadonlyMap<string, string>;
	readonly searched?: string;
	/** The header's parts after the folder (`3/10 posts`, each restriction, notes). */
	readonly header: readonly string[];
	/** The prompt being typed, if any. */
	readonly prompt?: string | undefined;
};

const noneRead: ReadonlySet<string> = new Set();

/**
 * The list screen: a header, only the rows that fit, and a status line. Unread posts carry a
 * marker (•) in a column of its own, starred (*) and half-read (~) posts one in the next; full-text results take two rows, the title and the match.
 */
export function PostList(props: Props) {
	const {folder, all, visible, categories, list, status, hints, width, height} = props;
	const {read = noneRead, starred = noneRead, halfRead, contexts, searched = '', header: parts, prompt} = props;
	// O(n) once per archive, not per key press.
	const anyTime = useMemo(() => all.some(post => post.hasTime && post.date !== undefined), [all]);
	const categoryWidth = useMemo(() => Math.max(0, ...categories.map(entry => stringWidth(entry.name))), [categories]);
	const columns = listColumns(width, anyTime, categoryWidth);
	const twoRows = contexts !== undefined;
	const rows = postsPerScreen(height, twoRows);
	const {start, end} = visibleRange(list, visible.length, rows);
	const header = listHeader(folder, parts, width);
	const shown: JSX.Element[] = [];
	for (let index = start; index < end; index++) {
		const post = visible[index]!;
		const selected = index === list.selected;
		const sameDay = index > 0 && dayOf(visible[index - 1]) === dayOf(post);
		const isRead = read.has(post.path);
		const mark = starred.has(post.path) ? starMarker : halfRead?.(post) === true ? halfReadMarker : ' ';
		if (twoRows) {
			// A full-text result: the title with the whole row, then the day and the matching line.
			const title = padToWidth(truncateToWidth(post.title || '(untitled)', Math.max(0, width - 4)), Math.max(0, width - 4));
			shown.push(
				<Text key={index} wrap="truncate" inverse={selected} dimColor={isRead}>
					{selected ? selectedMarker : unselectedMarker}
					<Text bold={!isRead}>{isRead ? ' ' : unreadMarker}</Text> {title}
				</Text>,
			);
			const date = formatPostDate(post, columns.showTime);
			const room = Math.max(0, width - 6 - stringWidth(date));
			const context = contexts.get(post.path) ?? '';
			shown.push(
				<Text key={`${index}m`} wrap="truncate" dimColor>
					{'    '}
					{date}
					{'  '}
					{padToWidth(truncateToWidth(showMatch(context, searched, room), room), room)}
				</Text>,
			);
			continue;
		}
		const cells = listRowCells(post, columns);
		shown.push(
			<Text key={index} wrap="truncate" inverse={selected} dimColor={isRead}>
				{selected ? selectedMarker : unselectedMarker}
				<Text dimColor={(sameDay && !selected) || isRead}>{cells.date}</Text>{' '}
				<Text bold={!isRead}>{isRead ? ' ' : unreadMarker}</Text>
				<Text color={mark === starMarker && !selected ? 'yellow' : undefined}>{mark}</Text>{' '}
				{columns.category > 0 && (
					<>
						<Text color={selected || isRead ? undefined : 'cyan'} dimColor={isRead}>
							{cells.category}
						</Text>{' '}
					</>
				)}
				<Text dimColor={isRead}>{cells.title}</Text>
			</Text>,
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold>{header.left}</Text>
				<Text color="yellow">{header.right}</Text>
			</Text>
			<Box flexDirection="column" flexGrow={1}>
				{shown}
			</Box>
			<StatusLine message={status} hints={hints} width={width} prompt={prompt} />
		</Box>
	);
}

/** `context` cut at the start so that the first match of `searched` sits in the first third of `width` cells. */
function showMatch(context: string, searched: string, width: number): string {
	const found = locateQuery(context, cachedQuery(searched));
	if (found === undefined || found.start <= 0 || stringWidth(context.slice(0, found.end)) <= width) return context;
	const at = found.start;
	const lead = Math.floor(width / 3);
	let start = at;
	while (start > 0 && stringWidth(context.slice(start - 1, at)) < lead) start--;
	return `…${context.slice(start).replace(/^…/, '')}`;
}
