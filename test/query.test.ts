/** The search syntax and the plain matcher that defines what `--search`, `/` and `F` find. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {foldText} from '../source/core/fold.js';
import {isEmptyQuery, matchesDocument, matchesListedPost, parseQuery} from '../source/core/query.js';
import type {SearchDocument} from '../source/core/types.js';
import {makePost} from './helpers/posts.js';

function doc(overrides: Partial<SearchDocument> = {}): SearchDocument {
	return {title: '', body: '', categories: [], tags: [], author: '', ...overrides};
}

const docs: Record<string, SearchDocument> = {
	hk: doc({title: '香港推出新一輪疫苗接種計劃', body: '政府表示，市民可於社區中心接種。', categories: ['rthk'], tags: ['疫苗']}),
	vaccine: doc({title: '疫苗', body: '内地的疫苗接种计划', categories: ['cna']}),
	ukraine: doc({title: 'Ukraine talks', body: '乌克兰局势紧张。The Café de Flore stayed open.', categories: ['dw'], author: 'Zoë Müller'}),
	typhoon: doc({title: '颱風襲港', body: '天文台發出八號風球。', categories: ['rthk', 'weather news']}),
	york: doc({title: 'New Yorker', body: 'A visit to new york city', tags: ['travel', 'city life']}),
};

function find(text: string, dates: Record<string, number> = {}): string[] {
	const query = parseQuery(text);
	return Object.entries(docs)
		.filter(([name, document]) => matchesDocument(document, dates[name], query))
		.map(([name]) => name);
}

describe('parseQuery', () => {
	test('reads words, phrases, exclusions and fields as plain data', () => {
		const query = parseQuery('香港 "new york" -Café title:疫苗 category:"weather news" tag:x author:zoë');
		assert.deepEqual(
			query.terms.map(term => [term.text, term.tokens, term.exact, term.negated, term.field]),
			[
				['香港', ['香', '港'], false, false, undefined],
				['new york', ['new', 'york'], true, false, undefined],
				['Café', ['cafe'], false, true, undefined],
				['疫苗', ['疫', '苗'], false, false, 'title'],
				['weather news', ['weather', 'news'], true, false, 'category'],
				['x', ['x'], false, false, 'tag'],
				['zoë', ['zoe'], false, false, 'author'],
			],
		);
		assert.deepEqual(query.problems, []);
		assert.deepEqual(JSON.parse(JSON.stringify(query)).terms.length, 7);
	});

	test('reads after: and before: as local days, and names a bad day in one line', () => {
		const query = parseQuery('after:2024-11-02 before:2024-11-05');
		assert.equal(query.afterMs, new Date(2024, 10, 2).getTime());
		assert.equal(query.beforeMs, new Date(2024, 10, 5).getTime());
		const bad = parseQuery('rain before:2024-13-45');
		assert.equal(bad.beforeMs, undefined);
		assert.deepEqual(bad.problems, ['before: wants a day as YYYY-MM-DD, not "2024-13-45"']);
		assert.equal(bad.terms.length, 1);
	});

	test('an empty, blank or punctuation-only query restricts nothing', () => {
		for (const text of ['', '   ', '!!! ,', '-']) assert.ok(isEmptyQuery(parseQuery(text)), JSON.stringify(text));
		assert.equal(find('').length, Object.keys(docs).length);
		assert.ok(!isEmptyQuery(parseQuery('a')));
	});

	test('an unknown field name is part of the word, an unclosed quote runs to the end', () => {
		assert.deepEqual(parseQuery('http://x').terms[0]?.tokens, ['http', 'x']);
		assert.deepEqual(parseQuery('"new york').terms[0]?.tokens, ['new', 'york']);
		assert.equal(parseQuery('TITLE:Ukraine').terms[0]?.field, 'title');
	});
});

describe('matchesDocument', () => {
	test('Chinese of one, two and four characters matches anywhere in a word', () => {
		assert.deepEqual(find('苗'), ['hk', 'vaccine']);
		assert.deepEqual(find('疫苗'), ['hk', 'vaccine']);
		assert.deepEqual(find('克兰'), ['ukraine']);
		assert.deepEqual(find('疫苗接种'), ['hk', 'vaccine']);
		assert.deepEqual(find('接種計劃'), ['hk', 'vaccine']);
		assert.deepEqual(find('计划表'), []);
	});

	test('Simplified and Traditional Chinese find each other', () => {
		assert.deepEqual(find('烏克蘭'), ['ukraine']);
		assert.deepEqual(find('乌克兰'), ['ukraine']);
		assert.deepEqual(find('台风'), ['typhoon']);
		assert.deepEqual(find('颱風'), ['typhoon']);
	});

	test('words are ANDed, across fields', () => {
		assert.deepEqual(find('香港 疫苗'), ['hk']);
		assert.deepEqual(find('ukraine 乌克兰'), ['ukraine']);
		assert.deepEqual(find('ukraine 香港'), []);
	});

	test('Latin matches in any case, without diacritics, at the start of a word', () => {
		assert.deepEqual(find('CAFÉ'), ['ukraine']);
		assert.deepEqual(find('cafe'), ['ukraine']);
		assert.deepEqual(find('ukrain'), ['ukraine']);
		assert.deepEqual(find('kraine'), []);
		assert.deepEqual(find('zoe muller'), ['ukraine']);
	});

	test('a phrase matches its words in a row, each whole', () => {
		assert.deepEqual(find('"new york"'), ['york']);
		assert.deepEqual(find('"york city"'), ['york']);
		assert.deepEqual(find('"new yorker"'), ['york']);
		assert.deepEqual(find('"new yor"'), []);
		assert.deepEqual(find('"city new"'), []);
		assert.deepEqual(find('"疫苗接种"'), ['hk', 'vaccine']);
	});

	test('-word leaves out the posts that match it', () => {
		assert.deepEqual(find('疫苗 -rthk'), ['vaccine']);
		assert.deepEqual(find('-疫苗'), ['ukraine', 'typhoon', 'york']);
		assert.deepEqual(find('-"new york" -疫苗'), ['ukraine', 'typhoon']);
		assert.deepEqual(find('疫苗 -title:香港'), ['vaccine']);
	});

	test('fields look only where they say', () => {
		assert.deepEqual(find('title:疫苗'), ['hk', 'vaccine']);
		assert.deepEqual(find('title:社区'), []);
		assert.deepEqual(find('社区'), ['hk']);
		assert.deepEqual(find('category:rthk'), ['hk', 'typhoon']);
		assert.deepEqual(find('category:"weather news"'), ['typhoon']);
		assert.deepEqual(find('tag:疫苗'), ['hk']);
		assert.deepEqual(find('author:müller'), ['ukraine']);
		assert.deepEqual(find('author:ukraine'), []);
	});

	test('a phrase never runs from one category or tag into the next', () => {
		assert.deepEqual(find('"rthk weather"'), []);
		assert.deepEqual(find('tag:"travel city"'), []);
		assert.deepEqual(find('tag:"city life"'), ['york']);
	});

	test('after: and before: keep dated posts in range and leave out undated ones', () => {
		const dates = {hk: new Date(2024, 10, 1, 23, 30).getTime(), vaccine: new Date(2024, 10, 2, 0, 0).getTime(), york: new Date(2024, 10, 5).getTime()};
		assert.deepEqual(find('after:2024-11-02', dates), ['vaccine', 'york']);
		assert.deepEqual(find('before:2024-11-02', dates), ['hk']);
		assert.deepEqual(find('after:2024-11-01 before:2024-11-05', dates), ['hk', 'vaccine']);
		assert.deepEqual(find('疫苗 after:2024-11-02', dates), ['vaccine']);
	});
});

describe('matchesListedPost', () => {
	test('uses the listed fields and date, not the body', () => {
		const post = makePost({title: 'Rain in Hong Kong', categories: ['rthk'], author: 'Zoë', date: new Date(2024, 10, 3).getTime()});
		assert.ok(matchesListedPost(post, parseQuery('RAIN hong')));
		assert.ok(matchesListedPost(post, parseQuery('category:rthk zoe after:2024-11-03')));
		assert.ok(!matchesListedPost(post, parseQuery('rain -kong')));
		assert.ok(!matchesListedPost(post, parseQuery('before:2024-11-03')));
	});
});

describe('foldText', () => {
	test('folds case, diacritics, compatibility forms and Traditional Chinese', () => {
		assert.equal(foldText('Café ÉCOLE Zoë Straße Łódź ＡＢＣ ﬁne'), 'cafe ecole zoe strasse lodz abc fine');
		assert.equal(foldText('烏克蘭 颱風 臺灣'), '乌克兰 台风 台湾');
		assert.equal(foldText('乌克兰 台风'), '乌克兰 台风');
		assert.equal(foldText('한국어 データ'), '한국어 データ');
	});

	test('folds character by character: a substring stays a substring', () => {
		const text = '香港政府今日宣布新一輪疫苗接種計劃，烏克蘭局勢持續緊張。';
		const folded = foldText(text);
		assert.equal([...folded].length, [...text].length);
		for (let start = 0; start < text.length; start += 3) {
			assert.ok(folded.includes(foldText(text.slice(start, start + 4))));
		}
	});
});
