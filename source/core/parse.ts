import fs from 'node:fs';
import path from 'node:path';
import {decodeBytes} from './decode.js';
import {dateFromFileName, dateFromPath, dateInBody, parseDate} from './dates.js';
import {openRegularFile} from './safe-open.js';
import {splitFrontMatter, startsWithFrontMatter} from './front-matter.js';
import {sanitizeLine} from './sanitize.js';
import type {Post, Skipped} from './types.js';

/** How much of a file is read to list it: front matter and the first lines of the body. */
const headBytes = 4 * 1024;
/** A front matter longer than this is not searched for its end. */
const maxHeadBytes = 1024 * 1024;
const linkKeys = ['from', 'link', 'url', 'source', 'external_url', 'canonical_url', 'original_url', 'permalink_url'];
const maxListItems = 64;

/** Extensions that are always posts; `.txt` is a post only when it opens with front matter. */
export const postExtensions = new Set(['.md', '.markdown', '.html', '.htm', '.txt']);

/** File facts the parser keeps with a post. */
export type FileFacts = {readonly size: number; readonly mtimeMs: number};

/** Reads what the list needs from one post file (its head only), or says why it cannot. */
export function readPostHead(filePath: string): Post | Skipped | undefined {
	let fd: number | undefined;
	try {
		const opened = openRegularFile(filePath);
		fd = opened.fd;
		const {stat} = opened;
		let length = Math.min(stat.size, headBytes);
		let buffer = Buffer.alloc(length);
		let read = fs.readSync(fd, buffer, 0, length, 0);
		let head = decodeBytes(buffer.subarray(0, read), read === stat.size);
		if (head.binary) return {path: filePath, reason: 'binary file, not a post'};
		// Read further only when the front matter has not closed yet.
		if (read < stat.size && startsWithFrontMatter(head.text) && splitFrontMatter(head.text).unclosed) {
			length = Math.min(stat.size, maxHeadBytes);
			buffer = Buffer.alloc(length);
			read = fs.readSync(fd, buffer, 0, length, 0);
			head = decodeBytes(buffer.subarray(0, read), read === stat.size);
		}

		if (path.extname(filePath).toLowerCase() === '.txt' && !startsWithFrontMatter(head.text)) return undefined;
		const complete = read === stat.size;
		const post = parsePost(head.text, filePath, {size: stat.size, mtimeMs: stat.mtimeMs}, complete);
		return head.note ? {...post, warnings: [head.note, ...post.warnings]} : post;
	} catch (error) {
		return {path: filePath, reason: describeFileError(error)};
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

/**
 * Builds a Post from a file's text (whole or its head). Title, date, categories, tags, link and
 * author fall back as documented in the readme; every string is sanitized.
 */
export function parsePost(text: string, filePath: string, facts: FileFacts, complete = true): Post {
	const split = splitFrontMatter(text);
	const data = split.data;
	const warnings: string[] = [...split.warnings];
	// An unclosed fence in a head that was cut short is not yet known to be unclosed.
	if (!complete && split.unclosed) warnings.splice(0, warnings.length, 'front matter is too long to read');
	const heading = leadingHeading(split.body);
	const baseName = path.basename(filePath);

	let title = scalarText(data['title']);
	if (!title && heading?.title) title = heading.title;
	if (!title) {
		if (split.hasFrontMatter) warnings.push('no title; using the file name');
		title = titleFromFileName(baseName);
	}

	let date = parseDate(data['date'] ?? data['published'] ?? data['pubDate'] ?? data['created']);
	const rawDate = data['date'];
	if (!date && rawDate !== undefined && rawDate !== null && rawDate !== '') {
		warnings.push(`unreadable date ${JSON.stringify(sanitizeLine(String(scalarText(rawDate) ?? typeof rawDate)).slice(0, 40))}`);
	}

	// Zola keeps the day in `path = "2024/10/02/slug"`; else the file name; else a `Date:` line at the top of the body.
	date ??= dateFromPath(scalarText(data['path'])) ?? dateFromFileName(baseName) ?? dateInBody(split.body);

	const taxonomies = isRecord(data['taxonomies']) ? data['taxonomies'] : {};
	const categories = listOf(data['categories'] ?? data['category'] ?? taxonomies['categories'] ?? taxonomies['category']);
	const tags = listOf(data['tags'] ?? data['tag'] ?? data['keywords'] ?? taxonomies['tags'] ?? taxonomies['tag']);
	const extra = isRecord(data['extra']) ? data['extra'] : {};
	let link: string | undefined;
	for (const key of linkKeys) {
		const value = scalarText(data[key]);
		if (value && (key !== 'source' || value.includes('://'))) {
			link = value;
			break;
		}
	}

	link ??= heading?.link;

	return {
		path: filePath,
		title,
		date: date?.ms,
		hasTime: date?.hasTime ?? false,
		categories,
		tags,
		link,
		author: authorOf(data['author'] ?? data['authors'] ?? data['by'] ?? extra['author'] ?? extra['authors']),
		warnings,
		size: facts.size,
		mtimeMs: facts.mtimeMs,
	};
}

/** The body of a post as stored (everything after the front matter) and how to read it. */
export type PostBody = {readonly body: string; readonly format: 'html' | 'markdown'; readonly warnings: readonly string[]};

/** Splits a post's full text into its body and format (by extension, else by a look at the body). */
export function bodyOf(text: string, filePath: string): PostBody {
	const split = splitFrontMatter(text);
	const extension = path.extname(filePath).toLowerCase();
	const format = extension === '.html' || extension === '.htm' ? 'html' : 'markdown';
	return {body: split.body, format, warnings: split.warnings};
}

/** A leading `[title](url)` line underlined with `---`/`===`, or a `# heading`, at the top of a body. */
function leadingHeading(body: string): {title?: string; link?: string} | undefined {
	const lines = body.replace(/^\s*(?:<!--[\s\S]*?-->\s*)*/, '').split(/\r\n|\r|\n/, 3);
	const first = lines[0]?.trim() ?? '';
	const linked = /^\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)$/.exec(first);
	const underlined = /^(?:-{3,}|={3,})$/.test(lines[1]?.trim() ?? '');
	if (linked && underlined) return {title: sanitizeLine(linked[1]!) || undefined, link: sanitizeLine(linked[2]!)};
	const atx = /^#{1,2}\s+(.+?)\s*#*$/.exec(first);
	if (atx) return {title: sanitizeLine(atx[1]!.replace(/^\[([^\]]*)\]\([^)]*\)$/, '$1')) || undefined};
	if (underlined && first && !first.startsWith('<')) return {title: sanitizeLine(first) || undefined};
	return undefined;
}

