/**
 * Turns a post body (HTML or Markdown) into a clean document: paragraphs, headings, lists, quotes,
 * preformatted text and table rows as logical lines, links as numbered references, images as
 * placeholders, and the boilerplate of scraped pages (ads, paywalls, scripts) left out.
 * Markdown goes through `marked` to HTML, so both formats take one path.
 */
import {compile, type FormatCallback} from 'html-to-text';
import {flattenDeepHtml} from './html-depth.js';
import {bodyLinkTarget, videoLink} from './links.js';
import {markdownToHtml, maxMarkdownNesting} from './markdown.js';
import {sanitizeLine, sanitizeText} from './sanitize.js';
import {stripTemplates} from './templates.js';
import type {CleanDocument, DocumentLine, Table} from './types.js';

/** Markers placed by the formatters below and turned into line styles afterwards (private-use characters). */
const marker = {
	heading: '\uE001',
	quote: '\uE002',
	pre: '\uE003',
	itemStart: '\uE004',
	table: '\uE006',
	tableEnd: '\uE007',
	dropped: '\uE008',
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
	const short = shortText(node, 600);
	if (short !== undefined && isFeedFooter(short)) return;
	const inItem = node.parent?.name === 'li';
	const siblings = inItem ? (node.parent!.children ?? []).filter(child => child.type === 'tag' || (child.type === 'text' && (child.data ?? '').trim() !== '')) : [];
	builder.openBlock({leadingLineBreaks: inItem && siblings[0] === node ? 1 : 2});
	walk(element.children, builder);
	builder.closeBlock({trailingLineBreaks: inItem && siblings.at(-1) === node ? 1 : 2});
};

/** What the formatters gather while converting: the numbered links, and the tables (laid out later, at a width). */
type Links = {readonly list: string[]; readonly numbers: Map<string, number>; readonly base: string | undefined; readonly tables: Table[]};

