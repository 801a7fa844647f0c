/** The FTS5 search index: it finds exactly what the plain matcher finds, and follows changes. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import Database from 'better-sqlite3';
import {createSearchSchema, deleteSearchDocument, putSearchDocument, searchIds, searchSchemaVersion, storedBody} from '../source/core/db/search-index.js';
import {matchesDocument, parseQuery} from '../source/core/query.js';
import type {SearchDocument} from '../source/core/types.js';

function doc(overrides: Partial<SearchDocument> = {}): SearchDocument {
	return {title: '', body: '', categories: [], tags: [], author: '', ...overrides};
}

const day = (d: number) => new Date(2024, 10, d, 12).getTime();
const docs: ReadonlyArray<readonly [SearchDocument, number | undefined]> = [
	[doc({title: '香港推出新一輪疫苗接種計劃', body: '政府表示，市民可於社區中心接種。', categories: ['rthk'], tags: ['疫苗']}), day(1)],
	[doc({title: '疫苗', body: '内地的疫苗接种计划', categories: ['cna']}), day(2)],
	[doc({title: 'Ukraine talks', body: '乌克兰局势紧张。The Café de Flore stayed open.', categories: ['dw'], author: 'Zoë Müller'}), day(3)],
	[doc({title: '颱風襲港', body: '天文台發出八號風球。', categories: ['rthk', 'weather news']}), undefined],
	[doc({title: 'New Yorker', body: 'A visit to new york city', tags: ['travel', 'city life']}), day(5)],
	[doc({title: '東京のニュース', body: 'データベースの更新。한국어 뉴스도 있습니다. ภาษาไทย'}), day(6)],
	[doc({title: 'Quotes "and" stars * and NOT OR AND', body: 'col:umn (paren) {brace} ^caret'}), day(7)],
];

function open(): Database.Database {
	const db = new Database(':memory:');
	db.exec('CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, date_ms INTEGER)');
	createSearchSchema(db);
	for (const [index, [document, date]] of docs.entries()) {
		db.prepare('INSERT INTO files (id, path, date_ms) VALUES (?, ?, ?)').run(index + 1, `/p${index + 1}.md`, date ?? null);
		putSearchDocument(db, index + 1, document);
	}
	return db;
}

function plain(text: string): number[] {
	const query = parseQuery(text);
	return docs.flatMap(([document, date], index) => (matchesDocument(document, date, query) ? [index + 1] : []));
}

const queries = [
	'', '港', '疫苗', '疫苗接种', '接種計劃', '烏克蘭', '乌克兰', '台风', '颱風', '香港 疫苗', 'ukrain', 'UKRAINE', 'café', 'CAFE', 'kraine',
	'"new york"', '"new yor"', '"new yorker"', '"york city"', '疫苗 -rthk', '-疫苗', '-"new york" -疫苗', 'title:疫苗', 'title:社区', 'category:rthk',
	'category:"weather news"', '"rthk weather"', 'tag:"city life"', 'tag:"travel city"', 'author:müller', 'after:2024-11-02', 'before:2024-11-03',
	'疫苗 after:2024-11-02', '-疫苗 before:2024-11-06', 'デ', 'データ', 'ー', '한국', '뉴스', 'ไทย', 'ภา', '"and" stars', 'NOT', 'OR', 'AND', 'col:umn', '(paren)',
	'{brace}', '^caret', '*', 'stars*', 'x', '-x', 'title:', '"', '""',
];

describe('search index', () => {
	test('returns exactly the posts the plain matcher returns', () => {
		const db = open();
		for (const text of queries) assert.deepEqual(searchIds(db, parseQuery(text)), plain(text), `query ${JSON.stringify(text)}`);
		// The set is not trivial: the queries pick out different posts.
		const distinct = new Set(queries.map(text => plain(text).join())).size;
		assert.ok(distinct >= 12, String(distinct));
	});

	test('a replaced document is found by its new text only; a deleted one not at all', () => {
		const db = open();
		putSearchDocument(db, 2, doc({title: '新標題', body: 'fresh words'}));
		assert.deepEqual(searchIds(db, parseQuery('fresh')), [2]);
		assert.deepEqual(searchIds(db, parseQuery('内地')), []);
		assert.deepEqual(searchIds(db, parseQuery('新标题')), [2]);
		deleteSearchDocument(db, 2);
		assert.deepEqual(searchIds(db, parseQuery('fresh')), []);
		assert.ok(!searchIds(db, parseQuery('')).includes(2));
		assert.equal(storedBody(db, 2), undefined);
		deleteSearchDocument(db, 99);
	});

	test('keeps the readable body for showing the matching line', () => {
		const db = open();
		assert.equal(storedBody(db, 3), '乌克兰局势紧张。The Café de Flore stayed open.');
	});

	test('a day without a time, stored as midnight UTC, passes after: and before: by its day in any time zone', () => {
		const zone = process.env['TZ'];
		try {
			for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
				process.env['TZ'] = tz;
				const db = new Database(':memory:');
				db.exec('CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, date_ms INTEGER, date_only INTEGER NOT NULL DEFAULT 0)');
				createSearchSchema(db);
				// Post 1: the day 2024-11-02 (no time); post 2: 2024-11-02 23:30 local; post 3: 2024-11-03 00:30 local.
				const rows = [
					[Date.UTC(2024, 10, 2), 1, new Date(2024, 10, 2).getTime()],
					[new Date(2024, 10, 2, 23, 30).getTime(), 0, new Date(2024, 10, 2, 23, 30).getTime()],
					[new Date(2024, 10, 3, 0, 30).getTime(), 0, new Date(2024, 10, 3, 0, 30).getTime()],
				] as const;
				for (const [index, [stored, dateOnly]] of rows.entries()) {
					db.prepare('INSERT INTO files (id, path, date_ms, date_only) VALUES (?, ?, ?, ?)').run(index + 1, `/d${index}`, stored, dateOnly);
					putSearchDocument(db, index + 1, doc({title: 'news'}));
				}
				const expected: Record<string, number[]> = {'after:2024-11-02': [1, 2, 3], 'after:2024-11-03': [3], 'before:2024-11-03': [1, 2], 'news before:2024-11-02': [], 'after:2024-11-02 before:2024-11-03': [1, 2]};
				for (const [text, ids] of Object.entries(expected)) {
					const query = parseQuery(text);
					const plain = rows.flatMap(([, , local], index) => (matchesDocument(doc({title: 'news'}), local, query) ? [index + 1] : []));
					assert.deepEqual(plain, ids, `${tz} plain ${text}`);
					assert.deepEqual(searchIds(db, query), ids, `${tz} index ${text}`);
				}
			}
		} finally {
			if (zone === undefined) delete process.env['TZ'];
			else process.env['TZ'] = zone;
		}
	});

	test('creating the schema again keeps the documents; another version starts empty', () => {
		const db = open();
		assert.equal(createSearchSchema(db), false);
		assert.deepEqual(searchIds(db, parseQuery('疫苗')), [1, 2]);
		db.prepare("UPDATE search_meta SET value = ? WHERE key = 'version'").run(searchSchemaVersion + 1);
		assert.equal(createSearchSchema(db), true);
		assert.deepEqual(searchIds(db, parseQuery('疫苗')), []);
		putSearchDocument(db, 1, docs[0]![0]);
		assert.deepEqual(searchIds(db, parseQuery('疫苗')), [1]);
	});
});
