/**
 * One form of text for searching, used on both sides (the text searched and the query): Latin
 * letters in lower case and without diacritics, compatibility forms (full-width letters,
 * ligatures) in their plain form, and Traditional Chinese characters (and their Hong Kong and
 * Taiwan variants) as Simplified, character by character with OpenCC's tables, so that a
 * substring of a text stays a substring once both are folded.
 */
import compatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import hongKongVariants from 'opencc-js/dict/HKVariantsRev';
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';
import taiwanVariants from 'opencc-js/dict/TWVariantsRev';

/** Letters that carry a stroke or are ligatures, which Unicode does not decompose. */
const latinLetters: Readonly<Record<string, string>> = {ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ς: 'σ'};
const latinPattern = new RegExp(`[${Object.keys(latinLetters).join('')}]`, 'g');

/** BMP code unit → its Simplified code unit (0: unchanged); astral characters in `astral`. */
type ChineseTable = {readonly bmp: Uint16Array; readonly astral: ReadonlyMap<string, string>};
let chinese: ChineseTable | undefined;

/** Parses one OpenCC table: `from to [more]|...`; a character with several forms takes the first. */
function readTable(table: string): Map<string, string> {
	const map = new Map<string, string>();
	for (const entry of table.split('|')) {
		const [from, to] = entry.split(' ');
		if (from && to && [...from].length === 1 && [...to].length === 1) map.set(from, to);
	}
	return map;
}

/**
 * Traditional (and variant) character → Simplified character, as OpenCC's chain from Hong Kong or
 * Taiwan forms to mainland forms does it for single characters. Built once, on first use.
 */
function chineseTable(): ChineseTable {
	if (chinese) return chinese;
	const chain = [compatibility, hongKongVariants + '|' + taiwanVariants, traditionalToSimplified].map(readTable);
	const bmp = new Uint16Array(0x1_00_00);
	const astral = new Map<string, string>();
	for (const step of chain) {
		for (const key of step.keys()) {
			let value = key;
			for (const next of chain) value = next.get(value) ?? value;
			if (value === key) continue;
			if (key.length === 1 && value.length === 1) bmp[key.charCodeAt(0)] = value.charCodeAt(0);
			else astral.set(key, value);
		}
	}
	chinese = {bmp, astral};
	return chinese;
}

const utf16 = new TextDecoder('utf-16le');
const surrogates = /[\ud800-\udfff]/;
const astralCharacters = /[\u{10000}-\u{10ffff}]/gu;

/** Text with each Traditional character replaced by its Simplified form. */
function simplify(text: string): string {
	const {bmp, astral} = chineseTable();
	let units: Uint16Array | undefined;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x2e_80) continue;
		const simple = bmp[code]!;
		if (simple === 0) continue;
		if (units === undefined) {
			units = new Uint16Array(text.length);
			for (let copied = 0; copied < text.length; copied++) units[copied] = text.charCodeAt(copied);
		}
		units[index] = simple;
	}
	let result = units === undefined ? text : utf16.decode(units);
	if (astral.size > 0 && surrogates.test(result)) result = result.replace(astralCharacters, character => astral.get(character) ?? character);
	return result;
}

// Combining marks of Latin, Greek and Cyrillic diacritics, left once letters are decomposed
// (marks on their own in a class on purpose: they are what is removed).
// eslint-disable-next-line no-misleading-character-class
const diacritics = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
// eslint-disable-next-line no-control-regex
const nonAscii = /[^\u0000-\u007f]/;

/**
 * The searchable form of a text (entities must already be decoded): lower case, no diacritics,
 * compatibility characters in their plain form, Traditional Chinese as Simplified. Two texts that
 * differ only in these ways fold to the same string.
 */
export function foldText(text: string): string {
	if (!nonAscii.test(text)) return text.toLowerCase();
	let folded = text.normalize('NFKC').toLowerCase().normalize('NFD').replace(diacritics, '').normalize('NFC');
	folded = folded.replace(latinPattern, letter => latinLetters[letter] ?? letter);
	return simplify(folded);
}

/** Whether a code unit is a CJK unified ideograph of the BMP: no decomposition, folded only by the Chinese table. */
export function isUnifiedHan(code: number): boolean {
	return (code >= 0x34_00 && code <= 0x4d_bf) || (code >= 0x4e_00 && code <= 0x9f_ff);
}

/** The Simplified form of a BMP code unit as foldText gives it on its own (0: unchanged). */
export function simplifiedUnit(code: number): number {
	return chineseTable().bmp[code] ?? 0;
}

/** foldText of one character (one code point), the same string, sooner for a Chinese character. */
export function foldCharacter(character: string): string {
	const code = character.charCodeAt(0);
	if (character.length !== 1 || !isUnifiedHan(code)) return foldText(character);
	const simple = simplifiedUnit(code);
	return simple === 0 ? character : String.fromCharCode(simple);
}
