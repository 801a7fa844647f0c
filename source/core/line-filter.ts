/**
 * A quick test that a line of text cannot hold a search term, without folding it: for a term that
 * starts with a Chinese character, a line holds it only if it holds a character that folds to that
 * one (itself, a Traditional or variant form of it), or one whose fold this test does not know
 * (compatibility forms, radicals, enclosed and astral characters). Any other line is passed over.
 * The test never passes over a line that foldText and tokenText would find the term in.
 */
import {isUnifiedHan, simplifiedUnit} from './fold.js';
import type {QueryTerm} from './query.js';

/** Code units whose fold may hold a character other than themselves from the table (NFKC maps them), or that are half a pair. */
function mayFoldAnywhere(code: number): boolean {
	return (
		(code >= 0x2e_80 && code <= 0x2f_df) || // radicals
		(code >= 0x30_38 && code <= 0x30_3a) || // Hangzhou numerals (〸 is 十)
		(code >= 0x31_90 && code <= 0x31_9f) || // kanbun
		(code >= 0x32_00 && code <= 0x33_ff) || // enclosed letters, compatibility (㊀ is 一)
		(code >= 0xf9_00 && code <= 0xfa_ff) || // compatibility ideographs
		(code >= 0xd8_00 && code <= 0xdf_ff) // astral characters
	);
}

const tables = new WeakMap<readonly QueryTerm[], Uint8Array | undefined>();

/** wantedUnits, made once for the same array of terms. */
function wantedUnits(terms: readonly QueryTerm[]): Uint8Array | undefined {
	if (!tables.has(terms)) tables.set(terms, makeWantedUnits(terms));
	return tables.get(terms);
}

/** Per BMP code unit, 1 for those a line must hold to hold one of the terms; undefined when no such set can be told. */
function makeWantedUnits(terms: readonly QueryTerm[]): Uint8Array | undefined {
	const starts = new Set<number>();
	for (const term of terms) {
		const first = term.tokens[0]?.charCodeAt(0) ?? 0;
		if (term.tokens[0]?.length !== 1 || !isUnifiedHan(first)) return undefined;
		starts.add(first);
	}

	if (starts.size === 0) return undefined;
	const wanted = new Uint8Array(0x1_00_00);
	for (const start of starts) wanted[start] = 1;
	for (let code = 0x34_00; code <= 0x9f_ff; code++) if (starts.has(simplifiedUnit(code))) wanted[code] = 1;
	for (let code = 0x2e_80; code <= 0xff_ff; code++) if (!isUnifiedHan(code) && mayFoldAnywhere(code)) wanted[code] = 1;
	return wanted;
}

/**
 * A test for lines that may hold one of the terms, or undefined when no quick test can be made
 * (some term does not start with a Chinese character).
 */
export function lineFilter(terms: readonly QueryTerm[]): ((line: string) => boolean) | undefined {
	const wanted = wantedUnits(terms);
	if (wanted === undefined) return undefined;
	return line => {
		for (let index = 0; index < line.length; index++) if (wanted[line.charCodeAt(index)] === 1) return true;
		return false;
	};
}

/**
 * Of a text in UTF-8, the lines that may hold one of the terms (see lineFilter), in their order,
 * one line each: the lines passed over are never decoded. The whole text when no quick test can
 * be made.
 */
export function candidateLines(bytes: Uint8Array, terms: readonly QueryTerm[]): string {
	const wanted = wantedUnits(terms);
	const decode = (start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
	if (wanted === undefined) return decode(0, bytes.length);
	const lines: string[] = [];
	let start = 0;
	let holds = false;
	for (let at = 0; at <= bytes.length; ) {
		const byte = at < bytes.length ? bytes[at]! : 0x0a;
		if (byte === 0x0a) {
			if (holds) lines.push(decode(start, at));
			start = ++at;
			holds = false;
		} else if (byte < 0xe0 || holds) {
			// ASCII and two-byte characters (below U+0800) never fold to a Chinese character.
			at++;
		} else if (byte < 0xf0) {
			const code = ((byte & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f);
			holds = wanted[code] === 1;
			at += 3;
		} else {
			// Beyond the BMP: as a pair of surrogates, always a candidate.
			holds = true;
			at += 4;
		}
	}

	return lines.join('\n');
}
