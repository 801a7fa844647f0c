import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {useMemo, type JSX} from 'react';
import type {CategoryCount} from '../core/library.js';
import type {Post} from '../core/types.js';
import {listRows} from './app-state.js';
import {padToWidth, truncateToWidth} from '../core/fit.js';
import {cachedQuery} from '../core/search.js';
import {locateQuery} from '../core/search-context.js';
import {dayOf, listColumns, listHeader, listRowCells, selectedMarker, unselectedMarker} from './format.js';
import type {ListState} from './list-state.js';
import {visibleRange} from './list-state.js';
import {StatusLine} from './status-line.js';

type Props = {
	readonly folder: string;
	readonly all: readonly Post[];
	readonly visible: readonly Post[];
	readonly categories: readonly CategoryCount[];
	readonly category: string | undefined;
	readonly list: ListState;
	readonly skippedCount: number;
	readonly status: string | undefined;
	readonly hints: readonly string[];
	readonly width: number;
	readonly height: number;
	/** Paths of posts read: shown dimmer. */
	readonly read?: ReadonlySet<string>;
	/** Full-text results: the matching line of each post found, by path, and the text searched for. */
	readonly contexts?: ReadonlyMap<string, string>;
	readonly searched?: string;
	/** Active filters for the header (tag, search, unread only, …). */
	readonly filters?: readonly string[];
	/** The prompt being typed, if any. */
	readonly prompt?: string | undefined;
};

const noneRead: ReadonlySet<string> = new Set();

/** The list screen: a header, only the rows that fit, and a status line. */
export function PostList(props: Props) {
	const {folder, all, visible, categories, category, list, skippedCount, status, hints, width, height} = props;
	const {read = noneRead, contexts, searched = '', filters = [], prompt} = props;
	// O(n) once per archive, not per key press.
	const anyTime = useMemo(() => all.some(post => post.hasTime && post.date !== undefined), [all]);
	const categoryWidth = useMemo(() => Math.max(0, ...categories.map(entry => stringWidth(entry.name))), [categories]);
	const columns = listColumns(width, anyTime, categoryWidth);
	const rows = listRows(height);
	const {start, end} = visibleRange(list, visible.length, rows);
	const header = listHeader(folder, visible.length, all.length, category, skippedCount, width, filters);
	const shown: JSX.Element[] = [];
	for (let index = start; index < end; index++) {
		const post = visible[index]!;
		const selected = index === list.selected;
		const sameDay = index > 0 && dayOf(visible[index - 1]) === dayOf(post);
		const cells = listRowCells(post, columns);
		const isRead = read.has(post.path);
		const context = contexts?.get(post.path);
		const title = context === undefined ? {title: cells.title, context: ''} : titleWithContext(post.title, context, searched, columns.title);
		shown.push(
			<Text key={index} wrap="truncate" inverse={selected} dimColor={isRead}>
				{selected ? selectedMarker : unselectedMarker}
				<Text dimColor={(sameDay && !selected) || isRead}>{cells.date}</Text>{' '}
				{columns.category > 0 && (
					<>
						<Text color={selected || isRead ? undefined : 'cyan'} dimColor={isRead}>
							{cells.category}
						</Text>{' '}
					</>
				)}
				<Text dimColor={isRead}>{title.title}</Text>
				{title.context !== '' && <Text dimColor>{title.context}</Text>}
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

/**
 * The title column of a full-text result: the title, then the matching line, both cut to fit;
 * the line starts a little before the match when the match would otherwise be cut off.
 */
function titleWithContext(title: string, context: string, searched: string, width: number): {title: string; context: string} {
	const titleWidth = Math.min(stringWidth(title), Math.max(10, Math.floor(width * 0.4)));
	const shownTitle = truncateToWidth(title, titleWidth);
	const rest = width - stringWidth(shownTitle) - 3;
	if (rest < 4) return {title: padToWidth(truncateToWidth(title, width), width), context: ''};
	return {title: shownTitle, context: ' │ ' + padToWidth(truncateToWidth(showMatch(context, searched, rest), rest), rest)};
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
