/**
 * Bytes from disk to text. UTF-8 is expected; a byte-order mark is honoured (UTF-8, UTF-16), and
 * UTF-16 without one is recognised by its zero bytes (mostly in the same half of each pair);
 * text that is not valid UTF-8 is tried as GB18030 (GBK) and Big5 and the decoding whose
 * text looks like Chinese wins; otherwise it is decoded with replacement characters and flagged.
 */

/** Result of decoding: the text, and a one-line note when the bytes were not plain UTF-8. */
export type Decoded = {readonly text: string; readonly note?: string; readonly binary?: boolean};

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});
const utf8Lenient = new TextDecoder('utf-8', {fatal: false, ignoreBOM: true});
const legacyEncodings = [
	{label: 'gb18030', name: 'GBK'},
	{label: 'big5', name: 'Big5'},
] as const;

// Characters that make up a large share of any Chinese text, in simplified and traditional forms.
const commonHanzi = new Set(
	'的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心本前开開但因只从從想实實日者意无無力与與长長把机機民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西月话話合回特代内信表化老给給世位次度门門任常先海通教原东東声聲',
);

/** True when the bytes look like a binary file rather than text (NUL bytes early on, and not UTF-16). */
export function looksBinary(bytes: Uint8Array): boolean {
	if (hasUtf16Bom(bytes) || utf16WithoutBom(bytes) !== undefined) return false;
	const limit = Math.min(bytes.length, 8192);
	for (let index = 0; index < limit; index++) if (bytes[index] === 0) return true;
	return false;
}

/** Decodes a whole file (or a head of it cut at `complete === false`, where a split last character is dropped). */
export function decodeBytes(bytes: Uint8Array, complete = true): Decoded {
	const utf16 = hasUtf16Bom(bytes) ? undefined : utf16WithoutBom(bytes);
	if (utf16 !== undefined) return {text: decodeUtf16(bytes, utf16, complete), note: `no byte-order mark; decoded as ${utf16.toUpperCase()}`};
	if (looksBinary(bytes)) return {text: '', binary: true, note: 'binary file, not a post'};
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
	else if (hasUtf16Bom(bytes)) {
		const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
		return {text: decodeUtf16(bytes, label, complete), note: `decoded as ${label.toUpperCase()}`};
	}

	if (!complete) bytes = bytes.subarray(0, completeUtf8Length(bytes));
	if (isAscii(bytes)) return {text: latin1(bytes)};
	try {
		return {text: utf8.decode(bytes)};
	} catch {
		return decodeLegacy(bytes);
	}
}

function decodeLegacy(bytes: Uint8Array): Decoded {
	let best: {text: string; name: string; score: number} | undefined;
	for (const {label, name} of legacyEncodings) {
		let text: string;
		try {
			text = new TextDecoder(label).decode(bytes);
		} catch {
			continue;
		}

		const score = chineseScore(text);
		if (!best || score > best.score) best = {text, name, score};
	}

	if (best && best.score > 0.15) return {text: best.text, note: `not UTF-8; decoded as ${best.name}`};
	return {text: utf8Lenient.decode(bytes), note: 'not valid UTF-8; shown with replacement characters'};
}

/** Share of Han characters that are very common ones, minus a penalty for replacement characters. */
function chineseScore(text: string): number {
	let han = 0;
	let common = 0;
	let replaced = 0;
	for (const char of text) {
		if (char === '\uFFFD') replaced++;
		else if (char >= '\u4E00' && char <= '\u9FFF') {
			han++;
			if (commonHanzi.has(char)) common++;
		}
	}

	if (han === 0) return 0;
	return common / han - replaced / Math.max(han, 1);
}

/** How much of a file's start is looked at to tell UTF-16 and binary files. */
const sniffBytes = 8192;
// Controls that have no place in text (all but tab, newline, form feed, carriage return and escape).
// eslint-disable-next-line no-control-regex
const binaryControl = /[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F]/;

/**
 * The UTF-16 byte order of text without a byte-order mark, or undefined when the bytes are not
 * such text: their zero bytes (the high halves of ASCII characters) fall mostly on the same side
 * of each pair, and the start decodes without broken surrogates or binary controls.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const limit = Math.min(bytes.length, sniffBytes) & ~1;
	const firstZero = bytes.indexOf(0);
	if (firstZero === -1 || firstZero >= limit) return undefined;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let index = 0; index < limit; index += 2) {
		if (bytes[index] === 0) evenZeros++;
		if (bytes[index + 1] === 0) oddZeros++;
	}

	// A character such as U+4E00 has a zero byte on the other side: a few are allowed.
	if (Math.max(evenZeros, oddZeros) < 4 * Math.min(evenZeros, oddZeros) + 1) return undefined;
	const label = oddZeros > evenZeros ? 'utf-16le' : 'utf-16be';
	const head = decodeUtf16(bytes.subarray(0, limit), label, false);
	return head.includes('\uFFFD') || binaryControl.test(head) ? undefined : label;
}

/** UTF-16 bytes (a byte-order mark is dropped) as text; a head cut short loses its split last character. */
function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be', complete: boolean): string {
	if (!complete) {
		let length = bytes.length & ~1;
		const last = length >= 2 ? (label === 'utf-16le' ? bytes[length - 2]! | (bytes[length - 1]! << 8) : (bytes[length - 2]! << 8) | bytes[length - 1]!) : 0;
		if (last >= 0xd800 && last <= 0xdbff) length -= 2;
		bytes = bytes.subarray(0, length);
	}

	return new TextDecoder(label).decode(bytes);
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
	return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function isAscii(bytes: Uint8Array): boolean {
	for (const byte of bytes) if (byte > 0x7f) return false;
	return true;
}

function latin1(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 character. */
function completeUtf8Length(bytes: Uint8Array): number {
	let index = bytes.length - 1;
	let continuation = 0;
	while (index >= 0 && continuation < 4 && (bytes[index]! & 0xc0) === 0x80) {
		index--;
		continuation++;
	}

	if (index < 0) return bytes.length;
	const lead = bytes[index]!;
	const needed = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
	return needed > continuation ? index : bytes.length;
}
