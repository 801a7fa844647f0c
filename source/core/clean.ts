/**
 * Turns a post body (HTML or Markdown) into a clean document: paragraphs, headings, lists, quotes,
 * preformatted text and table rows as logical lines, links as numbered references, images as
 * placeholders, and the boilerplate of scraped pages (ads, paywalls, scripts) left out.
 * Markdown goes through `marked` to HTML, so both formats take one path.
 */
import {compile, type FormatCallback} from 'html-to-text';
import {flattenDeepHtml} from './html-depth.js';
import {bodyLinkTarget, videoLink} from './links.js';
import {markdownToHtml} from './markdown.js';
import {sanitizeLine, sanitizeText} from './sanitize.js';
import {stripTemplates} from './templates.js';
import type {CleanDocument, DocumentLine} from './types.js';

/** Markers placed by the formatters below and turned into line styles afterwards (private-use characters). */
const marker = {
	heading: '\uE001',
	quote: '\uE002',
	pre: '\uE003',
	itemStart: '\uE004',
	itemEnd: '\uE005',
} as const;
const anyMarker = /[\uE000-\uE00F]/g;

/** Elements that are never part of an article's text. */
const boilerplateTags = new Set([
	'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'form', 'button', 'input',
	'select', 'textarea', 'nav', 'video', 'audio', 'source', 'track', 'map',
]);
// Ad slots of the archives this reader meets most, and paywall or subscription blocks.
const boilerplateId = /^(?:dfp-ad|innity|adslot|div-gpt-ad)|^dotcom-mpu$|paywall|subscribe/i;
const boilerplateClass = /dfp-|innity|adslot|self-promo|bottomArticleBanner|paywall|subscribe|(?:^|\s)(?:dotcom-ad|advertisement|ad-slot|adsbygoogle)(?:\s|$)/i;

/** An element as the boilerplate test sees it: its tag name and attributes. */
export type ElementFacts = {readonly name?: string; readonly attribs?: Readonly<Record<string, string>>};

/**
 * Whether an element is boilerplate (scripts, ads, paywalls, navigation), left out with all it
 * holds. Checked by each formatter (one test an element) rather than by CSS selectors, which cost
 * more to compile and to match.
 */
export function isBoilerplate(element: ElementFacts): boolean {
	const name = element.name ?? '';
	if (boilerplateTags.has(name)) return true;
	const attributes = element.attribs;
	if (attributes === undefined) return false;
	if (attributes.id && (boilerplateId.test(attributes.id) || (name === 'section' && attributes.id === 'imu'))) return true;
	if (attributes.class && boilerplateClass.test(attributes.class)) return true;
	if (name === 'img') return /paywall/i.test(`${attributes.src ?? ''} ${attributes['data-src'] ?? ''}`);
	if (name === 'a') return (attributes.href ?? '').includes('//subscribe.');
	return false;
}

/** A formatter that leaves boilerplate elements out. */
function unlessBoilerplate(format: FormatCallback): FormatCallback {
	return (element, walk, builder, options) => {
		if (!isBoilerplate(element as DomNode)) format(element, walk, builder, options);
	};
}

const formatInline: FormatCallback = (element, walk, builder) => {
	walk(element.children, builder);
};

/** A block, with the line breaks its selector's options ask for (one by default). */
const formatBlock: FormatCallback = (element, walk, builder, options) => {
	builder.openBlock({leadingLineBreaks: options.leadingLineBreaks ?? 1});
	walk(element.children, builder);
	builder.closeBlock({trailingLineBreaks: options.trailingLineBreaks ?? 1});
};

/** A paragraph, apart from the blocks around it; at the start or end of a list item, close to the item's marker and the next item. */
const formatParagraph: FormatCallback = (element, walk, builder) => {
	const node = element as DomNode & {parent?: DomNode | null};
	const inItem = node.parent?.name === 'li';
	const siblings = inItem ? (node.parent!.children ?? []).filter(child => child.type === 'tag' || (child.type === 'text' && (child.data ?? '').trim() !== '')) : [];
	builder.openBlock({leadingLineBreaks: inItem && siblings[0] === node ? 1 : 2});
	walk(element.children, builder);
	builder.closeBlock({trailingLineBreaks: inItem && siblings.at(-1) === node ? 1 : 2});
};

