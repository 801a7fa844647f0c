import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {useMemo, type JSX} from 'react';
import type {CategoryCount} from '../core/library.js';
import type {Post} from '../core/types.js';
import {listRows} from './app-state.js';
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
};

/** The list screen: a header, only the rows that fit, and a status line. */
export function PostList({folder, all, visible, categories, category, list, skippedCount, status, hints, width, height}: Props) {
	// O(n) once per archive, not per key press.
	const anyTime = useMemo(() => all.some(post => post.hasTime && post.date !== undefined), [all]);
	const categoryWidth = useMemo(() => Math.max(0, ...categories.map(entry => stringWidth(entry.name))), [categories]);
	const columns = listColumns(width, anyTime, categoryWidth);
	const rows = listRows(height);
	const {start, end} = visibleRange(list, visible.length, rows);
	const header = listHeader(folder, visible.length, all.length, category, skippedCount, width);
	const shown: JSX.Element[] = [];
	for (let index = start; index < end; index++) {
		const post = visible[index]!;
		const selected = index === list.selected;
		const sameDay = index > 0 && dayOf(visible[index - 1]) === dayOf(post);
		const cells = listRowCells(post, columns);
		shown.push(
			<Text key={index} wrap="truncate" inverse={selected}>
				{selected ? selectedMarker : unselectedMarker}
				<Text dimColor={sameDay && !selected}>{cells.date}</Text>{' '}
				{columns.category > 0 && (
					<>
						<Text color={selected ? undefined : 'cyan'}>{cells.category}</Text>{' '}
					</>
				)}
				{cells.title}
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
			<StatusLine message={status} hints={hints} width={width} />
		</Box>
	);
}
