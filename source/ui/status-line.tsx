import {Text} from 'ink';
import {statusText} from './format.js';

type Props = {
	/** Shown first, e.g. the reading position. */
	readonly position?: string;
	/** A message for the person (result of opening a link, an error); replaces the hints. */
	readonly message?: string | undefined;
	readonly hints: readonly string[];
	readonly width: number;
};

/** The bottom line: position, then a message or the key hints; never wider than the screen. */
export function StatusLine({position = '', message, hints, width}: Props) {
	if (message !== undefined) {
		return (
			<Text wrap="truncate" color="yellow">
				{statusText([position, message], width)}
			</Text>
		);
	}
	return (
		<Text wrap="truncate" dimColor>
			{statusText([position, ...hints], width)}
		</Text>
	);
}
