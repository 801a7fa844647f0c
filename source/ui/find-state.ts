/** Find in the article (`/`, `n`, `N` in the reader), as pure functions over laid-out lines. */
import type {LineMatch} from '../core/search.js';
import {clampTop} from './reader-state.js';

/** The word being found and which of its matches is current (-1: none chosen yet). */
export type Find = {readonly query: string; readonly index: number};

/**
 * The match `step` away from the current one, wrapping around. With none current, the first
 * match at or below the top line (step 1) or the last one above the bottom of the screen (step -1).
 * -1 when there are no matches.
 */
export function stepMatch(matches: readonly LineMatch[], index: number, top: number, rows: number, step: 1 | -1): number {
	if (matches.length === 0) return -1;
	if (index >= 0 && index < matches.length) return (index + step + matches.length) % matches.length;
	if (step === 1) {
		const next = matches.findIndex(match => match.line >= top);
		return next < 0 ? 0 : next;
	}
	for (let at = matches.length - 1; at >= 0; at--) if (matches[at]!.line < top + rows) return at;
	return matches.length - 1;
}

/** The first line to show so that `line` is on screen: unchanged when it already is, else one line of context above it. */
export function revealLine(line: number, top: number, lineCount: number, rows: number): number {
	if (line >= top && line < top + rows) return top;
	return clampTop(line - 1, lineCount, rows);
}
