/**
 * The quick line test of a search (core/line-filter.ts) and the quick fold of one character
 * (foldCharacter): they must never disagree with foldText and tokenText, which define a match.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {foldCharacter, foldText} from '../source/core/fold.js';
import {candidateLines, lineFilter} from '../source/core/line-filter.js';
import {parseQuery} from '../source/core/query.js';
import {matchContext} from '../source/core/search-context.js';
import {tokenText} from '../source/core/search-tokens.js';

/** Whether the line holds the term as a search sees it. */
function holds(line: string, term: string): boolean {
	return ` ${tokenText(foldText(line))} `.includes(` ${tokenText(foldText(term))}`);
}

test('foldCharacter gives what foldText gives, for every Chinese character and others', () => {
	for (let code = 0x34_00; code <= 0x9f_ff; code++) {
		const character = String.fromCharCode(code);
		assert.equal(foldCharacter(character), foldText(character), `U+${code.toString(16)}`);
	}
	for (const character of ['A', 'É', 'ß', 'ﬁ', '㊀', '⼀', '〸', '﨑', '𠀀', '，', 'ｆ']) assert.equal(foldCharacter(character), foldText(character), character);
});

test('a line the quick test passes over never holds the term; lines without it are passed over', () => {
	const terms = ['一', '十', '崎', '乌克兰', '台风', '渔业配额', '港'];
	const lines = [
		'烏克蘭局勢', '乌克兰', '颱風襲港', '台風', '漁業配額談判', '渔业配额', '⼀月', '㊀', '〸', '﨑', '崎', '𠀀港', '香港。', '「港」',
		'ＡＢＣ，。', 'plain ascii line', '日本の台風', '長崎', '全然無關的句子。', '另一行文字', '十分', 'x﨑y',
	];
	for (const term of terms) {
		const filter = lineFilter(parseQuery(term).terms);
		assert.ok(filter, `a quick test for ${term}`);
		for (const line of lines) if (holds(line, term)) assert.ok(filter(line), `${JSON.stringify(line)} holds ${term}`);
	}
	const harbour = lineFilter(parseQuery('港').terms)!;
	assert.equal(harbour('全然無關的句子。'), false);
	assert.equal(harbour('plain ascii line'), false);
	assert.equal(lineFilter(parseQuery('港 fishing').terms), undefined, 'no quick test when a term is not Chinese');
});

test('the line shown for a match is the first line that holds it, with or without Traditional forms', () => {
	const doc = {title: 'T', body: '第一行沒有。\n也沒有\n漁業配額的新聞在這裡\n渔业配额第二次', categories: [], tags: [], author: ''};
	assert.equal(matchContext(doc, parseQuery('渔业配额')).context, '漁業配額的新聞在這裡');
	assert.equal(matchContext(doc, parseQuery('第二次')).context, '渔业配额第二次');
	assert.equal(matchContext(doc, parseQuery('T')).context, 'T');
});

test('the candidate lines of a stored body give the line a search of the whole body shows', () => {
	const body = [
		'Café first line, ascii and é', '', '第一行沒有。', '𠀀 astral here', '「港」在這一行', '⼀ Kangxi one', '長崎の台風', '漁業配額談判開始', '渔业配额第二次',
		'乌克兰局势', 'x﨑y', '最後一行，十分重要',
	].join('\n');
	for (const text of ['渔业配额', '港', '一', '十', '崎', '台风', '乌克兰', '香港 疫苗', 'café', '配额 -港', 'title:港 港', '没有']) {
		const query = parseQuery(text);
		const terms = query.terms.filter(term => !term.negated && term.field === undefined);
		const doc = {title: 'Title', body, categories: [], tags: [], author: ''};
		const quick = {...doc, body: candidateLines(Buffer.from(body), terms)};
		assert.equal(matchContext(quick, query).context, matchContext(doc, query).context, text);
	}
	assert.equal(candidateLines(Buffer.from(body), parseQuery('渔业配额').terms), '𠀀 astral here\n⼀ Kangxi one\n漁業配額談判開始\n渔业配额第二次\nx﨑y', 'the lines that may fold to 渔, in order');
});
