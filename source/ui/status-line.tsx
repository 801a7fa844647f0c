import {Text} from 'ink';
import {fitHints, statusText} from './format.js';

type Props = {
	/** Shown first, e.g. the reading position. */
	readonly position?: string;
	/** A message for the person (result of opening a link, an error); replaces the hints. */
	readonly message?: string | undefined;
	readonly hints: readonly string[];
	readonly width: number;
	/** A text prompt being typed (search, a day); shown instead of everything else but the position. */
	readonly prompt?: string | undefined;
};

/** The bottom line: position, then a message or the whole key hints that fit; never wider than the screen. */
export function StatusLine({position = '', message, hints, width, prompt}: Props) {
	if (prompt !== undefined) {
		return <Text wrap="truncate">{statusText([prompt, message ?? '', position], width)}</Text>;
	}
	if (message !== undefined) {
		return (
			<Text wrap="truncate" color="yellow">
				{statusText([position, message], width)}
			</Text>
		);
	}
	return (
		<Text wrap="truncate" dimColor>
			{fitHints(position, hints, width)}
		</Text>
	);
}
