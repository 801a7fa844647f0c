import {Box, Text} from 'ink';
import type {JSX} from 'react';
import {formatCount} from '../core/count.js';
import {truncateToWidth} from '../core/fit.js';
import type {Skipped} from '../core/types.js';
import {pageRows} from './app-state.js';
import {StatusLine} from './status-line.js';

type Props = {
	readonly skipped: readonly Skipped[];
	/** First row shown (two rows a file: its path, then why). */
	readonly top: number;
	readonly hints: readonly string[];
	readonly width: number;
	readonly height: number;
};

/** The files that could not be listed: each path, and under it why, one screenful at a time. */
export function SkippedList({skipped, top, hints, width, height}: Props) {
	const rows = Math.max(1, pageRows(height) - 1);
	const lines = skipped.flatMap(file => [{text: file.path, dim: false}, {text: `  ${file.reason}`, dim: true}]);
	const first = Math.min(Math.max(0, top), Math.max(0, lines.length - rows));
	const shown: JSX.Element[] = [];
	for (let index = first; index < Math.min(lines.length, first + rows); index++) {
		const line = lines[index]!;
		shown.push(
			<Text key={index} wrap="truncate" dimColor={line.dim}>
				{truncateToWidth(line.text, width) || ' '}
			</Text>,
		);
	}
	const position = lines.length > rows ? `${formatCount(first / 2 + 1)}-${formatCount(Math.ceil(Math.min(lines.length, first + rows) / 2))}/${formatCount(skipped.length)}` : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				{truncateToWidth(`Skipped files (${formatCount(skipped.length)})`, width)}
			</Text>
			<Box flexDirection="column" flexGrow={1}>
				{shown}
			</Box>
			<StatusLine position={position} hints={hints} width={width} />
		</Box>
	);
}
