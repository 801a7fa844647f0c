/**
 * Turns logical lines into rows for a terminal of a given width. Widths are display widths
 * (string-width: CJK and emoji take two cells); break opportunities follow Unicode UAX #14.
 */
import LineBreaker from 'linebreak';
import {cachedWidth, cutToWidth, graphemeClusters, isPrintableAscii, rangeWidth, textWidth, trimEndSpaces, truncateToWidth} from './fit.js';
import {displayWidth} from './width.js';
import type {CleanDocument, DocumentLine, LaidOutLine} from './types.js';

export {padToWidth, truncateToWidth} from './fit.js';

const mandatoryBreak = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

/**
 * Wraps one logical line into rows no wider than `width` cells, breaking only where UAX #14 allows
 * (hard-splitting what cannot fit a row). The first row starts with `prefix`, later ones with `continuation`.
 */
export function wrapText(text: string, width: number, prefix = '', continuation?: string): string[] {
	const rows = new Rows(clampWidth(width), prefix, continuation);
	for (const line of text.split(mandatoryBreak)) rows.flow(line);
	return rows.out;
}

/**
 * Lays a document out at `width`: every row fits, styles are carried to each row, and blank rows
 * never lead, trail or come two in a row. Headings get a blank row before and a `─` rule under
 * them; code rows are indented and never reflowed (a row too wide is cut by cells, `↩` marking
 * the cut); tables are aligned in columns, or shown one record a row when they do not fit.
 */
export function layoutDocument(doc: CleanDocument, width: number): LaidOutLine[] {
	const w = clampWidth(width);
	const out: LaidOutLine[] = [];
	let pendingBlank: LaidOutLine | undefined;
	const push = (text: string, style: DocumentLine['style']) => {
		if (text === '') {
			if (out.length > 0 && pendingBlank === undefined) pendingBlank = style === undefined ? {text} : {text, style};
			return;
		}
		if (pendingBlank !== undefined) {
			out.push(pendingBlank);
			pendingBlank = undefined;
		}
		out.push(style === undefined ? {text} : {text, style});
	};
	for (const line of doc.lines) {
		const {style} = line;
		const texts = rowsOf(line, w);
		if (style === 'heading' && texts.some(text => text !== '')) {
			if (out.length > 0 && out.at(-1)!.text !== '') pendingBlank ??= {text: ''};
			for (const text of texts) push(text, style);
			push(headingRule(texts, line.continuation ?? '', w), style);
			continue;
		}
		for (const text of texts) push(text, style);
	}
	return out;
}

/** The rows of one logical line at a width, by its kind. */
function rowsOf(line: DocumentLine, width: number): string[] {
	if (line.style === 'pre') return codeRows(line.text, width, line.prefix, line.continuation);
	if (line.oneRow) return [truncateToWidth((line.prefix ?? '') + line.text.replace(/\s+/g, ' '), width)];
	return wrapText(line.text, width, line.prefix, line.continuation);
}

/** A `─` rule as wide as a heading's widest row, under its prefix (a quote's bar stays). */
function headingRule(rows: readonly string[], lead: string, width: number): string {
	let widest = 0;
	for (const row of rows) widest = Math.max(widest, textWidth(row));
	const leadWidth = textWidth(lead);
	if (leadWidth >= widest) return '─'.repeat(Math.min(widest, width));
	return lead + '─'.repeat(Math.min(widest, width) - leadWidth);
}

/** Spaces that set code apart from prose: four, or two on a narrow screen. */
function codeIndent(width: number): string {
	return width >= 40 ? '    ' : width >= 12 ? '  ' : '';
}

/** The mark at the end of a code row that goes on in the next row. */
export const codeContinuation = '↩';

/**
 * Code rows: each line of `text` indented after `prefix`, spaces kept, never reflowed. A line
 * wider than the room is cut by cells, each cut marked with `↩`; the next row goes on at the same
 * indentation.
 */
