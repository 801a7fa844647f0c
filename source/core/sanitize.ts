/**
 * Everything read from a post passes through here before it reaches a screen or a pipe.
 * Terminal escape sequences (CSI, OSC, DCS, ...), C0 and C1 control characters,
 * bidirectional overrides and invisible characters are removed; tabs become spaces; line and
 * paragraph separators become newlines (in text) or spaces (in one-line fields). An escape
 * string that is never terminated loses only its introducer: the text after it stays.
 */

// ESC-introduced sequences: CSI, OSC/DCS/SOS/PM/APC strings (with their payload only when terminated by BEL or ST), and two-byte escapes.
// A payload ends at the first BEL, ESC or C1 character, so a lone introducer costs no more than the text up to the next one.
const escapeSequence =
	// eslint-disable-next-line no-control-regex
	/\u001B(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_](?:[^\u0007\u001B\u0080-\u009F]*(?:\u0007|\u001B\\|\u009C))?|[ -/]*[0-~]?)/g;
// 8-bit forms: CSI (0x9B) and string introducers (0x90 DCS, 0x9D OSC, 0x98, 0x9E, 0x9F), with their payload when terminated.
// eslint-disable-next-line no-control-regex
const c1Sequence = /\u009B[0-?]*[ -/]*[@-~]?|[\u0090\u0098\u009D\u009E\u009F](?:[^\u0007\u001B\u0080-\u009F]*(?:\u0007|\u009C))?/g;
// Remaining C0 (except tab and newline), DEL, C1 controls.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates; they could reorder what a person sees.
const bidiControl = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Characters that show nothing: byte-order marks, zero-width spaces and joiners, invisible operators,
// fillers (Hangul, Mongolian vowel separator), interlinear annotations and tag characters. They make
// look-alike titles and split words a search looks for.
const invisible = /[\uFEFF\uFFF9-\uFFFB\u200B\u2060-\u2064\u180E\u3164\uFFA0\u115F\u1160]|\uDB40[\uDC00-\uDC7F]/g;
// Zero-width joiners and non-joiners are kept where they join something: in emoji sequences
// (👩‍💻) and in the scripts that shape letters with them; elsewhere (between Latin letters, say)
// they only hide a difference.
const joiner = /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\p{M}\p{sc=Arabic}\p{sc=Syriac}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}\p{sc=Khmer}\p{sc=Myanmar}])[\u200C\u200D]/gu;

/** Removes escape sequences, control and invisible characters from multi-line text; keeps newlines. */
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
		.replace(invisible, '')
		.replace(joiner, '');
}

/** Like sanitizeText, for one-line fields (titles, categories, file names): whitespace runs become one space. */
export function sanitizeLine(text: string): string {
	return sanitizeText(text).replace(/\s+/g, ' ').trim();
}

/** True when text contains nothing sanitizeText would change (a fast path for clean input). */
function isPlain(text: string): boolean {
	// eslint-disable-next-line no-control-regex
	return !/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\uFEFF\uFFF9-\uFFFB\u2060-\u2064\u180E\u3164\uFFA0\u115F\u1160\uDB40]/.test(text);
}
