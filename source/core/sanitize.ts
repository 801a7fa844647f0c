/**
 * Everything read from a post passes through here before it reaches a screen or a pipe.
 * Terminal escape sequences (CSI, OSC, DCS, ...), C0 and C1 control characters and
 * bidirectional overrides are removed; tabs become spaces; line and paragraph separators
 * become newlines (in text) or spaces (in one-line fields).
 */

// ESC-introduced sequences: CSI, OSC/DCS/SOS/PM/APC strings (terminated by BEL or ST), and two-byte escapes.
const escapeSequence =
	// eslint-disable-next-line no-control-regex
	/\u001B(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|[ -/]*[0-~]?)/g;
// 8-bit forms: CSI (0x9B) and string introducers (0x90 DCS, 0x9D OSC, 0x98, 0x9E, 0x9F) with their payload.
// eslint-disable-next-line no-control-regex
const c1Sequence = /\u009B[0-?]*[ -/]*[@-~]?|[\u0090\u0098\u009D\u009E\u009F][^\u0007\u001B\u009C]*(?:\u0007|\u009C)?/g;
// Remaining C0 (except tab and newline), DEL, C1 controls.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates; they could reorder what a person sees.
const bidiControl = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Byte-order marks and other invisible format characters that have no place in shown text.
const invisible = /[\uFEFF\uFFF9-\uFFFB]/g;

/** Removes escape sequences and control characters from multi-line text; keeps newlines. */
export function sanitizeText(text: string): string {
	if (isPlain(text)) return text;
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[\u2028\u2029\u0085]/g, '\n')
		.replace(escapeSequence, '')
		.replace(c1Sequence, '')
		.replace(/\t/g, '    ')
		.replace(controlCharacter, '')
		.replace(bidiControl, '')
		.replace(invisible, '');
}

/** Like sanitizeText, for one-line fields (titles, categories, file names): whitespace runs become one space. */
export function sanitizeLine(text: string): string {
	return sanitizeText(text).replace(/\s+/g, ' ').trim();
}

/** True when text contains nothing sanitizeText would change (a fast path for clean input). */
function isPlain(text: string): boolean {
	// eslint-disable-next-line no-control-regex
	return !/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFEFF\uFFF9-\uFFFB]/.test(text);
}
