/**
 * Keeps HTML shallow enough to convert: the converter walks elements recursively and leaves out
 * (with an ellipsis) whatever lies deeper than its limit, so elements nested deeper than a sane
 * depth lose their tags here while their text stays, at the deepest kept level.
 */
import {Parser} from 'htmlparser2';

/** Elements nested deeper than this lose their tags (their content stays). */
export const maxHtmlNesting = 96;

/** Elements whose content is not markup, or that hold no content: their tags always stay. */
const keptTags = new Set([
	'script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'template', 'svg', 'math',
	'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);

/** `html` with the tags of elements nested deeper than maxHtmlNesting removed; unchanged when none are. */
export function flattenDeepHtml(html: string): string {
	if (!mayNestDeeperThan(html, maxHtmlNesting)) return html;
	// Source ranges [start, end) of the tags to remove, in order.
	const cuts: number[] = [];
	const removed: boolean[] = [];
	const parser: Parser = new Parser(
		{
			onopentag(name) {
				const remove = removed.length >= maxHtmlNesting && !keptTags.has(name);
				if (remove) cuts.push(parser.startIndex, parser.endIndex + 1);
				removed.push(remove);
			},
			onclosetag(_name, isImplied) {
				const remove = removed.pop();
				if (remove && !isImplied) cuts.push(parser.startIndex, parser.endIndex + 1);
			},
		},
		{decodeEntities: true},
	);
	parser.end(html);
	if (cuts.length === 0) return html;
	const parts: string[] = [];
	let from = 0;
	for (let index = 0; index < cuts.length; index += 2) {
		const start = cuts[index]!;
		if (start < from) continue;
		parts.push(html.slice(from, start));
		from = cuts[index + 1]!;
	}
	parts.push(html.slice(from));
	return parts.join('');
}

/** False only when `html` holds too few tags to nest `depth` deep (cheap: counts `<`). */
function mayNestDeeperThan(html: string, depth: number): boolean {
	let tags = 0;
	for (let index = html.indexOf('<'); index !== -1; index = html.indexOf('<', index + 1)) if (++tags > depth) return true;
	return false;
}
