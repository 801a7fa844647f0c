/**
 * Pelican / MultiMarkdown metadata headers: a post that opens, without any fence, with
 * `Title: …`, `Date: …`, `Category: …`, `Tags: …`, `Authors: …` lines ended by a blank line.
 */

/** Field names that mark such a header; at least one must be present. */
const knownKeys = new Set(['title', 'date', 'category', 'categories', 'tags', 'tag', 'author', 'authors', 'slug', 'summary', 'modified']);
const keyLine = /^([A-Za-z][\w -]{0,29}?)[ \t]*:[ \t]*(.*)$/;
/** Fields whose value is a comma-separated list. */
const listKeys = new Set(['tags', 'tag', 'keywords', 'authors']);
const maxHeaderLines = 40;

/** A post split at its metadata header. */
export type MetadataHeader = {
	readonly data: Record<string, unknown>;
	readonly body: string;
	readonly warnings: readonly string[];
	readonly hasFrontMatter: true;
	readonly unclosed: false;
};

/**
 * The header's fields (names lower-cased; `tags` and `authors` as lists, `category` as one name)
 * and the body after the blank line that ends it. Undefined when the lines do not open with a
 * header that names a title or date: a body that only starts with a `Date:` line is left alone
 * unless a known field follows it.
 */
export function readMetadataHeader(lines: readonly string[]): MetadataHeader | undefined {
	const data: Record<string, unknown> = {};
	let known = 0;
	let lastKey: string | undefined;
	let end = -1;
	for (let index = 0; index < Math.min(lines.length, maxHeaderLines + 1); index++) {
		const line = lines[index]!;
		if (line.trim() === '') {
			end = index;
			break;
		}

		const match = keyLine.exec(line);
		if (match && !/^\s/.test(line)) {
			const key = match[1]!.toLowerCase().replace(/\s+/g, '_');
			const value = match[2]!.trim();
			lastKey = key;
			if (knownKeys.has(key)) known++;
			if (!(key in data)) data[key] = listKeys.has(key) ? splitList(value) : value;
			continue;
		}

		// MultiMarkdown continues a value on indented lines.
		if (lastKey !== undefined && /^\s/.test(line) && typeof data[lastKey] === 'string') {
			data[lastKey] = `${String(data[lastKey])} ${line.trim()}`;
			continue;
		}

		return undefined;
	}

	if (end === -1 && lines.length <= maxHeaderLines) end = lines.length;
	if (end <= 0 || known < 2 || !('title' in data || 'date' in data)) return undefined;
	if (typeof data['category'] === 'string') data['category'] = [data['category']];
	return {data, body: lines.slice(end + 1).join('\n'), warnings: [], hasFrontMatter: true, unclosed: false};
}

function splitList(value: string): string[] {
	return value
		.split(value.includes(',') ? ',' : ';')
		.map(item => item.trim())
		.filter(Boolean);
}
