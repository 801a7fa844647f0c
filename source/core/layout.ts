/**
 * Turns logical lines into rows for a terminal of a given width. Widths are display widths
 * (string-width: CJK and emoji take two cells); break opportunities follow Unicode UAX #14.
 */
import LineBreaker from 'linebreak';
import {cachedWidth, cutToWidth, graphemeClusters, isPrintableAscii, rangeWidth, textWidth, trimEndSpaces} from './fit.js';
import {displayWidth} from './width.js';
import type {CleanDocument, LaidOutLine} from './types.js';

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
 * Lays a document out at `width`: every row fits, styles are carried to each row, pre lines are only
 * hard-split, and blank rows never lead, trail or come two in a row.
 */
export function layoutDocument(doc: CleanDocument, width: number): LaidOutLine[] {
	const w = clampWidth(width);
	const out: LaidOutLine[] = [];
	let pendingBlank: LaidOutLine | undefined;
	for (const line of doc.lines) {
		const {style} = line;
		const texts =
			style === 'pre' ? hardWrap(line.text, w, line.prefix, line.continuation) : wrapText(line.text, w, line.prefix, line.continuation);
		for (const text of texts) {
			if (text === '') {
				if (out.length > 0 && pendingBlank === undefined) pendingBlank = style === undefined ? {text} : {text, style};
				continue;
			}
			if (pendingBlank !== undefined) {
				out.push(pendingBlank);
				pendingBlank = undefined;
			}
			out.push(style === undefined ? {text} : {text, style});
		}
	}
	return out;
}

/** Splits each line of `text` by display width only (no word breaking), keeping leading spaces. */
function hardWrap(text: string, width: number, prefix = '', continuation?: string): string[] {
	const rows = new Rows(width, prefix, continuation);
	for (const line of text.split(mandatoryBreak)) rows.split(line);
	return rows.out;
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

	/** Splits one line by display width only. */
	split(line: string): void {
		this.begin(line);
		if (line === '') {
			this.emit();
			return;
		}
		this.hardSplit(0, line.length);
		this.emit();
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
