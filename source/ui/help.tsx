import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import type {JSX} from 'react';
import {padToWidth, truncateToWidth} from '../core/fit.js';
import {pageRows} from './app-state.js';
import {helpRows} from './help-text.js';
import {StatusLine} from './status-line.js';

type Props = {readonly top: number; readonly width: number; readonly height: number};

const keyColumn = Math.max(...helpRows.map(row => (row.kind === 'binding' ? stringWidth(row.keys) : 0)));

/** The help screen: every key of the table, grouped by screen. */
export function Help({top, width, height}: Props) {
	const rows = pageRows(height);
	const overflow = helpRows.length > rows;
	const first = overflow ? Math.min(Math.max(0, top), helpRows.length - rows) : 0;
	const keysWidth = Math.min(keyColumn, Math.max(4, Math.floor(width * 0.4)));
	const shown: JSX.Element[] = [];
	for (let index = first; index < Math.min(helpRows.length, first + rows); index++) {
		const row = helpRows[index]!;
		if (row.kind === 'heading') {
			shown.push(
				<Text key={index} bold wrap="truncate">
					{truncateToWidth(row.text, width)}
				</Text>,
			);
		} else if (row.kind === 'binding') {
			shown.push(
				<Text key={index} wrap="truncate">
					{truncateToWidth(`  ${padToWidth(row.keys, keysWidth)}  ${row.description}`, width)}
				</Text>,
			);
		} else {
			shown.push(<Text key={index}> </Text>);
		}
	}
	const hints = overflow
		? [`${first + 1}-${Math.min(helpRows.length, first + rows)}/${helpRows.length}`, 'j/k scroll', 'other keys back']
		: ['any key back'];
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection="column" flexGrow={1}>
				{shown}
			</Box>
			<StatusLine hints={hints} width={width} />
		</Box>
	);
}
