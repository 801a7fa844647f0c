/**
 * Searching posts: a quick filter over what the list already knows (title, categories, tags,
 * author), full-text search inside one post's text, and finding a word in laid-out lines.
 * Latin letters match whatever their case; Chinese and Japanese match as typed.
 */
import {readPostText} from './post-text.js';
import {bodyOf} from './parse.js';
import {sanitizeText} from './sanitize.js';
import type {Post} from './types.js';

/**
 * Text folded for matching: lower case where that keeps every character in place (so an index
 * in the folded text is an index in the original), the character unchanged otherwise.
 */
export function foldCase(text: string): string {
	const lower = text.toLowerCase();
	if (lower.length === text.length) return lower;
	let folded = '';
	for (const character of text) {
		const small = character.toLowerCase();
		folded += small.length === character.length ? small : character;
	}
	return folded;
}

const haystacks = new WeakMap<Post, string>();

/** True when the query (trimmed; empty matches everything) occurs in the title, a category, a tag or the author. */
export function matchesPost(post: Post, query: string): boolean {
	const needle = foldCase(query.trim());
	if (needle === '') return true;
	let haystack = haystacks.get(post);
	if (haystack === undefined) {
		haystack = foldCase([post.title, ...post.categories, ...post.tags, post.author ?? ''].join('\n'));
		haystacks.set(post, haystack);
	}
	return haystack.includes(needle);
}

/** Posts whose title, categories, tags or author contain the query, in their order. */
export function filterPosts(posts: readonly Post[], query: string): readonly Post[] {
	if (query.trim() === '') return posts;
	return posts.filter(post => matchesPost(post, query));
}

/** Where a query occurs in one post: a line of its text around the first match. */
export type TextHit = {
	/** One line (no control characters), cut to about `contextWidth` characters around the match. */
	readonly context: string;
	/** How many times the query occurs in the post's text. */
	readonly count: number;
};

/** Characters of context kept around a match. */
const contextChars = 120;

/**
 * Searches a post's whole file text (front matter included in `text`, ignored here) for the
 * query: the body with tags, link targets and markup removed, then the title, categories, tags
 * and author. Undefined when the query does not occur or is empty.
 */
export function searchPostText(post: Post, text: string, query: string): TextHit | undefined {
	const needle = foldCase(query.trim());
	if (needle === '') return undefined;
	const {body, format} = bodyOf(text, post.path);
	const plain = plainText(body, format);
	const folded = foldCase(plain);
	let at = folded.indexOf(needle);
	if (at < 0) {
		return matchesPost(post, query) ? {context: metadataContext(post, needle), count: 1} : undefined;
	}
	const first = at;
	let count = 0;
	while (at >= 0 && count < 10_000) {
		count++;
		at = folded.indexOf(needle, at + needle.length);
	}
	return {context: lineAround(plain, first, needle.length), count};
}

/** A post's body as plain lines: HTML tags and entities, Markdown link targets and markers removed. */
export function plainText(body: string, format: 'html' | 'markdown'): string {
	let text = body;
	if (format === 'html' || /<\/?(?:p|div|br|span|a|section|figure|img)\b/i.test(text)) {
		text = text
			.replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
			.replace(/<!--[\s\S]*?-->/g, ' ')
			.replace(/<\/?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote|figure|figcaption|pre|ul|ol|table)\b[^>]*>/gi, '\n')
			.replace(/<[^>]*>/g, '')
			.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => decodeEntity(entity, name));
	}
	text = text
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^[ \t]*(?:#{1,6}|>|[-*+]|\d+\.)[ \t]+/gm, '')
		.replace(/(\*\*|__|`)/g, '');
	return sanitizeText(text);
}

const namedEntities: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–'};

function decodeEntity(entity: string, name: string): string {
	if (name.startsWith('#')) {
		const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
		// Control characters stay out: sanitizeText would drop them anyway, escapes never form.
		if (!Number.isFinite(code) || code < 32 || (code >= 127 && code < 160) || code > 0x10_ffff) return ' ';
		return String.fromCodePoint(code);
	}
	return namedEntities[name.toLowerCase()] ?? entity;
}

/** The line holding [at, at + length), on one line and cut to about contextChars around the match. */
function lineAround(text: string, at: number, length: number): string {
	const start = text.lastIndexOf('\n', at) + 1;
	const endOfLine = text.indexOf('\n', at + length);
	const end = endOfLine < 0 ? text.length : endOfLine;
	const short = end - start <= contextChars;
	const before = short ? start : Math.max(start, at - Math.floor(contextChars / 3));
	const after = short ? end : Math.min(end, Math.max(at + length, before + contextChars));
	const line = text.slice(before, after).replace(/\s+/g, ' ').trim();
	return (before > start ? '…' : '') + line + (after < end ? '…' : '');
}

function metadataContext(post: Post, needle: string): string {
	const fields = [post.title, post.author ?? '', ...post.categories, ...post.tags];
	return fields.find(field => foldCase(field).includes(needle)) ?? post.title;
}

/** One match in laid-out lines: line index and [start, end) in that line's text. */
export type LineMatch = {readonly line: number; readonly start: number; readonly end: number};

/** Every occurrence of the query in the lines, top to bottom, left to right (none for an empty query). */
export function findInLines(lines: readonly {readonly text: string}[], query: string): LineMatch[] {
	const needle = foldCase(query);
	const matches: LineMatch[] = [];
	if (needle.trim() === '') return matches;
	for (const [index, line] of lines.entries()) {
		const folded = foldCase(line.text);
		let at = folded.indexOf(needle);
		while (at >= 0) {
			matches.push({line: index, start: at, end: at + needle.length});
			at = folded.indexOf(needle, at + needle.length);
		}
	}
	return matches;
}

/** Reads a post from disk and searches it (see searchPostText). A file that cannot be read is no match. */
export function searchPostFile(post: Post, query: string): TextHit | undefined {
	let text: string;
	try {
		text = readPostText(post.path);
	} catch {
		return matchesPost(post, query) ? {context: post.title, count: 1} : undefined;
	}
	return searchPostText(post, text, query);
}
