import {Box, Text} from 'ink';
import type {JSX} from 'react';
import {truncateToWidth} from '../core/layout.js';
import type {LaidOutLine} from '../core/types.js';
import {pageRows} from './app-state.js';
import {StatusLine} from './status-line.js';

type Props = {
	readonly lines: readonly LaidOutLine[];
	/** First visible line, already valid for these lines and this height. */
	readonly top: number;
	/** 1-based place of the post in the current list, and the list's length. */
	readonly index: number;
	readonly count: number;
	readonly status: string | undefined;
	readonly hints: readonly string[];
	readonly width: number;
	readonly height: number;
};

/** The reader screen: one screenful of the article's lines and a status line with the position. */
export function Reader({lines, top, index, count, status, hints, width, height}: Props) {
	const rows = pageRows(height);
	const shown: JSX.Element[] = [];
	for (let line = top; line < Math.min(lines.length, top + rows); line++) {
		shown.push(<ArticleLine key={line} line={lines[line]!} width={width} />);
	}
	const bottom = Math.min(lines.length, top + rows);
	const percent = lines.length === 0 ? 100 : Math.round((bottom / lines.length) * 100);
	const position = `line ${Math.min(top + 1, lines.length)}/${lines.length}  ${percent}%  post ${index}/${count}`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection="column" flexGrow={1}>
				{shown}
			</Box>
			<StatusLine position={position} message={status} hints={hints} width={width} />
		</Box>
	);
}

function ArticleLine({line, width}: {readonly line: LaidOutLine; readonly width: number}) {
	// Layout keeps rows within the width; cutting again guards against a width mismatch.
	const text = truncateToWidth(line.text, width) || ' ';
	switch (line.style) {
		case 'title':
			return (
				<Text bold wrap="truncate">
					{text}
				</Text>
			);
		case 'heading':
			return (
				<Text bold color="cyan" wrap="truncate">
					{text}
				</Text>
			);
		case 'meta':
		case 'image':
			return (
				<Text dimColor wrap="truncate">
					{text}
				</Text>
			);
		case 'quote':
			return (
				<Text italic wrap="truncate">
					{text}
				</Text>
			);
		case 'link-list':
			return (
				<Text color="blue" wrap="truncate">
					{text}
				</Text>
			);
		default:
			return <Text wrap="truncate">{text}</Text>;
	}
}
