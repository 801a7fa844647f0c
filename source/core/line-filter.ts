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

/**
 * A test for lines that may hold one of the terms, or undefined when no quick test can be made
 * (some term does not start with a Chinese character).
 */
export function lineFilter(terms: readonly QueryTerm[]): ((line: string) => boolean) | undefined {
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
	return line => {
		for (let index = 0; index < line.length; index++) if (wanted[line.charCodeAt(index)] === 1) return true;
		return false;
	};
}
