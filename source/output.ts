import {formatDay, formatTime} from './core/dates.js';
import {sanitizeLine} from './core/sanitize.js';
import type {Article, Post} from './core/types.js';

/** `YYYY-MM-DD HH:MM`, `YYYY-MM-DD`, or `-` when the post has no date. */
export function listDate(post: Post): string {
	if (post.date === undefined) return '-';
	return post.hasTime ? `${formatDay(post.date)} ${formatTime(post.date)}` : formatDay(post.date);
}

// Characters a path field cannot hold as they are: the escape character itself, controls (C0,
// DEL, C1), and invisible format characters, line and paragraph separators.
const needsEscape = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const needsEscapeAll = new RegExp(needsEscape.source, 'gu');
const namedEscapes: Record<string, string> = {'\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r'};

/**
 * A path as one field of a line, naming the file exactly: as it is, except that a backslash becomes
 * `\\`, tab, newline and carriage return `\t` `\n` `\r`, other ASCII controls `\xHH`, and other
 * controls and invisible characters `\uHHHH` (`\UHHHHHHHH` beyond U+FFFF): C escapes that bash's
 * `printf '%b'` turns back into the name.
 */
export function escapePath(filePath: string): string {
	if (!needsEscape.test(filePath)) return filePath;
	return filePath.replace(needsEscapeAll, char => {
		const named = namedEscapes[char];
		if (named !== undefined) return named;
		const code = char.codePointAt(0)!;
		if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
		return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
	});
}

/**
 * One post as a tab-separated line: date, categories, title, path, and the matching line of a
 * search when given. Shown text (categories, title, match) is sanitized, with no tabs; the path
 * names the file exactly (see escapePath).
 */
export function formatListLine(post: Post, match?: string): string {
	const field = (text: string) => sanitizeLine(text).replace(/\t/g, ' ');
	const fields = [listDate(post), field(post.categories.join(',')), field(post.title), escapePath(post.path)];
	if (match !== undefined) fields.push(field(match));
	return fields.join('\t');
}

/**
 * One post as a JSON line with path, title, date (ISO 8601 or null), categories, tags, link, author,
 * and `match` (the matching line of a search) when given.
 * C1 controls and bidi controls are escaped too, so the line is safe to show in a terminal.
 */
export function formatJsonLine(post: Post, match?: string): string {
	const json = JSON.stringify({
		path: post.path,
		title: post.title,
		date: post.date === undefined ? null : new Date(post.date).toISOString(),
		categories: post.categories,
		tags: post.tags,
		link: post.link ?? null,
		author: post.author ?? null,
		...(match === undefined ? {} : {match}),
	});
	return json.replace(/[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An article as plain text, one row a line, ending with a newline. */
export function formatArticle(article: Article): string {
	return article.lines.map(line => line.text).join('\n') + '\n';
}
