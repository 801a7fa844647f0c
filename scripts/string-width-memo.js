// string-width, remembered: the same short strings (list rows, single characters) are measured
// again on every frame by ink and by the layout code. The function is pure, so answers are reused.
// Bundled in place of `string-width` (see build.js); long strings are measured without caching.
//
// string-width itself is loaded on its first call (a `require` of an ES module, which the bundler
// turns into a module run on first use): loading it compiles Unicode property patterns
// (\p{RGI_Emoji} alone takes over 10 ms), and folio measures most text by code point ranges, so
// many runs never need it.
import {rangeWidthOf} from '../source/core/width.ts';

// Outside the bundle (the tests import this file as it is) there is no require: loaded at once.
const bundled = typeof require === 'function';
let loaded = bundled ? undefined : (await import('../node_modules/string-width/index.js')).default;
function stringWidth(text, options) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports, no-undef -- the bundler's require (see above)
	loaded ??= require('../node_modules/string-width/index.js').default;
	return loaded(text, options);
}

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
