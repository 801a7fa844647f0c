import {Box, Text} from 'ink';
import type {JSX} from 'react';
import {padToWidth, truncateToWidth} from '../core/fit.js';
import {checkLink, describeLink, displayLink} from '../core/links.js';
import {pickerRows} from './app-state.js';
import {selectedMarker, unselectedMarker} from './format.js';
import {hyperlink} from './hyperlink.js';
import {visibleRange, type ListState} from './list-state.js';
import {StatusLine} from './status-line.js';

type Props = {
	readonly title: string;
	readonly links: readonly string[];
	readonly picker: ListState;
	readonly status: string | undefined;
	readonly hints: readonly string[];
	/** Make the http(s) links clickable (OSC 8). */
	readonly hyperlinks: boolean;
	readonly width: number;
	readonly height: number;
};

/**
 * The links of one article, numbered as in its text (`[1]` …), one a row. Links that will not
 * open (not http(s)) say so; the others are clickable where the terminal supports it.
 */
export function LinkList({title, links, picker, status, hints, hyperlinks, width, height}: Props) {
	const rows = pickerRows(height);
	const {start, end} = visibleRange(picker, links.length, rows);
	const numberWidth = String(links.length).length + 2;
	const shown: JSX.Element[] = [];
	for (let index = start; index < end; index++) {
		const link = links[index]!;
		const selected = index === picker.selected;
		const check = checkLink(link);
		const label = `${selected ? selectedMarker : unselectedMarker}${`[${index + 1}]`.padStart(numberWidth)} `;
		const room = Math.max(0, width - label.length);
		const note = check.ok ? '' : ' (will not open)';
		const text = padToWidth(truncateToWidth(describeLink(displayLink(link), 2000) + note, room), room);
		shown.push(
			<Text key={index} inverse={selected} wrap="truncate">
				{label}
				<Text color={check.ok ? (selected ? undefined : 'blue') : undefined} dimColor={!check.ok}>
					{hyperlinks && check.ok ? hyperlink(link, text) : text}
				</Text>
			</Text>,
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				{truncateToWidth(`Links (${links.length}) · ${title}`, width)}
			</Text>
			<Box flexDirection="column" flexGrow={1}>
				{shown}
			</Box>
			<StatusLine message={status} hints={hints} width={width} />
		</Box>
	);
}
