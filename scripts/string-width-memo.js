// string-width, remembered: the same short strings (list rows, single characters) are measured
// again on every frame by ink and by the layout code. The function is pure, so answers are reused.
// Bundled in place of `string-width` (see build.js); long strings are measured without caching.
import stringWidth from '../node_modules/string-width/index.js';
import {rangeWidthOf} from '../source/core/width.ts';

const cache = new Map();
// Select Graphic Rendition: ESC [ numbers m (colours, bold, inverse, …).
// eslint-disable-next-line no-control-regex
const sgr = /\u001B\[[\d;]*m/g;
const maxEntries = 20_000;
const maxLength = 256;

export default function memoizedStringWidth(text, options) {
	if (options !== undefined || typeof text !== 'string') return stringWidth(text, options);
	// Text whose width is certain from code point ranges needs neither the cache nor string-width.
	const known = rangeWidthOf(text);
	if (known !== undefined) return known;
	// Styled text (ink measures rows with their colour codes): string-width ignores SGR codes too.
	if (text.includes('\u001B')) {
		const plain = text.replace(sgr, '');
		const width = plain.includes('\u001B') ? undefined : rangeWidthOf(plain);
		if (width !== undefined) return width;
	}
	if (text.length > maxLength) return stringWidth(text);
	let width = cache.get(text);
	if (width === undefined) {
		width = stringWidth(text);
		if (cache.size >= maxEntries) cache.clear();
		cache.set(text, width);
	}

	return width;
}
