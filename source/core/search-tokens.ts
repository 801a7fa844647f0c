/**
 * The words search compares: a folded text cut into tokens. A run of letters, digits and marks is
 * one token; each character of a script written without spaces (Chinese, Japanese, Korean, Thai,
 * Lao, Khmer, Myanmar) is a token of its own, so any run of such characters can be found as a
 * phrase of tokens. Everything else separates tokens. The full-text index stores exactly these
 * tokens, so it and the plain matcher agree.
 */

const scripts = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;
const ownToken = new RegExp(`^[${scripts}]$`, 'u');
const wordCharacter = /^[\p{L}\p{N}\p{M}]$/u;

const separator = 0;
const word = 1;
const single = 2;
type Kind = typeof separator | typeof word | typeof single;

function kindOf(character: string): Kind {
	if (ownToken.test(character)) return single;
	return wordCharacter.test(character) ? word : separator;
}

const unknown = 3;
/** The kind of each BMP code unit, found on first sight (`unknown` until then). */
const bmpKinds = new Uint8Array(0x1_00_00).fill(unknown);
const astralKinds = new Map<number, Kind>();

const utf16 = new TextDecoder('utf-16le');

/**
 * The tokens of an already folded text (see foldText) as one string: tokens in order, one space
 * between two, none before the first or after the last ('' when the text holds no token).
 */
export function tokenText(folded: string): string {
	const out = new Uint16Array(folded.length * 2);
	let length = 0;
	let previous: Kind = separator;
	for (let index = 0; index < folded.length; index++) {
		const code = folded.charCodeAt(index);
		let kind: Kind;
		let units = 1;
		if (code >= 0xd8_00 && code <= 0xdb_ff && index + 1 < folded.length) {
			const low = folded.charCodeAt(index + 1);
			if (low >= 0xdc_00 && low <= 0xdf_ff) {
				const point = (code - 0xd8_00) * 0x4_00 + (low - 0xdc_00) + 0x1_00_00;
				let known = astralKinds.get(point);
				if (known === undefined) {
					known = kindOf(String.fromCodePoint(point));
					astralKinds.set(point, known);
				}
				kind = known;
				units = 2;
			} else kind = separator;
		} else {
			let known = bmpKinds[code]!;
			if (known === unknown) {
				known = code >= 0xd8_00 && code <= 0xdf_ff ? separator : kindOf(String.fromCharCode(code));
				bmpKinds[code] = known;
			}
			kind = known as Kind;
		}
		if (kind !== separator) {
			if (length > 0 && (kind === single || previous !== word)) out[length++] = 0x20;
			out[length++] = code;
			if (units === 2) out[length++] = folded.charCodeAt(index + 1);
		}
		previous = kind === single ? separator : kind;
		index += units - 1;
	}
	return utf16.decode(out.subarray(0, length));
}

/** The tokens of an already folded text, in order. */
export function tokensOf(folded: string): string[] {
	const text = tokenText(folded);
	return text === '' ? [] : text.split(' ');
}

/**
 * A token that never comes from text or a query (a private-use character): put between the values
 * of a list field (categories, tags), so that a phrase never spans two of them.
 */
export const boundaryToken = '\ue000';
