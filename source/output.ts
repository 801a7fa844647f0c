import {formatDay, formatTime} from './core/dates.js';
import {sanitizeLine} from './core/sanitize.js';
import type {Article, Post} from './core/types.js';

/** `YYYY-MM-DD HH:MM`, `YYYY-MM-DD`, or `-` when the post has no date. */
export function listDate(post: Post): string {
	if (post.date === undefined) return '-';
	return post.hasTime ? `${formatDay(post.date)} ${formatTime(post.date)}` : formatDay(post.date);
}

/**
 * One post as a tab-separated line: date, categories, title, path, and the matching line of a
 * search when given (no tabs or controls inside fields).
 */
export function formatListLine(post: Post, match?: string): string {
	const field = (text: string) => sanitizeLine(text).replace(/\t/g, ' ');
	const fields = [listDate(post), field(post.categories.join(',')), field(post.title), field(post.path)];
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
