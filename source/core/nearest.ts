/** Names close to one typed: for saying what was meant when a name matches nothing. */

/** Edit distance (insertions, deletions, substitutions) between two strings, by code point. */
export function editDistance(a: string, b: string): number {
	const left = [...a];
	const right = [...b];
	let previous = Array.from({length: right.length + 1}, (_, index) => index);
	for (const [row, char] of left.entries()) {
		const current = [row + 1];
		for (const [column, other] of right.entries()) {
			current.push(Math.min(previous[column + 1]! + 1, current[column]! + 1, previous[column]! + (char === other ? 0 : 1)));
		}
		previous = current;
	}
	return previous[right.length]!;
}

/**
 * Up to `count` of `names` nearest to `wanted`, ignoring case: names containing it (or contained
 * in it) first, then by edit distance; names too far to be a slip (more than half their length
 * off) are left out. Ties keep the order of `names`.
 */
export function nearestNames(wanted: string, names: readonly string[], count = 3): string[] {
	const needle = wanted.toLowerCase();
	const scored = names.map((name, order) => {
		const lower = name.toLowerCase();
		const contains = lower.includes(needle) || needle.includes(lower);
		return {name, order, contains, distance: editDistance(needle, lower)};
	});
	return scored
		.filter(entry => entry.contains || entry.distance <= Math.max(1, Math.floor(Math.max([...entry.name].length, [...needle].length) / 2)))
		.sort((a, b) => Number(b.contains) - Number(a.contains) || a.distance - b.distance || a.order - b.order)
		.slice(0, count)
		.map(entry => entry.name);
}
