/** Text of the list screen's rows, header and status line, fitted to a width in display cells. */
import stringWidth from 'string-width';
import {formatDay, formatTime} from '../core/dates.js';
import {padToWidth, truncateToWidth} from '../core/fit.js';
import type {Post} from '../core/types.js';

/** Marker in front of the selected row: visible even where inverse video is not. */
export const selectedMarker = '› ';
export const unselectedMarker = '  ';

/** Column widths of a list row; they always add up to at most the width they were made for. */
export type ListColumns = {
	readonly showTime: boolean;
	readonly date: number;
	/** 0 when no post has a category or the screen is too narrow for the column. */
	readonly category: number;
	readonly title: number;
};

/** Narrower than this, times are left out of the date column. */
const timeMinWidth = 50;

/**
 * Columns for a list `width` cells wide. `anyTime`: some post has a time of day;
 * `categoryWidth`: the widest category name (0 when there are none).
 */
export function listColumns(width: number, anyTime: boolean, categoryWidth: number): ListColumns {
	const showTime = anyTime && width >= timeMinWidth;
	// The selection marker, then the unread marker, the star (or half-read) marker and a space.
	const marker = stringWidth(selectedMarker) + 3;
	const date = Math.max(0, Math.min(showTime ? 16 : 10, width - marker - 1));
	const rest = Math.max(0, width - marker - date - 1);
	const category = categoryWidth === 0 || rest < 12 ? 0 : Math.min(categoryWidth, 16, Math.max(4, Math.floor(rest * 0.25)));
	const title = Math.max(0, rest - (category === 0 ? 0 : category + 1));
	return {showTime, date, category, title};
}

/** `YYYY-MM-DD`, plus ` HH:MM` when wanted and known; dashes when the post has no date. */
export function formatPostDate(post: Post, showTime: boolean): string {
	if (post.date === undefined) return '----------';
	const day = formatDay(post.date);
	return showTime && post.hasTime ? `${day} ${formatTime(post.date)}` : day;
}

/** The day a post belongs to (local time), for spotting where the day changes. */
export function dayOf(post: Post | undefined): string | undefined {
	return post?.date === undefined ? undefined : formatDay(post.date);
}

/** The cells of one list row, each padded to its column; joined with spaces they fit the width. */
export function listRowCells(post: Post, columns: ListColumns): {date: string; category: string; title: string} {
	return {
		date: padToWidth(formatPostDate(post, columns.showTime), columns.date),
		category: columns.category === 0 ? '' : padToWidth(post.categories[0] ?? '', columns.category),
		title: padToWidth(post.title || '(untitled)', columns.title),
	};
}

/** Marker of an unread post, in its own column: seen without colour (NO_COLOR) too. */
export const unreadMarker = '•';

/** Marker of a starred post, after the unread marker. */
export const starMarker = '*';

/** Marker of a post whose reading stopped partway (not starred), after the unread marker. */
export const halfReadMarker = '~';

/** The header: folder on the left, the parts (`shown/total posts`, restrictions, notes) on the right joined by ` · `, cut to fit. */
export function listHeader(folder: string, parts: readonly string[], width: number): {left: string; right: string} {
	const right = truncateToWidth(parts.join(' · '), width);
	const room = width - stringWidth(right) - 2;
	if (room < 4) return {left: '', right};
	return {left: padToWidth(truncateToWidth(folder, room), room) + '  ', right};
}

/** A status line: the parts joined by two spaces, cut to the width. */
export function statusText(parts: readonly string[], width: number): string {
	return truncateToWidth(parts.filter(part => part !== '').join('  '), width);
}

/**
 * A status line of key hints: `lead` (e.g. the reading position) cut to the width, then as many
 * hints (most important first) as fit whole; a hint that does not fit is left out, not cut.
 */
export function fitHints(lead: string, hints: readonly string[], width: number): string {
	let text = truncateToWidth(lead, width);
	for (const hint of hints) {
		const next = text === '' ? hint : `${text}  ${hint}`;
		if (stringWidth(next) <= width) text = next;
	}
	return text;
}