export function codeRows(text: string, width: number, prefix = '', continuation?: string): string[] {
	const w = clampWidth(width);
	const indent = codeIndent(w);
	const lead = fitPrefix(prefix + indent, textWidth(prefix + indent), Math.max(0, w - 3));
	const rest = continuation === undefined ? lead : fitPrefix(continuation + indent, textWidth(continuation + indent), Math.max(0, w - 3));
	const out: string[] = [];
	for (const line of text.split(mandatoryBreak)) {
		if (line.trim() === '') {
			out.push('');
			continue;
		}
		let prefixNow = lead;
		let room = w - prefixNow.width;
		if (textWidth(line) <= room) {
			out.push(trimEndSpaces(prefixNow.text + line));
			continue;
		}
		let row = '';
		let used = 0;
		for (const {segment} of graphemeClusters(line)) {
			const cells = segment.length <= 16 ? cachedWidth(segment) : displayWidth(segment);
			// Keep one cell for the mark; a character wider than the room still goes on a row of its own.
			if (used > 0 && used + cells > room - 1) {
				out.push(prefixNow.text + row + (room >= 3 ? codeContinuation : ''));
				prefixNow = rest;
				room = w - prefixNow.width;
				row = '';
				used = 0;
			}
			row += segment;
			used += cells;
		}
		out.push(trimEndSpaces(prefixNow.text + row));
	}
	return out;
}

function clampWidth(width: number): number {
	return width >= 1 ? Math.floor(width) : 1;
}

type Prefix = {readonly text: string; readonly width: number};

/** Builds rows greedily. A row's content is always a slice of the current line. */
class Rows {
	readonly out: string[] = [];
	private readonly first: Prefix;
	private readonly rest: Prefix;
	private prefix: Prefix;
	private avail: number;
	private line = '';
	/** Start of the current row in `line`, or -1 while the row is empty. */
	private start = -1;
	/** End of the row's content (trailing spaces excluded). */
	private end = 0;
	/** Cells used on the row, counting pending trailing spaces. */
	private used = 0;

	constructor(
		private readonly width: number,
		prefix: string,
		continuation: string | undefined,
	) {
		const prefixWidth = textWidth(prefix);
		// Leave room for at least one cell of content on every row.
		this.first = fitPrefix(prefix, prefixWidth, width - 1);
		this.rest = continuation === undefined ? fitPrefix(' '.repeat(prefixWidth), prefixWidth, width - 1) : fitPrefix(continuation, textWidth(continuation), width - 1);
		this.prefix = this.first;
		this.avail = width - this.first.width;
	}

	/** Wraps one line (no mandatory breaks inside) at UAX #14 break opportunities. */
	flow(line: string): void {
		this.begin(line);
		if (line === '') {
			this.emit();
			return;
		}
		const breaks = breakOpportunities(line);
		let a = 0;
		for (const b of breaks) {
			let w = b;
			while (w > a && line.charCodeAt(w - 1) === 0x20) w--;
			const wordWidth = rangeWidth(line, a, w);
			const spaces = b - w;
			if (this.start >= 0) {
				if (this.used + wordWidth <= this.avail) {
					if (w > a) this.end = w;
					this.used += wordWidth + spaces;
					a = b;
					continue;
				}
				// Does not fit: close the row (a row holding only leading spaces is dropped).
				if (this.end > this.start) this.emit();
				else this.open();
			}
			if (wordWidth <= this.avail) {
				this.start = a;
				this.end = w;
				this.used = wordWidth + spaces;
			} else {
				this.hardSplit(a, w);
				this.used += spaces;
			}
			a = b;
		}
		if (this.start >= 0) this.emit();
	}

	private begin(line: string): void {
		this.line = line;
		this.start = -1;
		this.end = 0;
		this.used = 0;
	}

	/** Places line[a, b) character by character, opening rows as they fill. */
	private hardSplit(a: number, b: number): void {
		const {line} = this;
		if (isPrintableAscii(line, a, b)) {
			let i = a;
			while (i < b) {
				if (this.start < 0) {
					this.start = i;
					this.end = i;
				}
				const room = this.avail - this.used;
				if (room <= 0) {
					this.emit();
					continue;
				}
				const take = Math.min(room, b - i);
				i += take;
				this.end = i;
				this.used += take;
			}
			return;
		}
		for (const {segment, index} of graphemeClusters(line.slice(a, b))) {
			const from = a + index;
			const cells = segment.length <= 16 ? cachedWidth(segment) : displayWidth(segment);
			if (this.start >= 0 && this.used + cells > this.avail && this.end > this.start) this.emit();
			if (this.start < 0) {
				this.start = from;
				this.end = from;
				if (cells > this.avail) this.shrinkPrefix(cells);
			}
			this.end = from + segment.length;
			this.used += cells;
		}
	}

