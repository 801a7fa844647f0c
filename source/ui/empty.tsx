import {Box, Text} from 'ink';
import {wrapWords} from '../core/fit.js';
import {StatusLine} from './status-line.js';

type Props = {
	readonly folder: string;
	readonly reason: string | undefined;
	readonly hints: readonly string[];
	readonly width: number;
	readonly height: number;
};

/** Shown when there is nothing to list: says why, and how to leave. */
export function Empty({folder, reason, hints, width, height}: Props) {
	const lines = [
		...wrapWords(`folio: ${folder}`, width),
		'',
		...wrapWords('No posts to show.', width),
		...wrapWords(reason ?? 'No post files were found in this folder.', width),
	].slice(0, Math.max(0, height - 1));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection="column" flexGrow={1}>
				{lines.map((line, index) => (
					// eslint-disable-next-line react/no-array-index-key
					<Text key={index} bold={index === 0} wrap="truncate">
						{line || ' '}
					</Text>
				))}
			</Box>
			<StatusLine hints={hints} width={width} />
		</Box>
	);
}
