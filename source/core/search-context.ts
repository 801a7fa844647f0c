/**
 * Where a search matched, for showing it: the line of a post's text that holds a match (cut around
 * it), how often the first term occurs, and the span of a match in a short text (to highlight it).
 * Matching is the same as matchesDocument's (folded tokens); only the position is worked out here.
 */
import {foldCharacter, foldText} from './fold.js';
import {fieldTokens, type Query, type QueryTerm} from './query.js';
import {lineFilter} from './line-filter.js';
import {tokenSpans, tokenText} from './search-tokens.js';
import type {SearchDocument} from './types.js';

/** Characters of context kept around a match. */
const contextChars = 120;

/** The needle a term is looked for with in ` token text `. */
function needleOf(term: QueryTerm): string {
	return ' ' + term.tokens.join(' ') + (term.exact ? ' ' : '');
}

/** Positive terms that may match in the body. */
function bodyTerms(query: Query): QueryTerm[] {
	return query.terms.filter(term => !term.negated && term.field === undefined);
}

/**
 * Where the first match of any of the terms starts and ends in `text`, in code units of `text`;
 * undefined when none occurs. Meant for one line or field, not a whole long post.
 */
export function locateTerms(text: string, terms: readonly QueryTerm[]): {readonly start: number; readonly end: number} | undefined {
	// Fold one code point at a time, remembering where each folded piece came from.
	let folded = '';
	const origin: number[] = [];
	for (let index = 0; index < text.length; ) {
		const point = text.codePointAt(index)!;
		const units = point > 0xff_ff ? 2 : 1;
		const piece = foldCharacter(text.slice(index, index + units));
		for (let unit = 0; unit < piece.length; unit++) origin.push(index);
		folded += piece;
		index += units;
	}
	origin.push(text.length);
	const spans = tokenSpans(folded);
	const tokens = spans.map(([start, end]) => folded.slice(start, end));
	let best: {start: number; end: number} | undefined;
	for (const term of terms) {
		const count = term.tokens.length;
		for (let at = 0; at + count <= tokens.length; at++) {
			if (best !== undefined && origin[spans[at]![0]]! >= best.start) break;
			let matched = true;
			for (let offset = 0; offset < count && matched; offset++) {
				const want = term.tokens[offset]!;
				const have = tokens[at + offset]!;
				matched = offset < count - 1 || term.exact ? have === want : have.startsWith(want);
			}
			if (!matched) continue;
			const last = spans[at + count - 1]!;
			const end = term.exact ? last[1] : last[0] + term.tokens[count - 1]!.length;
			best = {start: origin[spans[at]![0]]!, end: endOf(origin, end, text)};
			break;
		}
	}
	return best;
}

/**
 * Where the first match of a query's words (those it does not exclude) lies in a short text such as
 * a line of context; undefined when none occurs there.
 */
export function locateQuery(text: string, query: Query): {readonly start: number; readonly end: number} | undefined {
	return locateTerms(text, query.terms.filter(term => !term.negated));
}

/** The index in the original text just after the code point that folded unit `end - 1` came from. */
function endOf(origin: readonly number[], end: number, text: string): number {
	if (end <= 0) return 0;
	const from = origin[end - 1]!;
	return from + (text.codePointAt(from)! > 0xff_ff ? 2 : 1);
}

/** What a search shows of a post it found: a line of context and how often the first body term occurs. */
export type MatchContext = {
	/** One line (no line breaks), cut to about contextChars characters around the match. */
	readonly context: string;
	/** How many times the term found occurs in the body (when counted; else, and for a match elsewhere, 1). */
	readonly count: number;
};

/**
 * The context of a document the query matched: the first body line holding a match, else the
 * first field (title, author, categories, tags) holding one, else the title. With `count`, also
 * how often the term found there occurs in the whole body (else 1: only the line is looked for).
 */
export function matchContext(doc: SearchDocument, query: Query, options: {readonly count?: boolean} = {}): MatchContext {
	const terms = bodyTerms(query);
	if (terms.length > 0 && doc.body !== '') {
		const mayHold = filterOf(terms);
		for (const line of doc.body.split('\n')) {
			if (mayHold !== undefined && !mayHold(line)) continue;
			const padded = ` ${tokenText(foldText(line))} `;
			const first = terms.find(term => padded.includes(needleOf(term)));
			if (first === undefined) continue;
			let count = 1;
			if (options.count) {
				const needle = needleOf(first);
				const body = ` ${fieldTokens(doc.body)} `;
				count = 0;
				for (let at = body.indexOf(needle); at >= 0 && count < 10_000; at = body.indexOf(needle, at + 1)) count++;
			}
			return {context: cutAround(line, [first]), count};
		}
	}
	const positive = query.terms.filter(term => !term.negated);
	const fields: Array<readonly [QueryTerm['field'], string]> = [
		['title', doc.title],
		['author', doc.author],
		...doc.categories.map(value => ['category', value] as const),
		...doc.tags.map(value => ['tag', value] as const),
	];
	for (const [field, value] of fields) {
		const padded = ` ${tokenText(foldText(value))} `;
		if (positive.some(term => (term.field === undefined || term.field === field) && padded.includes(needleOf(term)))) return {context: value, count: 1};
	}
	return {context: doc.title, count: 1};
}

let lastTerms: {readonly key: string; readonly filter: ((line: string) => boolean) | undefined} | undefined;

/** The line filter of the terms (see line-filter.ts), made once for the same terms. */
function filterOf(terms: readonly QueryTerm[]): ((line: string) => boolean) | undefined {
	const key = JSON.stringify(terms.map(term => term.tokens[0]));
	if (lastTerms?.key !== key) lastTerms = {key, filter: lineFilter(terms)};
	return lastTerms.filter;
}

/** A line on one line, cut to about contextChars characters around the first match of the terms. */
function cutAround(line: string, terms: readonly QueryTerm[]): string {
	const flat = line.replace(/\s+/g, ' ').trim();
	if (flat.length <= contextChars) return flat;
	const found = locateTerms(flat, terms) ?? {start: 0, end: 0};
	const before = Math.max(0, found.start - Math.floor(contextChars / 3));
	const after = Math.min(flat.length, Math.max(found.end, before + contextChars));
	return (before > 0 ? '…' : '') + flat.slice(before, after).trim() + (after < flat.length ? '…' : '');
}