/** Title from a file name: extension and a leading date removed, dashes and underscores as spaces. */
function titleFromFileName(name: string): string {
	const stem = name.replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}[-_ ]?/, '');
	return sanitizeLine(stem.replace(/[-_]+/g, ' ')) || sanitizeLine(name) || '(untitled)';
}

/** A string or number field as one sanitized line; undefined for anything else or empty. */
function scalarText(value: unknown): string | undefined {
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
		const text = sanitizeLine(String(value));
		return text === '' ? undefined : text;
	}

	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
	return undefined;
}

/** A list field (YAML list, or a string of space- or comma-separated words) as sanitized strings. */
function listOf(value: unknown): string[] {
	const items: string[] = [];
	const add = (text: string | undefined) => {
		if (text && !items.includes(text) && items.length < maxListItems) items.push(text);
	};

	if (Array.isArray(value)) {
		for (const item of value.slice(0, maxListItems)) add(scalarText(item));
	} else if (typeof value === 'string') {
		for (const word of value.split(value.includes(',') ? ',' : /\s+/)) add(scalarText(word));
	} else add(scalarText(value));
	return items;
}

/** An author given as a string, a list, or a table with a name. */
function authorOf(value: unknown): string | undefined {
	const nameOf = (item: unknown): string | undefined => {
		if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
			const record = item as Record<string, unknown>;
			return scalarText(record['name']) ?? scalarText(record['display_name']) ?? scalarText(record['title']);
		}

		return scalarText(item);
	};

	if (Array.isArray(value)) {
		const names = value.slice(0, maxListItems).map(nameOf).filter(Boolean);
		return names.length > 0 ? names.join(', ') : undefined;
	}

	return nameOf(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** One line saying why a file could not be read. */
export function describeFileError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'ENOENT':
			return 'no such file';
		case 'ELOOP':
			return 'symbolic link loop';
		case 'EISDIR':
			return 'is a folder';
		default:
			return error instanceof Error ? sanitizeLine(error.message).slice(0, 120) : 'could not be read';
	}
}
