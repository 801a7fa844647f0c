/**
 * The full-text index against the plain scan: for a set of queries (Chinese of one, two and four
 * characters, Simplified/Traditional pairs, Latin in mixed case and with diacritics, AND, phrases,
 * exclusions, fields, days), the index returns exactly the posts that matchesDocument returns over
 * the cleaned text of every post. On the fixtures, and on the shared news archives when they sit
 * beside the repository (skipped with a message when absent; a sample of a big archive).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import Database from 'better-sqlite3';
import {createSearchSchema, putSearchDocument, searchIds} from '../source/core/db/search-index.js';
import {loadArchive} from '../source/core/load.js';
import {readPostText} from '../source/core/post-text.js';
import {matchesDocument, parseQuery} from '../source/core/query.js';
import {searchDocument} from '../source/core/search-document.js';
import type {Post, SearchDocument} from '../source/core/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const corpusSkip = fs.existsSync(corpus) ? false : `no corpus at ${corpus}; the corpus differential test needs the shared news archives`;
/** Posts taken from each corpus archive at most (evenly spread), so the test stays well under a minute. */
const corpusSample = 4_000;

type Indexed = {readonly posts: readonly Post[]; readonly docs: readonly SearchDocument[]; readonly db: Database.Database};

/** Every post of the folders (every `step`-th when sampling), its search document, and an index of them. */
function indexFolders(folders: readonly string[], sample = Infinity): Indexed {
	const posts: Post[] = [];
	for (const folder of folders) {
		const loaded = loadArchive(folder).posts;
		const step = Math.max(1, loaded.length / sample);
		for (let at = 0; at < loaded.length; at += step) posts.push(loaded[Math.floor(at)]!);
	}
	const docs = posts.map(post => searchDocument(post, readPostText(post.path)));
	const db = new Database(':memory:');
	db.exec('CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, date_ms INTEGER)');
	createSearchSchema(db);
	const insert = db.prepare('INSERT INTO files (id, path, date_ms) VALUES (?, ?, ?)');
	db.transaction(() => {
		for (const [index, post] of posts.entries()) {
			insert.run(index + 1, post.path, post.date ?? null);
			putSearchDocument(db, index + 1, docs[index]!);
		}
	})();
	return {posts, docs, db};
}

/** Paths the plain scan finds and paths the index finds, for one query. */
function both(indexed: Indexed, text: string): {readonly plain: string[]; readonly index: string[]} {
	const query = parseQuery(text);
	const plain = indexed.posts.filter((post, index) => matchesDocument(indexed.docs[index]!, post.date, query)).map(post => post.path);
	const index = searchIds(indexed.db, query).map(id => indexed.posts[id - 1]!.path);
	return {plain, index};
}

/** Asserts index = plain for every query; returns how many posts each query found. */
function compare(indexed: Indexed, queries: readonly string[]): Map<string, number> {
	const found = new Map<string, number>();
	for (const text of queries) {
		const {plain, index} = both(indexed, text);
		assert.deepEqual(index, plain, `query ${JSON.stringify(text)}: index ${index.length} posts, plain scan ${plain.length}`);
		found.set(text, plain.length);
	}
	return found;
}