/** A link in the text: its words, then `[n]` when it points to a web page; other schemes keep only their words. */
const formatAnchor: FormatCallback = (element, walk, builder) => {
	const links = (builder as unknown as {metadata: Links}).metadata;
	if (isShareLink(element as DomNode)) {
		builder.addInline(marker.dropped, {noWordTransform: true});
		return;
	}
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

// Pages that only share or bookmark the page that links to them.
const shareTarget =
	/^(?:(?:https?:)?\/\/)?(?:[\w-]+\.)*(?:del\.icio\.us\/(?:post|save)?|delicious\.com\/(?:save|post)|digg\.com\/submit|reddit\.com\/submit|facebook\.com\/(?:sharer|share\.php|dialog\/share)|(?:twitter|x)\.com\/(?:share|intent\/tweet)|linkedin\.com\/(?:shareArticle|sharing)|stumbleupon\.com\/submit|technorati\.com\/faves|google\.com\/bookmarks|plus\.google\.com\/share|addtoany\.com\/(?:add_to|share)|addthis\.com\/bookmark|sharethis\.com\/share|service\.weibo\.com\/share|pinterest\.com\/pin\/create|getpocket\.com\/(?:save|edit)|tumblr\.com\/share|news\.ycombinator\.com\/submitlink|api\.whatsapp\.com\/send|social-plugins\.line\.me|connect\.qq\.com\/widget\/shareqq|furl\.net\/storeIt|blinklist\.com\/index\.php\?Action=Blink)|^whatsapp:\/\/send/i;
// The words of a link that only shares or bookmarks, such as "Add to del.icio.us" or "Share on Facebook".
const shareWords = /^\s*(?:add (?:this )?to (?:del\.icio\.us|delicious|digg|reddit|facebook|twitter|google|technorati|stumbleupon|furl|blinklist|my yahoo|favorites|any)|share (?:on|to|via|with) \S+|bookmark (?:this|it|on|at|with)\b|tweet this|digg this|email this|分享到)/i;

/** Whether a link only shares or bookmarks the post (a share service's address, or words that say so). */
function isShareLink(element: DomNode): boolean {
	const href = (element.attribs?.href ?? '').trim();
	if (shareTarget.test(href)) return true;
	const text = shortText(element, 60);
	return text !== undefined && shareWords.test(text);
}

/** The text inside an element when it is shorter than `limit` characters (found without reading further); else undefined. */
function shortText(node: DomNode, limit: number): string | undefined {
	let text = '';
	const stack: DomNode[] = [node];
	let visited = 0;
	while (stack.length > 0) {
		const at = stack.pop()!;
		if (++visited > limit * 4) return undefined;
		if (at.type === 'text') {
			text += at.data ?? '';
			if (text.length >= limit) return undefined;
		} else if (at.type === 'tag') {
			const children = at.children ?? [];
			for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
		}
	}
	return text;
}

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

/**
 * A list whose items start with a bullet or a number, and whose first word is marked, so the
 * bullet can hang in front of every row of the item. Items with no text are left out (and not
 * counted); an `<ol start>` is kept, and nested lists number from their own start.
 */
function formatList(ordered: boolean): FormatCallback {
	return (element, walk, builder) => {
		let next = Number(element.attribs?.start ?? '1') || 1;
		const nested = (element.parent as {name?: string} | null)?.name === 'li';
		const items = (element.children ?? []).filter(
			(child: DomNode) => child.type === 'tag' && child.name === 'li' && (textContent(child).trim() !== '' || findElement(child, 'img') !== undefined),
		);
		if (items.length === 0) return;
		builder.openList({interRowLineBreaks: 1, leadingLineBreaks: nested ? 1 : 2, maxPrefixLength: 0, prefixAlign: 'left'});
		for (const item of items) {
			const bullet = ordered ? `${next++}. ` : '• ';
			builder.openListItem({prefix: bullet});
			let first = true;
			builder.pushWordTransform((word: string) => {
				if (!first || word === '') return word;
				first = false;
				return marker.itemStart + word;
			});
			walk([item], builder);
			builder.popWordTransform();
			builder.closeListItem();
		}
		builder.closeList({trailingLineBreaks: nested ? 1 : 2});
	};
}

/**
 * A table, kept as its cells (each cell's text with its own line breaks, from `<p>` and `<br>`),
 * to be laid out at the reader's width; a placeholder line marks its place. A table inside a
 * table's cell reads as one line a row, cells joined by ` │ `.
 */
const formatTable: FormatCallback = (element, walk, builder) => {
	const links = (builder as unknown as {metadata: Links}).metadata;
	const node = element as DomNode;
	const rows = findAll(node, 'tr').filter(row => (row.children ?? []).some(cell => cell.type === 'tag' && (cell.name === 'td' || cell.name === 'th')));
	if (rows.length === 0) return;
	const nested = insideCell(node);
	builder.openTable();
	for (const row of rows) {
		builder.openTableRow();
		for (const cell of row.children ?? []) {
			if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue;
			builder.openTableCell();
			walk((cell.children ?? []) as never, builder);
			builder.closeTableCell({colspan: Math.min(50, Number(cell.attribs?.colspan ?? '1') || 1)});
		}
		builder.closeTableRow();
	}
	const first = rows[0]!;
	const header = (first as DomNode & {parent?: DomNode | null}).parent?.name === 'thead' || (first.children ?? []).every(cell => cell.type !== 'tag' || cell.name === 'th');
	builder.closeTable({
		leadingLineBreaks: 2,
		trailingLineBreaks: 2,
		tableToString(cells) {
			const table = tableOf(cells, header);
			if (table === undefined) return '';
			if (nested) return table.rows.map(row => row.map(cell => cell.replace(/\n+/g, ' ')).join(' │ ')).join('\n');
			links.tables.push(table);
			return `${marker.table}${links.tables.length - 1}${marker.tableEnd}`;
		},
	});
};

/** The cells of a converted table as clean text, spanned columns left empty; undefined when no cell has text. */
function tableOf(rows: ReadonlyArray<ReadonlyArray<{readonly colspan: number; readonly text: string}>>, header: boolean): Table | undefined {
	const out: string[][] = [];
	let any = false;
	for (const row of rows) {
		const cells: string[] = [];
		for (const cell of row) {
			const text = cell.text
				.split('\n')
				.map(line => clean(line, false))
				.filter(line => line !== '')
				.join('\n');
			if (text !== '') any = true;
			cells.push(text);
			for (let span = 1; span < cell.colspan; span++) cells.push('');
		}
		if (cells.some(cell => cell !== '')) out.push(cells);
	}
	return any ? {rows: out, header: header && out.length > 1} : undefined;
}

/** Whether an element sits inside a table cell. */
function insideCell(node: DomNode & {parent?: DomNode | null}): boolean {
	for (let at = node.parent; at; at = (at as DomNode & {parent?: DomNode | null}).parent) if (at.name === 'td' || at.name === 'th') return true;
	return false;
}

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
	const links: Links = {list: [], numbers: new Map(), base: baseUrl, tables: []};
	const text = htmlToLines(html, links);
	const lines = toDocumentLines(text, links.tables);
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
function toDocumentLines(text: string, tables: readonly Table[]): DocumentLine[] {
	const lines: DocumentLine[] = [];
	for (const raw of text.split('\n')) {
		if (isFeedFooter(raw)) continue;
		const line = toDocumentLine(raw, tables);
		if (line.text.trim() === '' && !line.prefix) {
			if (lines.length > 0 && lines.at(-1)!.text !== '') lines.push({text: ''});
			continue;
		}
		lines.push(line);
	}
	while (lines.at(-1)?.text === '') lines.pop();
	return barredBlanks(lines);
}

// What is left of a line of share links once they are gone: separators and a label.
const shareLeftover = /^[\s\p{P}\p{S}]*(?:(?:share|bookmark|share this|bookmark this|share and enjoy|分享|收藏)(?: (?:on|to|this|it))?[\s\p{P}\p{S}]*)?$/iu;

/**
 * Whether a converted line is boilerplate of a feed rather than the post: a row of share links,
 * or a WordPress feed footer (leaked `get_post_time` template code, "This feed is for personal,
 * non-commercial use only", "The post … appeared first on …").
 */
function isFeedFooter(raw: string): boolean {
	if (raw.includes(marker.dropped) && shareLeftover.test(raw.replace(anyMarker, ''))) return true;
	if (raw.length > 2000) return false;
	return /\bget_post_time\s*\(/.test(raw) || /^\W*This feed is for personal,? non-commercial use only/i.test(raw.replace(anyMarker, '')) || /^\W*The post .{1,300} appeared first on .{1,200}$/.test(raw.replace(anyMarker, '').trim());
}

/** `lines` with a quote's bar kept on each blank line between two quoted lines, so they read as one quote. */
function barredBlanks(lines: DocumentLine[]): DocumentLine[] {
	for (let index = 1; index < lines.length - 1; index++) {
		const line = lines[index]!;
		if (line.text !== '' || line.prefix !== undefined) continue;
		const bars = Math.min(quoteBars(lines[index - 1]!), quoteBars(lines[index + 1]!));
		if (bars > 0) lines[index] = {text: '', style: 'quote', prefix: '│ '.repeat(bars), continuation: '│ '.repeat(bars)};
	}
	return lines;
}

/** How many quote bars a line's prefix starts with. */
function quoteBars(line: DocumentLine): number {
	const prefix = line.prefix ?? '';
	let bars = 0;
	while (prefix.startsWith('│ ', bars * 2)) bars++;
	return bars;
}

const tablePlace = new RegExp(`${marker.table}(\\d+)${marker.tableEnd}`);

// The bullets of the items a line starts (a nested list's first item may start its parent's too), then the mark on the item's first word.
const itemStart = new RegExp(`^((?:(?:• |\\d{1,9}\\. ) *){1,${maxMarkdownNesting}})[\\uE000-\\uE00F]*?${marker.itemStart}`);

/** One converted line with its markers read as a style and a hanging prefix. */
function toDocumentLine(raw: string, tables: readonly Table[]): DocumentLine {
	const table = tablePlace.exec(raw);
	if (table) {
		const before = raw.slice(0, table.index);
		const lead = before.replace(/\uE002/g, '│ ').replace(anyMarker, '');
		const cells = tables[Number(table[1])]!;
		const text = cells.rows.map(row => row.join(' ').replace(/\n/g, ' ')).join(' ');
		return {text, style: 'table', table: cells, ...(lead ? {prefix: lead, continuation: lead.replace(/[^│ ]/g, ' ')} : {})};
	}
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
	const item = itemStart.exec(rest);
	if (item) {
		bullet = item[1]!.replace(anyMarker, '');
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
