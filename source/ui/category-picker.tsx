import {Box, Text} from 'ink';
import type {JSX} from 'react';
import {padToWidth} from '../core/fit.js';
import type {CategoryCount} from '../core/library.js';
import {pickerRows} from './app-state.js';
import {selectedMarker, unselectedMarker} from './format.js';
import {visibleRange, type ListState} from './list-state.js';
import {StatusLine} from './status-line.js';

type Props = {
	readonly categories: readonly CategoryCount[];
	readonly total: number;
	readonly active: string | undefined;
	readonly picker: ListState;
	readonly hints: readonly string[];
	readonly width: number;
	readonly height: number;
	/** The heading, e.g. "Tags"; the count is added. Default "Categories". */
	readonly title?: string;
};

/** The category (or tag) picker: "All (N)" then each entry with its count; the active one is starred. */
export function CategoryPicker({categories, total, active, picker, hints, width, height, title = 'Categories'}: Props) {
	const count = categories.length + 1;
	const rows = pickerRows(height);
	const {start, end} = visibleRange(picker, count, rows);
	const shown: JSX.Element[] = [];
	for (let index = start; index < end; index++) {
		const entry = index === 0 ? {name: 'All', count: total} : categories[index - 1]!;
		const isActive = index === 0 ? active === undefined : entry.name === active;
		const selected = index === picker.selected;
		const label = `${selected ? selectedMarker : unselectedMarker}${isActive ? '* ' : '  '}${entry.name} (${entry.count})`;
		shown.push(
			<Text key={index} inverse={selected} wrap="truncate">
				{padToWidth(label, width)}
			</Text>,
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				{padToWidth(`${title} (${categories.length})`, width)}
			</Text>
			<Box flexDirection="column" flexGrow={1}>
				{shown}
			</Box>
			<StatusLine hints={hints} width={width} />
		</Box>
	);
}
