/**
 * Fitting text to a number of terminal cells: cutting with an ellipsis, padding, and the width
 * helpers the layout shares. No line breaking here (see layout.ts), so the list screens can use
 * it without loading the Unicode line-break tables.
 */
import {displayWidth, graphemeSegments, rangeWidthOf} from './width.js';

/**
 * The grapheme clusters of `text` (what a person sees as one character), each with its offset.
 * Text made only of characters whose width is certain from their range (see width.ts) has no
 * combining characters, so each of its code units is a cluster and no segmenter is needed.
 */
export function graphemeClusters(text: string): Iterable<{readonly segment: string; readonly index: number}> {
	if (rangeWidthOf(text) !== undefined) return codeUnits(text);
	return graphemeSegments(text);
}

function* codeUnits(text: string): Generator<{readonly segment: string; readonly index: number}> {
	for (let index = 0; index < text.length; index++) yield {segment: text[index]!, index};
}

/** Cuts `text` to at most `width` cells, ending with `ellipsis` when something was cut; never splits a character. */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
	const max = width >= 0 ? Math.floor(width) : 0;
	if (textWidth(text) <= max) return text;
	const ellipsisWidth = textWidth(ellipsis);
	if (ellipsisWidth > max) return cutToWidth(ellipsis, max);
	return trimEndSpaces(cutToWidth(text, max - ellipsisWidth)) + ellipsis;
}

/** Pads `text` with spaces to exactly `width` cells, truncating it (with an ellipsis) first when it is wider. */
export function padToWidth(text: string, width: number): string {
	const max = width >= 0 ? Math.floor(width) : 0;
	const fitted = truncateToWidth(text, max);
	return fitted + ' '.repeat(Math.max(0, max - textWidth(fitted)));
}

const widthCache = new Map<string, number>();

/** displayWidth, remembered for short strings. */
export function cachedWidth(text: string): number {
	let width = widthCache.get(text);
	if (width === undefined) {
		width = displayWidth(text);
		if (widthCache.size >= 16384) widthCache.clear();
		widthCache.set(text, width);
	}
	return width;
}

/** Whether text[from, to) is printable ASCII only (one cell a character). */
export function isPrintableAscii(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 || c > 0x7e) return false;
	}
	return true;
}

/** Display width of `text` in cells. */
export function textWidth(text: string): number {
	return isPrintableAscii(text, 0, text.length) ? text.length : displayWidth(text);
}

/** Display width of text[from, to); printable ASCII counts one cell a character. */
export function rangeWidth(text: string, from: number, to: number): number {
	if (isPrintableAscii(text, from, to)) return to - from;
	const slice = text.slice(from, to);
	return slice.length <= 16 ? cachedWidth(slice) : displayWidth(slice);
}

/** The longest start of `text` at most `max` cells wide, cut between grapheme clusters. */
export function cutToWidth(text: string, max: number): string {
	if (isPrintableAscii(text, 0, text.length)) return text.slice(0, Math.max(0, max));
	let used = 0;
	let end = 0;
	for (const {segment, index} of graphemeClusters(text)) {
		const cells = segment.length <= 16 ? cachedWidth(segment) : displayWidth(segment);
		if (used + cells > max) break;
		used += cells;
		end = index + segment.length;
	}
	return text.slice(0, end);
}

/** `text` without the spaces at its end. */
export function trimEndSpaces(text: string): string {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
	return end === text.length ? text : text.slice(0, end);
}

/**
 * Wraps a short message into rows no wider than `width` cells: at spaces, and inside a word only
 * when the word alone is wider than a row. For notes on screen; articles are laid out by layout.ts.
 */
export function wrapWords(text: string, width: number): string[] {
	const max = width >= 1 ? Math.floor(width) : 1;
	const rows: string[] = [];
	for (const line of text.split('\n')) {
		let row = '';
		for (let word of line.split(' ')) {
			const joined = row === '' ? word : `${row} ${word}`;
			if (textWidth(joined) <= max) {
				row = joined;
				continue;
			}

			if (row !== '') rows.push(row);
			while (textWidth(word) > max) {
				const head = cutToWidth(word, max) || [...word][0]!;
				rows.push(head);
				word = word.slice(head.length);
			}

			row = word;
		}

		rows.push(row);
	}

	return rows;
}
