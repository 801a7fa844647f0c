/** Calendar days typed by a person (`2024-11-05`), and filtering and jumping by them. Local time. */
import type {Post} from './types.js';

/** One local calendar day as [start, end) in milliseconds since the epoch, and how to show it. */
export type Day = {readonly start: number; readonly end: number; readonly text: string};

/**
 * Reads `YYYY-MM-DD` (also `YYYY/MM/DD`, `YYYY.MM.DD`, one-digit month and day) as a local day.
 * Undefined for anything else, or a day that does not exist (2024-02-30).
 */
export function parseDay(text: string): Day | undefined {
	const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(year, month - 1, day);
	if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return undefined;
	const next = new Date(year, month - 1, day + 1);
	const text_ = `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return {start: date.getTime(), end: next.getTime(), text: text_};
}

/**
 * Posts dated on or after the `since` day and on or before the `until` day (either may be
 * undefined). When a bound is given, posts without a date are left out.
 */
export function filterByDate(posts: readonly Post[], since: Day | undefined, until: Day | undefined): readonly Post[] {
	if (since === undefined && until === undefined) return posts;
	return posts.filter(
		post => post.date !== undefined && (since === undefined || post.date >= since.start) && (until === undefined || post.date < until.end),
	);
}

/**
 * In a list sorted newest first (undated last), the index of the newest post of the day, or of
 * the nearest older day when that day has none; -1 when every dated post is newer.
 */
export function indexOfDay(posts: readonly Post[], day: Day): number {
	let low = 0;
	let high = posts.length;
	// First index whose post is older than the end of the day (undated posts count as oldest).
	while (low < high) {
		const middle = (low + high) >>> 1;
		const date = posts[middle]!.date;
		if (date !== undefined && date >= day.end) low = middle + 1;
		else high = middle;
	}
	return low < posts.length && posts[low]!.date !== undefined ? low : -1;
}
