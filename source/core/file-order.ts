import {comparePosts} from './library.js';
import type {Post} from './types.js';

/**
 * The positions of `files` in the order they are best read to show the newest posts soon: names
 * that start with a day (YYYY-MM-DD, as Jekyll and Hugo write them), newest day first, then all
 * other names; otherwise in the given order. Only a guess at the listed order: the posts' own
 * dates decide the list.
 */
export function likelyNewestFirst(files: readonly string[]): number[] {
	// One number per file, sorted as numbers (fast for 100k files): days to come, then the position.
	const keys = new Float64Array(files.length);
	// Plain index loops here and below: this runs once per file before the first frame, mostly
	// before the code is optimized, where iterators cost more than the work.
	for (let index = 0; index < files.length; index++) keys[index] = (99_999_999 - dayOfName(files[index]!)) * positions + index;
	keys.sort();
	return Array.from(keys, key => key % positions);
}

/**
 * Whether two file names start with the same day (YYYY-MM-DD). Names of one day are in no
 * particular order of time, so a first batch read newest day first ends at a day's end.
 */
export function sameNameDay(a: string, b: string): boolean {
	const day = dayOfName(a);
	return day >= 0 && day === dayOfName(b);
}

/** More files than a folder will hold; keeps `day * positions + index` an exact integer. */
const positions = 2 ** 24;

/** The day a file name starts with as YYYYMMDD, or -1. */
function dayOfName(file: string): number {
	const at = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1;
	if (file.length < at + 10 || file.charCodeAt(at + 4) !== 0x2d || file.charCodeAt(at + 7) !== 0x2d) return -1;
	let day = 0;
	for (let offset = 0; offset < 10; offset++) {
		if (offset === 4 || offset === 7) continue;
		const digit = file.charCodeAt(at + offset) - 0x30;
		if (digit < 0 || digit > 9) return -1;
		day = day * 10 + digit;
	}

	return day;
}

/** Merges two lists each sorted as sortPosts sorts into one sorted list, in linear time. */
export function mergeSorted(a: readonly Post[], b: readonly Post[]): Post[] {
	const merged: Post[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) merged.push(comparePosts(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
	while (i < a.length) merged.push(a[i++]!);
	while (j < b.length) merged.push(b[j++]!);
	return merged;
}
