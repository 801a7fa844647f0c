/** Searching an archive partly indexed: indexed posts from the index alone, the rest read; the same result as reading every file. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {describe, test} from 'node:test';
import Database from 'better-sqlite3';
import {searchArchive} from '../source/core/db/search-archive.js';
import {createSearchSchema, putSearchDocument} from '../source/core/db/search-index.js';
import {searchPostFile} from '../source/core/full-text.js';
import {loadArchive} from '../source/core/load.js';
import {readPostText} from '../source/core/post-text.js';
import {searchDocument} from '../source/core/search-document.js';
import type {Post} from '../source/core/types.js';
import {makeArchive} from './helpers/temp-archive.js';

const files: Record<string, string> = {
	'2024-11-01-a.md': '---\ntitle: 香港疫苗接種\ndate: 2024-11-01 10:00\ncategories: [rthk]\n---\n衞生署表示，市民可預約疫苗。\n',
	'2024-11-02-b.html': '---\ntitle: Caf&eacute; news\ndate: 2024-11-02\ncategories: [dw]\n---\n<p>The Caf&eacute; opened. <!-- secret --></p>\n',
	'2024-11-03-c.md': '---\ntitle: 烏克蘭局勢\ndate: 2024-11-03 09:00\ncategories: [cna]\ntags: [乌克兰]\n---\n乌克兰和香港的经验。\n',
	'2024-11-04-d.md': '---\ntitle: Typhoon\ndate: 2024-11-04\ncategories: [rthk]\n---\n颱風襲港，天文台發出八號風球。\n',
	'2024-11-05-e.md': '---\ntitle: Markets\ndate: 2024-11-05 08:00\nauthor: Zoë\n---\nShares rose in New York.\n',
	'2024-11-06-f.md': '---\ntitle: 内地疫苗\ndate: 2024-11-06 08:00\ncategories: [cna]\n---\n疫苗接种计划扩大。\n',
};

/** The archive with the posts at `indexed` (by position, newest first) in an index; the rest not. */
function partlyIndexed(indexed: readonly number[]): {posts: Post[]; db: Database.Database; ids: Map<string, number>} {
	const root = makeArchive(files);
	const {posts} = loadArchive(root);
	const db = new Database(':memory:');
	db.exec('CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, date_ms INTEGER)');
	createSearchSchema(db);
	const ids = new Map<string, number>();
	for (const at of indexed) {
		const post = posts[at]!;
		const id = at + 1;
		db.prepare('INSERT INTO files (id, path, date_ms) VALUES (?, ?, ?)').run(id, post.path, post.date ?? null);
		putSearchDocument(db, id, searchDocument(post, readPostText(post.path)));
		ids.set(post.path, id);
	}
	return {posts, db, ids};
}

const queries = ['疫苗', '香港 疫苗', '烏克蘭', '台风', 'café', 'secret', '"new york"', '疫苗 -香港', 'category:rthk', 'after:2024-11-04', 'before:2024-11-03 港', 'zoe'];

describe('searchArchive', () => {
	test('partly indexed, it finds exactly what reading every file finds, with the same lines', () => {
		for (const indexed of [[], [0, 1, 2, 3, 4, 5], [0, 2, 4], [1, 3, 5]]) {
			const {posts, db, ids} = partlyIndexed(indexed);
			for (const text of queries) {
				const scan = posts.flatMap(post => {
					const hit = searchPostFile(post, text);
					return hit ? [[post.path, hit.context]] : [];
				});
				const found = searchArchive(db, posts, post => ids.get(post.path), text).map(hit => [hit.post.path, hit.context]);
				assert.deepEqual(found, scan, `${JSON.stringify(indexed)} ${text}`);
			}
			assert.ok(searchArchive(db, posts, post => ids.get(post.path), '疫苗').length >= 2);
		}
	});

	test('an indexed post is answered from the index alone: its file is not read again', () => {
		const {posts, db, ids} = partlyIndexed([0, 1, 2, 3, 4, 5]);
		for (const post of posts) fs.rmSync(post.path);
		const found = searchArchive(db, posts, post => ids.get(post.path), '疫苗接种');
		assert.deepEqual(
			found.map(hit => [hit.post.title, hit.context]),
			[
				['内地疫苗', '疫苗接种计划扩大。'],
				['香港疫苗接種', '香港疫苗接種'],
			],
		);
	});

	test('without an index every file is read; a blank search finds nothing', () => {
		const {posts} = partlyIndexed([]);
		assert.deepEqual(
			searchArchive(undefined, posts, () => 1, '台风').map(hit => hit.post.title),
			['Typhoon'],
		);
		assert.deepEqual(searchArchive(undefined, posts, () => undefined, '  '), []);
	});
});
