/**
 * Markdown to HTML with limits where `marked` would take time or stack space without bound:
 * container nesting (quotes, lists) deeper than a sane depth is flattened before parsing, and
 * the search for the end of an emphasis has a budget per document, after which unmatched
 * delimiters stay as they are written.
 */
import {Marked, Tokenizer, type TokenizerObject, type Tokens} from 'marked';
import markedFootnote from 'marked-footnote';

/** Quote and list markers kept at the start of a line; more are dropped (their text stays). */
export const maxMarkdownNesting = 16;
/** Leading spaces kept on a line: list nesting by indentation stops deepening beyond this. */
const maxIndent = 48;

/** Characters the emphasis searches may scan in one document, beyond its length. */
const emphasisBudgetBase = 100_000;
let emphasisBudget = 0;

const markdown = new Marked({gfm: true, breaks: false, async: false});
const limits: TokenizerObject = {
	// Each emphasis opener scans its paragraph up to a closer, or to the end when there is none;
	// what it scanned is paid out of the budget.
	emStrong(this: Tokenizer, src: string, maskedSrc: string, prevChar = '') {
		const first = src.charCodeAt(0);
		if (first !== 0x2a && first !== 0x5f) return undefined;
		// An underscore inside a word opens nothing, at no cost.
		if (first === 0x5f && /[\p{L}\p{N}]/u.test(prevChar)) return undefined;
		if (emphasisBudget <= 0) return undefined;
		const token: Tokens.Em | Tokens.Strong | undefined = Tokenizer.prototype.emStrong.call(this, src, maskedSrc, prevChar);
		emphasisBudget -= token ? token.raw.length : src.length;
		return token;
	},
};
markdown.use({tokenizer: limits});
// `[^1]` references and `[^1]: …` notes (GFM footnotes); the notes follow the text under a heading.
// Its token walk only moves the notes to the end, at the top level; it is run here over the top
// level alone, since marked's own walk over every token takes time quadratic in their number.
const {walkTokens: placeFootnotes, ...footnoteSyntax} = markedFootnote({description: 'Notes', headingClass: ''});
markdown.use(footnoteSyntax);

/** The HTML of a Markdown text; time and stack depth stay proportional to its length. */
export function markdownToHtml(text: string): string {
	emphasisBudget = emphasisBudgetBase + text.length;
	const tokens = markdown.lexer(flattenNesting(text));
	// Also ends the document for the footnote syntax, so the next one starts without notes.
	for (const token of tokens) placeFootnotes?.call(markdown, token);
	return markdown.parser(tokens);
}

// One container marker: up to three spaces, then `>` (and one optional space) or a list marker and its spaces.
const containerMarker = / {0,3}(?:> ?|(?:[-+*]|\d{1,9}[.)])(?: +|$))/y;

/**
 * `text` with quote and list markers beyond maxMarkdownNesting on a line removed and leading
 * indentation cut to maxIndent spaces, so nothing nests deeper than a reader can follow anyway.
 * Lines within the limits are unchanged.
 */
export function flattenNesting(text: string): string {
	let changed = false;
	const lines = text.split('\n');
	for (const [index, line] of lines.entries()) {
		let indent = 0;
		while (line.charCodeAt(indent) === 0x20) indent++;
		let rest = indent > maxIndent ? line.slice(indent - maxIndent) : line;
		const start = indent > maxIndent ? maxIndent : indent;
		containerMarker.lastIndex = start;
		let count = 0;
		let cut = -1;
		let end = start;
		while (end < rest.length && containerMarker.test(rest)) {
			count++;
			end = containerMarker.lastIndex;
			if (count === maxMarkdownNesting) cut = end;
		}
		if (count > maxMarkdownNesting) rest = rest.slice(0, cut) + rest.slice(end);
		if (rest !== line) {
			lines[index] = rest;
			changed = true;
		}
	}
	return changed ? lines.join('\n') : text;
}
