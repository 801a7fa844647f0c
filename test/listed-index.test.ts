/**
 * When the index alone may answer the list (core/db/listed-index.ts): only after a pass over every
 * file, while no folder changed, and when nothing needs reading again (files that could not be
 * listed, links); then it lists exactly what loading the folder lists.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {openIndex} from '../source/core/db/index-db.js';
import {openListedIndex} from '../source/core/db/listed-index.js';
import {loadArchive} from '../source/core/load.js';
import type {Post} from '../source/core/types.js';
import {makeArchive} from './helpers/temp-archive.js';

const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-listed-index-'));
after(() => fs.rmSync(cacheRoot, {recursive: true, force: true}));
let caches = 0;

const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\ncategories: [news]\n---\nBody of ${title}\n`;
const files = {'2024/a.md': post('Alpha', '2024-01-01'), '2024/b.md': post('Beta', '2024-01-02'), 'c.md': post('Gamma', '2023-05-06 07:08:09'), 'notes.txt': 'no front matter'};

function setUp(extra: Record<string, string | Uint8Array> = {}) {
	const root = makeArchive({...files, ...extra});
	const cache = {directory: path.join(cacheRoot, String(++caches)), stamp: 'test'};
	const loaded = loadArchive(root, {cache});
	const listed = () => {
		const index = openListedIndex(root, path.join(root, 'x').slice(0, -1), cache);
		try {
			return index?.posts().map(({id: _id, ...rest}) => rest as Post);
		} finally {
			index?.close();
		}
	};
	return {root, cache, loaded, listed};
}

test('after a pass over every file, the index lists what loading the folder lists', () => {
	const {loaded, listed} = setUp();
	assert.equal(loaded.posts.length, 3);
	assert.deepEqual(listed(), loaded.posts);
});

test('an index whose last pass did not finish, or of another stamp, is not used alone', () => {
	const {root, cache, listed} = setUp();
	const store = openIndex(root, path.join(root, 'x').slice(0, -1), cache)!;
	// A batch written by a pass still under way.
	store.commit([]);
	store.close();
	assert.equal(listed(), undefined);
	loadArchive(root, {cache});
	assert.ok(listed());
	assert.equal(openListedIndex(root, path.join(root, 'x').slice(0, -1), {...cache, stamp: 'other'}), undefined);
});

test('a folder that changed since, a file that could not be listed, or a link, sends the list to the files', () => {
	const changed = setUp();
	fs.writeFileSync(path.join(changed.root, '2024', 'd.md'), post('Delta', '2024-01-03'));
	assert.equal(changed.listed(), undefined, 'a file added');
	loadArchive(changed.root, {cache: changed.cache});
	assert.deepEqual(changed.listed()?.map(entry => entry.title), ['Delta', 'Beta', 'Alpha', 'Gamma']);
	fs.rmSync(path.join(changed.root, '2024', 'a.md'));
	assert.equal(changed.listed(), undefined, 'a file removed');

	const binary = setUp({'bad.md': new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0])});
	assert.ok(binary.loaded.skipped.length > 0);
	assert.equal(binary.listed(), undefined);

	const linked = setUp();
	fs.symlinkSync(path.join(linked.root, 'c.md'), path.join(linked.root, '2024', 'link.md'));
	loadArchive(linked.root, {cache: linked.cache});
	assert.equal(linked.listed(), undefined);
});
