/**
 * Scrolling an article as pure functions: the first visible line, clamped so the last screen is
 * full, and carried across a change of width by the text it shows.
 */
import type {LaidOutLine} from '../core/types.js';

/** Moves the reader understands. */
export type ReaderMove = 'down' | 'up' | 'pageDown' | 'pageUp' | 'halfDown' | 'halfUp' | 'top' | 'bottom';

/** The largest first line that still fills the screen (0 when everything fits). */
export function maxTop(lineCount: number, rows: number): number {
	return Math.max(0, lineCount - Math.max(1, rows));
}

/** A first line inside [0, maxTop]. */
export function clampTop(top: number, lineCount: number, rows: number): number {
	return Math.min(Math.max(0, top), maxTop(lineCount, rows));
}

/** The first visible line after one move; a page keeps one line of context. */
export function scrollReader(top: number, move: ReaderMove, lineCount: number, rows: number): number {
	const height = Math.max(1, rows);
	const page = Math.max(1, height - 1);
	const half = Math.max(1, Math.floor(height / 2));
	const current = clampTop(top, lineCount, height);
	switch (move) {
		case 'down':
			return clampTop(current + 1, lineCount, height);
		case 'up':
			return clampTop(current - 1, lineCount, height);
		case 'pageDown':
			return clampTop(current + page, lineCount, height);
		case 'pageUp':
			return clampTop(current - page, lineCount, height);
		case 'halfDown':
			return clampTop(current + half, lineCount, height);
		case 'halfUp':
			return clampTop(current - half, lineCount, height);
		case 'top':
			return 0;
		case 'bottom':
			return maxTop(lineCount, height);
	}
}

/**
 * The line of `to` that shows the text `from[top]` showed: both are layouts of the same document
 * at different widths, so counting the visible (non-space) characters before a line finds the
 * same place in the other layout. Falls back to the same fraction when there is no text.
 */
export function mapTop(from: readonly LaidOutLine[], top: number, to: readonly LaidOutLine[]): number {
	if (top <= 0 || to.length === 0) return 0;
	// The old layout is not known: keep the line number.
	if (from.length === 0) return Math.min(top, to.length - 1);
	if (top >= from.length) return to.length - 1;
	let before = 0;
	let total = 0;
	for (const [index, line] of from.entries()) {
		const size = visibleChars(line.text);
		if (index < top) before += size;
		total += size;
	}
	let otherTotal = 0;
	for (const line of to) otherTotal += visibleChars(line.text);
	if (total === 0 || otherTotal === 0) return Math.min(to.length - 1, Math.round((top / from.length) * to.length));
	// Prefixes repeated on wrapped rows (quotes) make the totals differ a little; scale to match.
	const target = otherTotal === total ? before : Math.round((before * otherTotal) / total);
	let seen = 0;
	for (const [index, line] of to.entries()) {
		const size = visibleChars(line.text);
		// The first line that holds the character `before` (the first one shown before the change).
		if (seen + size > target) return index;
		seen += size;
	}
	return to.length - 1;
}

/** Where the reader stands: the first visible line, and the width that line number belongs to. */
export type ReaderPosition = {readonly top: number; readonly width: number};

/**
 * The position carried to `width`: unchanged when the width is the same, otherwise mapped from
 * the layout at the old width to the layout at the new one. `linesAt` gives a layout for a width.
 */
export function positionAt(
	position: ReaderPosition,
	width: number,
	rows: number,
	linesAt: (width: number) => readonly LaidOutLine[],
): ReaderPosition {
	const lines = linesAt(width);
	if (position.width === width) {
		const top = clampTop(position.top, lines.length, rows);
		return top === position.top ? position : {top, width};
	}
	const top = position.top === 0 ? 0 : mapTop(linesAt(position.width), position.top, lines);
	return {top: clampTop(top, lines.length, rows), width};
}

function visibleChars(text: string): number {
	let count = 0;
	for (const character of text) if (character.trim() !== '') count++;
	return count;
}
