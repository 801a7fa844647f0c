/**
 * Display width of text in terminal cells. Text made only of characters whose width is certain
 * (ASCII, Latin, common punctuation, CJK ideographs, kana, Hangul, fullwidth forms) is measured
 * by code point ranges; anything else (emoji, combining marks, rare scripts) goes to string-width.
 * The ranges agree with string-width on every code point they cover (see the tests), and they
 * spare the first call the cost of compiling string-width's Unicode property patterns.
 */
import stringWidth from 'string-width';

/** Width of one UTF-16 code unit when it is certain from its range alone; -1 when not. */
function unitWidth(code: number): number {
	if (code >= 0x20 && code < 0x7f) return 1;
	if (code < 0xa0) return -1;
	if (code <= 0x2ff) return code === 0xad ? -1 : 1;
	if (code >= 0x2010 && code <= 0x2027) return 1;
	if (code >= 0x2030 && code <= 0x205e) return 1;
	if (code >= 0x2190 && code <= 0x21ff) return 1;
	if (code >= 0x2500 && code <= 0x257f) return 1;
	if (code >= 0x4e00 && code <= 0x9fff) return 2;
	if (code >= 0x3400 && code <= 0x4dbf) return 2;
	if ((code >= 0x3000 && code <= 0x3029) || (code >= 0x3030 && code <= 0x303e)) return 2;
	if ((code >= 0x3041 && code <= 0x3096) || (code >= 0x309b && code <= 0x30ff)) return 2;
	if (code >= 0xac00 && code <= 0xd7a3) return 2;
	if (code >= 0xf900 && code <= 0xfaff) return 2;
	if ((code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)) return 2;
	if (code >= 0xff61 && code <= 0xff9d) return 1;
	return -1;
}

/** The width of `text` from code point ranges alone, or undefined when a character needs string-width. */
export function rangeWidthOf(text: string): number | undefined {
	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const cells = unitWidth(text.charCodeAt(index));
		if (cells < 0) return undefined;
		width += cells;
	}

	return width;
}

/** Display width of `text` in terminal cells (CJK and emoji count two); time linear in its length. */
export function displayWidth(text: string): number {
	const width = rangeWidthOf(text);
	if (width !== undefined) return width;
	if (text.length <= segmentWindow) return stringWidth(text);
	// string-width segments the whole text at once, which takes time growing with its square.
	let total = 0;
	for (const {segment} of graphemeSegments(text)) total += clusterWidth(segment);
	return total;
}

const clusterWidths = new Map<string, number>();

/** The width of one grapheme cluster, remembered for short ones. */
export function clusterWidth(cluster: string): number {
	if (cluster.length > 16) return rangeWidthOf(cluster) ?? stringWidth(cluster);
	let width = clusterWidths.get(cluster);
	if (width === undefined) {
		width = rangeWidthOf(cluster) ?? stringWidth(cluster);
		if (clusterWidths.size >= 16384) clusterWidths.clear();
		clusterWidths.set(cluster, width);
	}
	return width;
}

/** Made on first need: the first segmenter of a process costs several milliseconds of start-up. */
let segmenter: Intl.Segmenter | undefined;
/** Code units segmented at once: the segmenter's cost grows with the square of what it is given. */
const segmentWindow = 256;

type Segment = {readonly segment: string; readonly index: number};

/**
 * The grapheme clusters of `text` with their offsets, in time linear in its length: the text is
 * segmented a window at a time, each window starting at the last cluster the one before may have
 * cut (so every boundary is the one the whole text has). A single cluster longer than a window
 * (thousands of combining marks) is cut at the window's end.
 */
export function* graphemeSegments(text: string): Generator<Segment> {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	let base = 0;
	while (base < text.length) {
		let end = Math.min(text.length, base + segmentWindow);
		const last = text.charCodeAt(end - 1);
		if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
		const window = base === 0 && end === text.length ? text : text.slice(base, end);
		const segments = [...segmenter.segment(window)];
		if (end === text.length) {
			for (const {segment, index} of segments) yield {segment, index: base + index};
			return;
		}
		if (segments.length === 1) {
			yield {segment: window, index: base};
			base = end;
			continue;
		}
		for (let index = 0; index < segments.length - 1; index++) yield {segment: segments[index]!.segment, index: base + segments[index]!.index};
		base += segments.at(-1)!.index;
	}
}
