import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {padToWidth} from '../core/fit.js';
import {formatCount} from '../core/count.js';
import type {CategoryChoice} from './filter-state.js';
import type {PickerEntry} from './picker-entries.js';
import {pickerRows} from './app-state.js';
import {selectedMarker, unselectedMarker} from './format.js';
import {visibleRange, type ListState} from './list-state.js';
import {StatusLine} from './status-line.js';

type Props = {
	/** "All" first, then every entry. */
	readonly entries: readonly PickerEntry[];
	readonly active: CategoryChoice | undefined;
	readonly picker: ListState;
	readonly hints: readonly string[];
	readonly width: number;
	readonly height: number;
	/** The heading, e.g. "Tags"; the number of entries is added. Default "Categories". */
	readonly title?: string;
};

/** One entry of the picker as ink-select-input holds it: its label is the whole row, count included. */
type Entry = {readonly key: string; readonly label: string; readonly value: number};

/**
 * The category (tag, source) picker: "All" then each entry with its unread and total posts
 * (`3/12`); the active one is starred.
 * ink-select-input draws it, its `limit` fitting the entries to the screen, with folio's marker and
 * look. The selection is the reducer's (`picker`), moved one key at a time, so the picker keeps
 * every key of a burst and scrolls rather than rotating: ink-select-input's own key handling (which
 * reads its index from the state of the last frame, so ten arrow keys in one write move it once)
 * is left off.
 */
export function CategoryPicker({entries: all, active, picker, hints, width, height, title = 'Categories'}: Props) {
	const count = all.length;
	const rows = pickerRows(height);
	const {start, end} = visibleRange(picker, count, rows);
	const selected = Math.min(Math.max(picker.selected, start), end - 1);
	const entries: Entry[] = [];
	for (let index = start; index < end; index++) {
		const entry = all[index]!;
		const isActive = entry.value === active;
		entries.push({key: String(index), label: `${isActive ? '* ' : '  '}${entry.name} (${formatCount(entry.unread)}/${formatCount(entry.count)})`, value: index});
	}

	const labelWidth = Math.max(0, width - Math.max(selectedMarker.length, unselectedMarker.length));
	const Item = ({isSelected = false, label}: {isSelected?: boolean; label: string}) => (
		<Text inverse={isSelected} wrap="truncate">
			{padToWidth(label, labelWidth)}
		</Text>
	);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				{padToWidth(`${title} (${formatCount(all.filter(entry => typeof entry.value === 'string').length)}) · unread/posts`, width)}
			</Text>
			<Box flexDirection="column" flexGrow={1}>
				<SelectInput
					// A new window or selection starts a new select: its index is read only when it mounts.
					key={`${start}:${selected}`}
					items={entries}
					initialIndex={selected - start}
					limit={rows}
					isFocused={false}
					indicatorComponent={Indicator}
					itemComponent={Item}
				/>
			</Box>
			<StatusLine hints={hints} width={width} />
		</Box>
	);
}

/** folio's selection marker, in place of ink-select-input's pointer. */
function Indicator({isSelected = false}: {isSelected?: boolean}) {
	return <Text inverse={isSelected}>{isSelected ? selectedMarker : unselectedMarker}</Text>;
}