	/** Makes room for one character `cells` wide on an empty row, cutting the prefix if need be. */
	private shrinkPrefix(cells: number): void {
		const max = Math.max(0, this.width - cells);
		this.prefix = fitPrefix(this.prefix.text, this.prefix.width, max);
		this.avail = this.width - this.prefix.width;
	}

	/** Ends the current row and opens the next. */
	private emit(): void {
		const content = this.start >= 0 ? this.line.slice(this.start, this.end) : '';
		this.out.push(trimEndSpaces(this.prefix.text + content));
		this.open();
	}

	private open(): void {
		this.prefix = this.out.length === 0 ? this.first : this.rest;
		this.avail = this.width - this.prefix.width;
		this.start = -1;
		this.end = 0;
		this.used = 0;
	}
}

function fitPrefix(text: string, width: number, max: number): Prefix {
	if (width <= max) return {text, width};
	const cut = cutToWidth(text, Math.max(0, max));
	return {text: cut, width: textWidth(cut)};
}

// --- Break opportunities -------------------------------------------------------------------------

/**
 * Ends of the segments of `line` (which holds no mandatory break), per UAX #14 as computed by
 * `linebreak`. Runs of printable ASCII are decided from a memo of the library's own pair decisions,
 * which is exact there (ASCII has no combining, Hebrew, ZWJ or regional-indicator classes) and far
 * faster; anything else is handed to the library, restarted at the last break opportunity.
 */
function breakOpportunities(line: string): number[] {
	const n = line.length;
	const out: number[] = [];
	let i = 0;
	// Where the library can be restarted with the same results: the line start or a break before a letter/digit.
	let safe = 0;
	let previous = 0;
	let spaced = false;
	let fresh = true;
	while (i < n) {
		const c = line.charCodeAt(i);
		if (c === 0x20) {
			spaced = true;
			i++;
			continue;
		}
		if (c > 0x20 && c < 0x7f) {
			// At the very start the only decision is after leading spaces.
			if (fresh ? spaced && asciiBreak(0x20, c, true) : asciiBreak(previous, c, spaced)) {
				out.push(i);
				if (isAlphanumeric(c)) safe = i;
			}
			fresh = false;
			previous = c;
			spaced = false;
			i++;
			continue;
		}
		// Not printable ASCII: let the library decide from the last safe point on.
		const breaker = new LineBreaker(safe === 0 ? line : line.slice(safe));
		const base = safe;
		i = n;
		for (let bk = breaker.nextBreak(); bk !== null; bk = breaker.nextBreak()) {
			const position = base + bk.position;
			if (position >= n) break;
			if (out.length === 0 || position > out[out.length - 1]!) out.push(position);
			const next = line.charCodeAt(position);
			if (isAlphanumeric(next)) {
				// Back to the fast path, which starts fresh here exactly as the library would.
				i = position;
				safe = position;
				fresh = true;
				spaced = false;
				break;
			}
		}
	}
	if (n > 0) out.push(n);
	return out;
}

/** Decisions for printable ASCII pairs: 0 unknown, 1 no break, 2 break. Index ((prev * 96 + next) * 2 + spaced). */
const asciiDecisions = new Uint8Array(96 * 96 * 2);

/**
 * Whether the library allows a break before `next` when the last non-space character was `previous`
 * (0x20 standing for "only spaces since the line start") and `spaced` tells whether spaces came between.
 */
function asciiBreak(previous: number, next: number, spaced: boolean): boolean {
	const index = ((previous - 0x20) * 96 + (next - 0x20)) * 2 + (spaced ? 1 : 0);
	let decision = asciiDecisions[index]!;
	if (decision === 0) {
		const a = String.fromCharCode(previous);
		const b = String.fromCharCode(next);
		const probe = previous === 0x20 ? ' ' + b : spaced ? a + ' ' + b : a + b;
		const first = new LineBreaker(probe).nextBreak();
		decision = first !== null && first.position < probe.length ? 2 : 1;
		asciiDecisions[index] = decision;
	}
	return decision === 2;
}

function isAlphanumeric(c: number): boolean {
	return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
