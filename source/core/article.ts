import {cleanBody} from './clean.js';
import {formatLongDate} from './dates.js';
import {layoutDocument} from './layout.js';
import {linkDomain} from './links.js';
import {bodyOf} from './parse.js';
import {maxBodyChars, readPostText} from './post-text.js';
import type {Article, CleanDocument, DocumentLine, Post} from './types.js';

export {maxBodyChars, readPostText} from './post-text.js';

/** The header and clean body of a post as logical lines, with the body's numbered links. */
export function articleDocument(post: Post, text: string): CleanDocument {
	const {body, format} = bodyOf(text, post.path);
	const truncated = body.length > maxBodyChars;
	const clean = cleanBody(truncated ? body.slice(0, maxBodyChars) : body, format, post.title, post.link);
	const lines: DocumentLine[] = [...headerLines(post), {text: ''}];
	if (clean.lines.length === 0) lines.push({text: '(This post has no text.)', style: 'meta'});
	lines.push(...clean.lines);
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
	field('Source', [categories, domain && `(${domain})`].filter(Boolean).join(' ') || undefined);
	field('Author', post.author);
	const tags = post.tags.join(', ');
	if (tags !== categories) field('Tags', tags || undefined);
	field('Link', post.link);
	return lines;
}
