import {Box, Text} from 'ink';
import type {JSX} from 'react';
import {formatCount} from '../core/count.js';
import {truncateToWidth} from '../core/fit.js';
import {findInLines, type LineMatch} from '../core/search.js';
import type {LaidOutLine} from '../core/types.js';
import {pageRows} from './app-state.js';
import {hyperlink} from './hyperlink.js';
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
	/** The word being found: its matches are highlighted, the current one (if any) most. */
	readonly find?: {readonly query: string; readonly current: LineMatch | undefined; readonly ordinal: number; readonly count: number} | undefined;
	/** The article's numbered links, made clickable (OSC 8) in the link list when `hyperlinks` is set. */
	readonly links?: readonly string[];
	/** The post's original link, made clickable in the header's `Link:` row when `hyperlinks` is set. */
	readonly postLink?: string | undefined;
	readonly hyperlinks?: boolean;
	/** The prompt being typed, if any. */
	readonly prompt?: string | undefined;
	/** True while the article is still loading: the status line then has no line position yet. */
	readonly loading?: boolean;
};

/** The reader screen: one screenful of the article's lines and a status line with the position. */
export function Reader({lines, top, index, count, status, hints, width, height, find, links = [], postLink, hyperlinks = false, prompt, loading = false}: Props) {
	const rows = pageRows(height);
	const shown: JSX.Element[] = [];
	for (let line = top; line < Math.min(lines.length, top + rows); line++) {
		const laidOut = lines[line]!;
		if (find !== undefined && find.query.trim() !== '' && findInLines([laidOut], find.query).length > 0) {
			shown.push(<FoundLine key={line} line={laidOut} width={width} query={find.query} current={find.current?.line === line ? find.current : undefined} />);
		} else {
			const url = !hyperlinks
				? undefined
				: laidOut.style === 'link-list'
					? links[linkNumberAt(lines, line) - 1]
					: laidOut.style === 'meta' && isHeaderLinkRow(lines, line)
						? postLink
						: undefined;
			shown.push(<ArticleLine key={line} line={laidOut} width={width} url={url} />);
		}
	}
	const bottom = Math.min(lines.length, top + rows);
	const percent = lines.length === 0 ? 100 : Math.round((bottom / lines.length) * 100);
	const found = find === undefined ? '' : find.count === 0 ? '' : `  match ${find.ordinal}/${find.count}`;
	const position = loading
		? `loading…  post ${formatCount(index)}/${formatCount(count)}`
		: `line ${formatCount(Math.min(top + 1, lines.length))}/${formatCount(lines.length)}  ${percent}%  post ${formatCount(index)}/${formatCount(count)}${found}`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection="column" flexGrow={1}>
				{shown}
			</Box>
			<StatusLine position={position} message={status} hints={hints} width={width} prompt={prompt} />
		</Box>
	);
}

/** The number of the link a row of the link list belongs to (its own `[n]`, or the row above's for a wrapped URL). */
function linkNumberAt(lines: readonly LaidOutLine[], line: number): number {
	for (let at = line; at >= 0 && lines[at]!.style === 'link-list'; at--) {
		const match = /^\[(\d+)\] /.exec(lines[at]!.text);
		if (match) return Number(match[1]);
	}
	return 0;
}

/** True for the header's `Link:` row and the rows its URL wraps onto. */
function isHeaderLinkRow(lines: readonly LaidOutLine[], line: number): boolean {
	for (let at = line; at >= 0 && lines[at]!.style === 'meta'; at--) {
		const {text} = lines[at]!;
		if (text.startsWith('Link:')) return true;
		if (!text.startsWith('          ')) return false;
	}
	return false;
}

/** A row with every match of the query shown in reverse video, the current match in yellow. */
function FoundLine({line, width, query, current}: {readonly line: LaidOutLine; readonly width: number; readonly query: string; readonly current: LineMatch | undefined}) {
	const text = truncateToWidth(line.text, width) || ' ';
	const matches = findInLines([{text}], query);
	if (matches.length === 0) return <ArticleLine line={line} width={width} />;
	const parts: JSX.Element[] = [];
	let at = 0;
	for (const [index, match] of matches.entries()) {
		if (match.start > at) parts.push(<Text key={`t${index}`}>{text.slice(at, match.start)}</Text>);
		const isCurrent = current !== undefined && current.start === match.start;
		parts.push(
			<Text key={`m${index}`} inverse={!isCurrent} backgroundColor={isCurrent ? 'yellow' : undefined} color={isCurrent ? 'black' : undefined}>
				{text.slice(match.start, match.end)}
			</Text>,
		);
		at = match.end;
	}
	if (at < text.length) parts.push(<Text key="rest">{text.slice(at)}</Text>);
	return (
		<Text wrap="truncate" {...lineStyle(line.style)}>
			{parts}
		</Text>
	);
}

/** The look of a row by its style (as ArticleLine draws it), for rows drawn in parts. */
function lineStyle(style: LaidOutLine['style']): {bold?: boolean; dimColor?: boolean; italic?: boolean; color?: string} {
	switch (style) {
		case 'title':
			return {bold: true};
		case 'heading':
			return {bold: true, color: 'cyan'};
		case 'meta':
		case 'image':
			return {dimColor: true};
		case 'quote':
			return {italic: true};
		case 'link-list':
			return {color: 'blue'};
		case 'pre':
			return {color: 'green'};
		default:
			return {};
	}
}

function ArticleLine({line, width, url}: {readonly line: LaidOutLine; readonly width: number; readonly url?: string | undefined}) {
	// Layout keeps rows within the width; cutting again guards against a width mismatch.
	const plain = truncateToWidth(line.text, width) || ' ';
	// A link-list row is made clickable only around its text, by folio, for a checked URL.
	const text = url === undefined ? plain : hyperlink(url, plain);
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
		case 'pre':
			return (
				<Text color="green" wrap="truncate">
					{text}
				</Text>
			);
		default:
			return <Text wrap="truncate">{text}</Text>;
	}
}
