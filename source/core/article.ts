import {cleanBody} from './clean.js';
import {formatLongDate} from './dates.js';
import {layoutDocument} from './layout.js';
import {linkDomain} from './links.js';
import {bodyOf, parsePost} from './parse.js';
import {maxBodyChars, readPostText} from './post-text.js';
import type {Article, CleanDocument, DocumentLine, Post} from './types.js';

export {maxBodyChars, readPostText} from './post-text.js';

/** The header and clean body of a post as logical lines, with the body's numbered links. */
export function articleDocument(post: Post, text: string): CleanDocument {
	const {body, format} = bodyOf(text, post.path);
	return documentOf(post, body, format, 'whole');
}

/**
 * The document of a body, or of its beginning (`part` 'head': no link list, and a note that the
 * rest is on its way instead).
 */
function documentOf(post: Post, body: string, format: 'html' | 'markdown', part: 'whole' | 'head'): CleanDocument {
	const truncated = body.length > maxBodyChars;
	const clean = cleanBody(truncated ? body.slice(0, maxBodyChars) : body, format, post.title, post.link);
	const lines: DocumentLine[] = [...headerLines(post), {text: ''}];
	if (clean.lines.length === 0) lines.push({text: '(This post has no text.)', style: 'meta'});
	lines.push(...clean.lines);
	if (part === 'head') {
		lines.push({text: ''}, {text: 'Laying out the rest of this long post…', style: 'meta'});
		return {lines, links: clean.links};
	}

	if (truncated) {
		lines.push({text: ''}, {text: `[The post is ${Math.round(body.length / 1e6)} million characters long; the first ${maxBodyChars / 1e6} million are shown.]`, style: 'meta'});
	}

	if (clean.links.length > 0) {
		lines.push({text: ''}, {text: 'Links', style: 'heading'});
		for (const [index, link] of clean.links.entries()) {
			const number = `[${index + 1}] `;
			lines.push({text: link, prefix: number, continuation: ' '.repeat(number.length), style: 'link-list'});
		}
	}

	return {lines, links: clean.links};
}

/** Bodies longer than twice this many characters are first shown from their beginning (see renderArticleHead). */
export const headBodyChars = 8_000;

/**
 * The beginning of a long post laid out at once, so a screen can show it while the whole post is
 * laid out: the body cut at a paragraph's end near headBodyChars characters, then a note. Its
 * rows are the first rows of the whole article, but for the cut. Undefined for a post short
 * enough to lay out whole at once.
 */
export function renderArticleHead(post: Post, text: string, width: number): Article | undefined {
	const {body, format} = bodyOf(text, post.path);
	if (body.length <= headBodyChars * 2) return undefined;
	const document = documentOf(post, body.slice(0, paragraphEnd(body, format, headBodyChars)), format, 'head');
	return {lines: layoutDocument(document, width), links: document.links};
}

/** Where the last paragraph (or failing that, tag) ending before `limit` ends. */
function paragraphEnd(body: string, format: 'html' | 'markdown', limit: number): number {
	const candidates =
		format === 'html' ? [body.lastIndexOf('</p>', limit) + 4, body.lastIndexOf('</div>', limit) + 6, body.lastIndexOf('>', limit) + 1] : [body.lastIndexOf('\n\n', limit) + 2];
	for (const end of candidates) if (end > limit / 2) return end;
	return limit;
}

/** Reads a post from disk and lays out its beginning (see renderArticleHead). Throws like loadArticle. */
export function loadArticleHead(post: Post, width: number): Article | undefined {
	return renderArticleHead(post, readPostText(post.path), width);
}

/** Lays a post out at a width: the header, the clean body and the link list, no row wider than width. */
export function renderArticle(post: Post, text: string, width: number): Article {
	const document = articleDocument(post, text);
	return {lines: layoutDocument(document, width), links: document.links};
}

/** Reads and lays out a post from disk. Throws an Error with a one-line message when it cannot be read. */
export function loadArticle(post: Post, width: number): Article {
	return renderArticle(post, readPostText(post.path), width);
}

/** Title, date, source, author, tags and link, as shown above every article. */
function headerLines(post: Post): DocumentLine[] {
	const lines: DocumentLine[] = [{text: post.title, style: 'title'}];
	const field = (label: string, value: string | undefined) => {
		if (!value) return;
		const prefix = `${label}:`.padEnd(10);
		lines.push({text: value, prefix, continuation: ' '.repeat(prefix.length), style: 'meta'});
	};

	field('Date', post.date === undefined ? 'unknown' : formatLongDate(post.date, post.hasTime));
	const domain = linkDomain(post.link);
	const categories = post.categories.join(', ');
	// The domain in brackets after the categories; alone, without them.
	field('Source', categories && domain ? `${categories} (${domain})` : categories || domain || undefined);
	field('Author', post.author);
	const tags = post.tags.join(', ');
	if (tags !== categories) field('Tags', tags || undefined);
	field('Link', post.link);
	return lines;
}

const warmUpText = `---\ntitle: Sample\nlink: https://example.org/a\n---\n${'<h2>Heading</h2><p class="MsoNormal"><span>An English paragraph with <b>bold</b> text and <a href="https://example.org/b">a link</a>.</span></p><p>中文段落，包含标点符号「引号」和数字2024年。</p><ul><li>One</li><li>Two</li></ul><blockquote><p>Quote</p></blockquote><img src="x.jpg" alt="Image">'.repeat(8)}`;

/**
 * Lays out a small built-in sample post, so the first article a person opens does not also pay
 * for the first-use setup of the cleaning and layout code. Meant for idle time after start-up.
 */
export function warmUp(): void {
	const post = parsePost(warmUpText, 'sample.html', {size: warmUpText.length, mtimeMs: 0});
	renderArticle(post, warmUpText, 80);
}