type Links = {readonly list: string[]; readonly numbers: Map<string, number>; readonly base: string | undefined};

/** A link in the text: its words, then `[n]` when it points to a web page; other schemes keep only their words. */
const formatAnchor: FormatCallback = (element, walk, builder) => {
	const links = (builder as unknown as {metadata: Links}).metadata;
	const footnote = footnoteLink(element.attribs ?? {});
	if (footnote === 'back') return;
	if (footnote === 'ref') {
		builder.addInline(superscript(textContent(element as DomNode)), {noWordTransform: true});
		return;
	}
	let text = '';
	builder.pushWordTransform((word: string) => {
		text += word;
		return word;
	});
	walk(element.children, builder);
	builder.popWordTransform();
	if (text.trim() === '') return;
	const number = linkNumber(links, String(element.attribs?.href ?? ''));
	if (number !== undefined) builder.addInline(`[${number}]`, {noWordTransform: true});
};

/** Whether a link is a footnote reference (`ref`), a note's link back to it (`back`), or neither. */
function footnoteLink(attributes: Record<string, string>): 'ref' | 'back' | undefined {
	const className = attributes.class ?? '';
	if ('data-footnote-backref' in attributes || /(?:^|\s)(?:footnote-backref|reversefootnote)(?:\s|$)/.test(className)) return 'back';
	if ('data-footnote-ref' in attributes || /(?:^|\s)footnote-ref(?:\s|$)/.test(className)) return 'ref';
	return undefined;
}

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote's number as superscript digits; any other label in brackets. */
function superscript(label: string): string {
	const trimmed = sanitizeLine(label);
	return /^\d{1,6}$/.test(trimmed) ? [...trimmed].map(digit => superscripts[Number(digit)]).join('') : `[${trimmed}]`;
}

/** The number of a link in the post's link list (added when new); undefined for a link that is not listed. */
function linkNumber(links: Links, href: string): number | undefined {
	const target = bodyLinkTarget(href, links.base);
	if (target === undefined) return undefined;
	let number = links.numbers.get(target);
	if (number === undefined) {
		links.list.push(target);
		number = links.list.length;
		links.numbers.set(target, number);
	}
	return number;
}

/** ` [n]` for each listed link inside an element, such as the links of a figure's caption. */
function linkReferences(links: Links, element: DomNode): string {
	let references = '';
	for (const anchor of findAll(element, 'a')) {
		const number = linkNumber(links, String(anchor.attribs?.href ?? ''));
		if (number !== undefined && !references.includes(`[${number}]`)) references += ` [${number}]`;
	}
	return references;
}

/** An image as `[image: alt]`; no alt gives `[image]`, tracking pixels give nothing. */
const formatImage: FormatCallback = (element, _walk, builder) => {
	const attributes = element.attribs ?? {};
	if (attributes.width === '1' || attributes.height === '1') return;
	const alt = sanitizeLine(String(attributes.alt ?? attributes.title ?? ''));
	builder.addInline(alt ? `[image: ${alt}]` : '[image]', {noWordTransform: true});
};

/**
 * A figure as one placeholder line naming its caption (or the image's alt text), followed by the
 * numbers of the links in its caption; an embedded video (YouTube) is listed as a link too.
 */