describe('search: index against plain scan, fixtures', () => {
	const indexed = indexFolders([path.join(root, 'test', 'fixtures', 'search'), path.join(root, 'test', 'fixtures', 'e2e'), path.join(root, 'content')]);
	const queries = [
		'港', '颱', '疫苗', '台风', '颱風', '烏克蘭', '乌克兰', '疫苗接種', '疫苗接种', '香港 疫苗', '香港 -疫苗', 'データ', 'ー', '뉴스', '한국어',
		'café', 'CAFÉ', 'Cafe', 'caf', 'sao paulo', 'ZURICH', 'école', 'ECOLE', '"new york"', '"New Yorker"', '"new yor"', 'new -yorker',
		'title:café', 'category:rthk', 'category:dw', 'tag:culture', 'tag:疫苗', 'author:müller', 'author:新华社', 'after:2024-11-04', 'before:2024-11-04',
		'疫苗 after:2024-11-05', '-香港 -疫苗 -café', 'the', 'THE -the',
		'hiddencomment', '隐藏注释', 'hiddenad', '广告', 'hiddenattribute', 'hiddenlink', 'hiddenscript', 'hiddenfigure', 'hiddencaption', 'hiddenliquid',
		'hiddenparam', 'figure', 'notice',
	];

	test('the index returns exactly what the plain scan returns', () => {
		compare(indexed, queries);
	});

	test('the plain scan finds what a reader sees and nothing hidden', () => {
		const found = compare(indexed, queries);
		// Files of the search fixtures found (the other fixture folders hold other words).
		const names = (text: string) =>
			both(indexed, text)
				.plain.filter(file => path.dirname(file).endsWith(path.join('fixtures', 'search')))
				.map(file => path.basename(file))
				.sort();
		// Simplified and Traditional find each other; Chinese words of any length match inside longer text.
		assert.deepEqual(names('烏克蘭'), ['2024-11-04-vaccine-traditional.md', '2024-11-05-vaccine-simplified.md']);
		assert.deepEqual(names('乌克兰'), names('烏克蘭'));
		assert.deepEqual(names('颱風'), ['2024-11-03-hugo-shortcodes.md']);
		assert.deepEqual(names('台风'), names('颱風'));
		assert.deepEqual(names('香港 疫苗'), ['2024-11-04-vaccine-traditional.md', '2024-11-05-vaccine-simplified.md']);
		// Entities are decoded; case and diacritics do not matter.
		assert.deepEqual(names('Café'), ['2024-11-02-cafe-entities.html']);
		assert.deepEqual(names('sao paulo'), ['2024-11-02-cafe-entities.html']);
		assert.deepEqual(names('中文菜单'), ['2024-11-02-cafe-entities.html']);
		assert.deepEqual(names('ECOLE'), ['undated-note.txt']);
		// Nothing in comments, ads, attributes, scripts or template syntax is found.
		for (const hidden of ['hiddencomment', '隐藏注释', 'hiddenad', '广告', 'hiddenattribute', 'hiddenlink', 'hiddenscript', 'hiddenfigure', 'hiddencaption', 'hiddenliquid', 'hiddenparam']) {
			assert.equal(found.get(hidden), 0, hidden);
		}
		assert.deepEqual(names('before:2024-11-04 -港'), ['2024-11-02-cafe-entities.html']);
	});
});

describe('search: index against plain scan, shared corpus', {skip: corpusSkip}, () => {
	const folders = corpusSkip ? [] : fs.readdirSync(corpus).map(name => path.join(corpus, name)).filter(folder => fs.statSync(folder).isDirectory());
	const indexed = corpusSkip ? undefined : indexFolders(folders, corpusSample);
	const queries = [
		// Chinese of one, two and four characters, and Simplified/Traditional pairs.
		'港', '的', '疫苗', '香港', '美國', '美国', '乌克兰', '烏克蘭', '台风', '颱風', '台湾', '臺灣', '美国总统', '美國總統', '以色列军', '习近平',
		// AND, phrases, exclusion.
		'香港 疫苗', '乌克兰 俄罗斯', '"特朗普 政府"', '"香港政府"', '香港 -中国', '-港 -的',
		// Latin in mixed case, prefixes, diacritics, phrases.
		'Trump', 'TRUMP', 'trump', 'trum', 'Ukraine', 'ukrainian', 'Café', 'cafe', 'São Paulo', 'sao', '"Hong Kong"', '"hong kong" police', 'the -the',
		// Fields and days.
		'title:乌克兰', 'title:trump', 'category:dw', 'category:rthk', '-category:rthk 香港', 'tag:美国', 'author:bbc', 'after:2024-11-15', 'before:2024-11-10',
		'乌克兰 after:2024-11-15', 'title:"美国大选"', 'category:rthk before:2024-11-03',
	];

	test('the index returns exactly what the plain scan returns', () => {
		const found = compare(indexed!, queries);
		// The queries are not all empty or all everything: the comparison means something.
		const counts = [...found.values()];
		assert.ok(counts.filter(count => count > 0).length >= queries.length / 2, JSON.stringify(Object.fromEntries(found)));
		assert.ok(counts.some(count => count < indexed!.posts.length / 2));
		assert.ok((found.get('香港 疫苗') ?? 0) > 0);
		assert.equal(found.get('烏克蘭'), found.get('乌克兰'));
	});
});
