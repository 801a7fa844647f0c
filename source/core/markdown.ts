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

// `[^1]` references and `[^1]: …` notes (GFM footnotes); the notes follow the text under a heading.
// The extension moves its notes to the end (and resets itself for the next document) in a
// walkTokens callback, which marked runs in time growing with the square of the token count;
// the same callback is called here once per document, on the notes alone.
function withFootnotes(marked: Marked): Marked {
	const footnotes = markedFootnote({description: 'Notes', headingClass: ''});
	const placeNotes = footnotes.walkTokens;
	return marked.use({
		extensions: footnotes.extensions,
		hooks: {
			processAllTokens(tokens) {
				if (placeNotes) {
					for (const token of tokens.filter(token => token.type === 'footnotes')) void placeNotes(token);
					void placeNotes({type: 'space', raw: ''});
				}
				return tokens;
			},
		},
	});
}

const newMarked = () => new Marked({gfm: true, breaks: false, async: false}).use({tokenizer: limits});
const markdown = newMarked();
/** Made on first need: only posts with footnotes pay for the extension's tokenizers. */
let markdownWithNotes: Marked | undefined;
/**
 * Footnote definitions a post may have for them to be numbered; the extension looks each
 * reference up among all of them, so beyond this the `[^n]` are left as written.
 */
export const maxFootnotes = 1000;
const footnoteDefinition = /^ {0,3}\[\^[^\]\n]+\]:/gm;

/** The converter for a text: with footnotes when it has some (and not too many). */
function markedFor(text: string): Marked {
	if (!text.includes('[^')) return markdown;
	let definitions = 0;
	footnoteDefinition.lastIndex = 0;
	while (footnoteDefinition.exec(text) !== null) if (++definitions > maxFootnotes) return markdown;
	if (definitions === 0) return markdown;
	markdownWithNotes ??= withFootnotes(newMarked());
	return markdownWithNotes;
}

/** The HTML of a Markdown text; time and stack depth stay proportional to its length. */
export function markdownToHtml(text: string): string {
	emphasisBudget = emphasisBudgetBase + text.length;
	const flat = indentContinuations(flattenNesting(text));
	return markedFor(flat).parse(flat) as string;
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

const listItemLine = /^( {0,12})([-+*]|\d{1,9}[.)])( {1,4})(?=\S)/;
const fenceLine = /^ *(`{3,}|~{3,})/;

/**
 * `text` with the paragraphs of a list item that are indented less than the item's text (two
 * spaces under `1. `, as people write them) moved under that text, so they stay in the item
 * instead of ending the list. Fenced code so moved keeps its own indentation. Other lines are
 * unchanged.
 */
export function indentContinuations(text: string): string {
	if (!/^ {0,12}(?:[-+*]|\d{1,9}[.)]) /m.test(text)) return text;
	const lines = text.split('\n');
	let item: {readonly marker: number; readonly content: number} | undefined;
	let afterBlank = false;
	let fence: {readonly mark: string; readonly shift: number} | undefined;
	let changed = false;
	for (const [index, line] of lines.entries()) {
		if (fence !== undefined) {
			if (fence.shift > 0 && line.trim() !== '') {
				lines[index] = ' '.repeat(fence.shift) + line;
				changed = true;
			}
			const close = fenceLine.exec(line);
			if (close && close[1]!.startsWith(fence.mark) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
			continue;
		}
		if (line.trim() === '') {
			afterBlank = true;
			continue;
		}
		const marker = listItemLine.exec(line);
		let indent = 0;
		while (line.charCodeAt(indent) === 0x20) indent++;
		let shift = 0;
		if (marker) {
			item = {marker: marker[1]!.length, content: marker[0].length};
		} else if (item !== undefined && indent >= item.marker + 2 && indent < item.content) {
			shift = item.content - indent;
			lines[index] = ' '.repeat(shift) + line;
			changed = true;
		} else if (item !== undefined && indent <= item.marker && afterBlank) {
			item = undefined;
		}
		afterBlank = false;
		const open = fenceLine.exec(line);
		if (open) fence = {mark: open[1]!.slice(0, 3), shift};
	}
	return changed ? lines.join('\n') : text;
}