const formatFigure: FormatCallback = (element, walk, builder) => {
	const links = (builder as unknown as {metadata: Links}).metadata;
	const caption = findElement(element as DomNode, "figcaption");
	const image = findElement(element as DomNode, "img");
	const video = videoLink(findAll(element as DomNode, 'iframe').concat(findAll(element as DomNode, 'embed')).map(frame => frame.attribs?.src ?? ''));
	if (video !== undefined) {
		const text = sanitizeLine(caption ? textContent(caption) : '');
		builder.openBlock({leadingLineBreaks: 2});
		builder.addInline(`${text ? `[video: ${text}]` : '[video]'} [${linkNumber(links, video)}]${caption ? linkReferences(links, caption) : ''}`, {noWordTransform: true});
		builder.closeBlock({trailingLineBreaks: 2});
		return;
	}

	if (!image) {
		builder.openBlock({leadingLineBreaks: 2});
		walk(element.children, builder);
		builder.closeBlock({trailingLineBreaks: 2});
		return;
	}

	const text = sanitizeLine(caption ? textContent(caption) : String(image.attribs?.alt ?? ''));
	builder.openBlock({leadingLineBreaks: 2});
	builder.addInline(`${text ? `[image: ${text}]` : '[image]'}${caption ? linkReferences(links, caption) : ''}`, {noWordTransform: true});
	builder.closeBlock({trailingLineBreaks: 2});
};

/** A block whose every output line starts with `mark`, so the line can be styled afterwards. */
function markedBlock(mark: string, isPre = false): FormatCallback {
	return (element, walk, builder) => {
		builder.openBlock({leadingLineBreaks: 2, isPre});
		walk(element.children, builder);
		builder.closeBlock({
			trailingLineBreaks: 2,
			blockTransform: (text: string) =>
				text
					.replace(/^\n+|\n+$/g, '')
					.split('\n')
					.map((line) => mark + line)
					.join('\n'),
		});
	};
}

/** A list whose items start with a marked prefix (`•` or a number), so wrapped rows can hang under it. */
function formatList(ordered: boolean): FormatCallback {
	return (element, walk, builder) => {
		let next = Number(element.attribs?.start ?? '1') || 1;
		const nested = (element.parent as {name?: string} | null)?.name === 'li';
		const items = (element.children ?? []).filter((child: {type: string; name?: string}) => child.type === 'tag' && child.name === 'li');
		if (items.length === 0) return;
		builder.openList({interRowLineBreaks: 1, leadingLineBreaks: nested ? 1 : 2, maxPrefixLength: 0, prefixAlign: 'left'});
		for (const item of items) {
			const bullet = ordered ? `${next++}. ` : '• ';
			builder.openListItem({prefix: marker.itemStart + bullet + marker.itemEnd});
			walk([item], builder);
			builder.closeListItem();
		}
		builder.closeList({trailingLineBreaks: nested ? 1 : 2});
	};
}

/** A table as one line a row, cells joined by ` │ `: readable at any width, in any script. */
const formatTable: FormatCallback = (element, walk, builder) => {
	builder.openBlock({leadingLineBreaks: 2});
	for (const row of findAll(element as DomNode, "tr")) {
		builder.openBlock({leadingLineBreaks: 1});
		let first = true;
		for (const cell of row.children ?? []) {
			if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue;
			if (!first) builder.addInline(' │ ', {noWordTransform: true});
			first = false;
			walk((cell.children ?? []) as never, builder);
		}
		builder.closeBlock({trailingLineBreaks: 1});
	}
	builder.closeBlock({trailingLineBreaks: 2});
};

