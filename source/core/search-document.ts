/**
 * The text of a post that search looks at, as a reader sees it: the title, the body's words with
 * markup, comments, scripts, styles, boilerplate (ads, paywalls, navigation) and template syntax
 * (Hugo shortcodes, Liquid, Go templates) left out and entities decoded, and the categories, tags
 * and author. Attributes (link targets, image sources, alt text) are not text a reader sees.
 */
import {Parser} from 'htmlparser2';
import {isBoilerplate} from './clean.js';
import {markdownToHtml} from './markdown.js';
import {bodyOf} from './parse.js';
import {maxBodyChars} from './post-text.js';
import {sanitizeText} from './sanitize.js';
import type {Post, SearchDocument} from './types.js';

/** Elements that end a line of text: words on both sides of one never run together. */
const blockTags = new Set([
	'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
	'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table',
	'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

// Template syntax a site generator replaces before anyone reads the page: Liquid comment blocks,
// then Hugo shortcodes and Go template actions ({{ … }}), Liquid tags ({% … %}) and Jinja comments.
const templateComment = /\{%-?\s*comment\s*-?%\}[\s\S]{0,20000}?\{%-?\s*endcomment\s*-?%\}/g;
const templateTag = /\{\{[\s\S]{0,4000}?\}\}|\{%[\s\S]{0,4000}?%\}|\{#[\s\S]{0,4000}?#\}/g;

/** A body with template syntax removed (what the page shows once a site generator has run). */
export function withoutTemplates(body: string): string {
	if (!body.includes('{')) return body;
	return body.replace(templateComment, ' ').replace(templateTag, ' ');
}

/** The text of HTML a reader sees: text nodes with entities decoded, blocks on lines of their own. */
export function htmlText(html: string): string {
	const parts: string[] = [];
	let skipDepth = 0;
	const parser = new Parser(
		{
			onopentag(name, attribs) {
				if (skipDepth > 0) skipDepth++;
				else if (isBoilerplate({name, attribs})) skipDepth = 1;
				else if (blockTags.has(name)) parts.push('\n');
			},
			onclosetag(name) {
				if (skipDepth > 0) skipDepth--;
				else if (blockTags.has(name)) parts.push('\n');
			},
			ontext(text) {
				if (skipDepth === 0) parts.push(text);
			},
		},
		{decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true},
	);
	parser.write(html);
	parser.end();
	return parts.join('');
}

/** A body's text as a reader sees it (see the module comment), sanitized, at most maxBodyChars long before cleaning. */
export function bodyText(body: string, format: 'html' | 'markdown'): string {
	const cut = body.length > maxBodyChars ? body.slice(0, maxBodyChars) : body;
	const source = withoutTemplates(sanitizeText(cut));
	const text = sanitizeText(htmlText(format === 'markdown' ? markdownToHtml(source) : source));
	return text.replace(/[ \u00a0]+/g, ' ').replace(/ ?\n\s*/g, '\n').trim();
}

/** A one-line field with its entities decoded (`Caf&eacute;` reads `Café`); anything else kept as written. */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return htmlText(text.replace(/</g, '&lt;')).replace(/\s+/g, ' ').trim();
}

/** What search looks at in a post, given the post and its whole file text (front matter included). */
export function searchDocument(post: Post, text: string): SearchDocument {
	const {body, format} = bodyOf(text, post.path);
	return {
		title: decodeEntities(post.title),
		body: bodyText(body, format),
		categories: post.categories.map(decodeEntities),
		tags: post.tags.map(decodeEntities),
		author: decodeEntities(post.author ?? ''),
	};
}
