/** Minimal types for `linebreak` (Unicode UAX #14 break opportunities); the package ships none. */
declare module 'linebreak' {
	/** A break opportunity before the character at `position`; `required` for mandatory breaks. */
	export type Break = {
		readonly position: number;
		readonly required: boolean;
	};

	export default class LineBreaker {
		constructor(text: string);
		/** The next break opportunity, or null after the end of the text (which is always one). */
		nextBreak(): Break | null;
	}
}