const htmlToText = compile({
	wordwrap: false,
	preserveNewlines: false,
	decodeEntities: true,
	limits: {maxDepth: 200, maxChildNodes: 200_000, ellipsis: '…', maxInputLength: 20_000_000},
	formatters: Object.fromEntries(
		Object.entries({
			inline: formatInline,
			block: formatBlock,
			paragraph: formatParagraph,
			lineBreak: (_element, _walk, builder) => builder.addLineBreak(),
			wbr: (_element, _walk, builder) => builder.addWordBreakOpportunity(),
			anchor: formatAnchor,
			image: formatImage,
			figure: formatFigure,
			heading: markedBlock(marker.heading),
			quote: markedBlock(marker.quote),
			pre: markedBlock(marker.pre, true),
			unorderedList: formatList(false),
			orderedList: formatList(true),
			rowTable: formatTable,
		} satisfies Record<string, FormatCallback>).map(([name, format]) => [name, unlessBoilerplate(format)]),
	),
	selectors: [
		{selector: 'a', format: 'anchor'},
		{selector: 'img', format: 'image'},
		{selector: 'figure', format: 'figure'},
		...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({selector, format: 'heading'})),
		{selector: 'blockquote', format: 'quote'},
		{selector: 'pre', format: 'pre'},
		{selector: 'ul', format: 'unorderedList'},
		{selector: 'ol', format: 'orderedList'},
		{selector: 'table', format: 'rowTable'},
		{selector: 'hr', format: 'paragraph'},
	],
});

/** The compiled converter, called with the link table as its metadata (the published types omit that argument). */
const htmlToLines = htmlToText as unknown as (html: string, metadata: Links) => string;

/**
 * The clean document of a body. `title` is the post's title: a leading heading that only repeats it
 * is dropped. `baseUrl` (the post's link) resolves relative links. Every line is sanitized.
 */
export function cleanBody(body: string, format: 'html' | 'markdown', title = '', baseUrl?: string): CleanDocument {
	const input = stripTemplates(dropLeadingTitle(sanitizeText(body).replace(anyMarker, ''), title), format);
	const html = joinCjkLineBreaks(flattenDeepHtml(format === 'markdown' ? markdownToHtml(input) : input));
	const links: Links = {list: [], numbers: new Map(), base: baseUrl};
	const text = htmlToLines(html, links);
	const lines = toDocumentLines(text);
	if (lines[0]?.style === 'heading' && sameText(lines[0].text, title)) lines.splice(0, lines[1]?.text === '' ? 2 : 1);
	return {lines, links: links.list};
}

// Characters whose East Asian width is wide, fullwidth or halfwidth, Hangul left out (Korean puts spaces between words).
const cjk = String.raw`[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]`;
// A line break (with the spaces and inline tags around it) between two such characters.
const cjkBreak = new RegExp(`(${cjk})((?:<[^<>]*>)*)[ \\t]*\\n\\s*((?:<[^<>]*>)*)(?=${cjk})`, 'g');
const preBlock = /<pre[\s>][\s\S]*?<\/pre>/gi;

/**
 * `html` with the line breaks between two Chinese or Japanese characters removed, outside
 * preformatted text: as CSS Text 3 transforms segment breaks, such a break adds no space, where
 * between Latin words it stays one.
 */
export function joinCjkLineBreaks(html: string): string {
	if (!html.includes('\n') || !/[\u3000-\u9FFF\uFF00-\uFF60]/.test(html)) return html;
	let out = '';
	let at = 0;
	for (const match of html.matchAll(preBlock)) {
		out += html.slice(at, match.index).replace(cjkBreak, '$1$2$3') + match[0];
		at = match.index + match[0].length;
	}
	return out + html.slice(at).replace(cjkBreak, '$1$2$3');
}

/** Splits converted text into styled logical lines; blank lines collapse to one. */
function toDocumentLines(text: string): DocumentLine[] {
	const lines: DocumentLine[] = [];
	for (const raw of text.split('\n')) {
		const line = toDocumentLine(raw);
		if (line.text.trim() === '' && !line.prefix) {
			if (lines.length > 0 && lines.at(-1)!.text !== '') lines.push({text: ''});
			continue;
		}
		lines.push(line);
	}
	while (lines.at(-1)?.text === '') lines.pop();
	return lines;
}

/** One converted line with its markers read as a style and a hanging prefix. */
function toDocumentLine(raw: string): DocumentLine {
	let rest = raw;
	let quoteDepth = 0;
	let style: DocumentLine['style'];
	// Markers may follow indentation from enclosing lists.
	const indent = /^ */.exec(rest)![0];
	rest = rest.slice(indent.length);
	for (;;) {
		if (rest.startsWith(marker.quote)) quoteDepth++;
		else if (rest.startsWith(marker.heading)) style = 'heading';
		else if (rest.startsWith(marker.pre)) style = 'pre';
		else break;
		rest = rest.slice(1);
	}

	if (style === 'pre') {
		const prefix = indent + '│ '.repeat(quoteDepth);
		return {text: clean(rest, true), style, ...(prefix ? {prefix, continuation: prefix} : {})};
	}

	const innerIndent = /^ */.exec(rest)![0];
	rest = rest.slice(innerIndent.length);
	let bullet = '';
	const item = new RegExp(`^${marker.itemStart}([^${marker.itemEnd}]*)${marker.itemEnd}`).exec(rest);
	if (item) {
		bullet = item[1]!;
		rest = rest.slice(item[0].length);
	}

	const quote = '│ '.repeat(quoteDepth);
	const lead = indent + quote + innerIndent;
	const prefix = lead + bullet;
	const text = clean(rest, false);
	if (!style && quoteDepth > 0) style = 'quote';
	if (!style && /^\[(?:image|video)(?:: [^\]]*)?\](?: \[\d+\])*$/.test(text)) style = 'image';
	const line: DocumentLine = {text, ...(style ? {style} : {})};
	return prefix ? {...line, prefix, continuation: lead + ' '.repeat(bullet.length)} : line;
}

/** Sanitizes a converted line; outside preformatted text, runs of spaces become one. */
function clean(text: string, isPre: boolean): string {
	const safe = sanitizeText(text).replace(anyMarker, '').replace(/\n/g, ' ');
	return isPre ? safe.trimEnd() : safe.replace(/[ \u00A0]{2,}/g, ' ').trim();
}

/** Removes a leading `[title](url)` / `------` heading, or a `# Title` heading equal to the title. */
function dropLeadingTitle(body: string, title: string): string {
	const start = /^\s*(?:<!--[\s\S]*?-->\s*)*/.exec(body)![0].length;
	const head = body.slice(start, start + 4096);
	const linked = /^\[[^\]\n]*\]\([^)\n]*\)[ \t]*\r?\n[ \t]*(?:-{3,}|={3,})[ \t]*(?:\r?\n|$)/.exec(head);
	if (linked) return body.slice(start + linked[0].length);
	const atx = /^#{1,2}[ \t]+(.+?)[ \t]*#*[ \t]*(?:\r?\n|$)/.exec(head);
	if (atx && sameText(atx[1]!.replace(/^\[([^\]]*)\]\([^)]*\)$/, '$1'), title)) return body.slice(start + atx[0].length);
	return body;
}

/** Whether two titles read the same, ignoring case, spacing and punctuation at the ends. */
function sameText(a: string, b: string): boolean {
	const normal = (text: string) => sanitizeLine(text).toLowerCase().replace(/\s+/g, ' ');
	return normal(a) !== '' && normal(a) === normal(b);
}

type DomNode = {type: string; name?: string; data?: string; attribs?: Record<string, string>; children?: DomNode[]};

/** The first descendant element with a tag name. */
function findElement(node: DomNode, name: string): DomNode | undefined {
	for (const child of node.children ?? []) {
		if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') continue;
		if (child.name === name) return child;
		const found = findElement(child, name);
		if (found) return found;
	}

	return undefined;
}

/** Every descendant element with a tag name, in document order, not looking inside matches. */
function findAll(node: DomNode, name: string, found: DomNode[] = []): DomNode[] {
	for (const child of node.children ?? []) {
		if (child.type !== 'tag') continue;
		if (child.name === name) found.push(child);
		else findAll(child, name, found);
	}

	return found;
}

/** The text inside an element, entities already decoded by the parser. */
function textContent(node: DomNode): string {
	if (node.type === 'text') return node.data ?? '';
	if (node.type !== 'tag') return '';
	return (node.children ?? []).map((child) => textContent(child)).join('');
}
