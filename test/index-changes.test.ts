/** A batch of watched changes written to the index: exactly the rows of the files it names. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {openDatabase} from '../source/core/db/database.js';
import {indexFileFor, openIndexUpdates} from '../source/core/db/index-db.js';
import {indexChanges} from '../source/core/index-changes.js';
import {loadArchive} from '../source/core/load.js';
import type {Post, SearchDocument} from '../source/core/types.js';
import {makeArchive} from './helpers/temp-archive.js';

const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-index-changes-'));
after(() => fs.rmSync(cacheRoot, {recursive: true, force: true}));
let caches = 0;

const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\nBody of ${title}\n`;
const prefixOf = (root: string) => path.join(root, 'x').slice(0, -1);
const titles = (posts: readonly Post[]) => posts.map(entry => entry.title);
const documentOf = (entry: Post): SearchDocument => ({title: entry.title, body: `text of ${entry.title}`, categories: [], tags: [], author: ''});

test('rows written for a batch are what the next load lists, without reading those files', () => {
	const root = makeArchive({'a/one.md': post('One', '2024-01-01'), 'a/two.md': post('Two', '2024-01-02'), 'b/three.md': post('Three', '2024-01-03')});
	const cache = {directory: path.join(cacheRoot, String(++caches)), stamp: '1'};
	loadArchive(root, {cache});
	fs.writeFileSync(path.join(root, 'b', 'three.md'), post('Three, edited', '2024-01-03'));
	fs.writeFileSync(path.join(root, 'a', 'four.md'), post('Four', '2024-01-04'));
	fs.rmSync(path.join(root, 'a', 'two.md'));
	const changes = {
		added: [{path: path.join(root, 'a', 'four.md'), size: 0, mtimeMs: 0}],
		changed: [{path: path.join(root, 'b', 'three.md'), size: 0, mtimeMs: 0}],
		removed: [path.join(root, 'a', 'two.md')],
	};
	const batch = indexChanges(changes, prefixOf(root), {documentOf});
	assert.deepEqual(batch.removed, [path.join('a', 'two.md')]);
	assert.deepEqual(batch.put.map(([key, entry]) => [key, entry.post?.title, entry.document?.body]), [
		[path.join('a', 'four.md'), 'Four', 'text of Four'],
		[path.join('b', 'three.md'), 'Three, edited', 'text of Three, edited'],
	]);
	const updates = openIndexUpdates(root, cache);
	assert.ok(updates);
	updates.write(batch.put, batch.removed);
	updates.close();
	// b/ did not change (a file edited in place): its posts come from the index as written.
	assert.deepEqual(titles(loadArchive(root, {cache}).posts), ['Four', 'Three, edited', 'One']);
});

test('a removed folder takes the rows under it, and no other', () => {
	const root = makeArchive({'a/one.md': post('One', '2024-01-01'), 'a/inner/two.md': post('Two', '2024-01-02'), 'ab.md': post('Ab', '2024-01-03'), 'a0.md': post('A0', '2024-01-04')});
	const cache = {directory: path.join(cacheRoot, String(++caches)), stamp: '1'};
	loadArchive(root, {cache});
	const updates = openIndexUpdates(root, cache)!;
	updates.write([], ['a']);
	updates.close();
	const db = openDatabase(indexFileFor(root, cache.directory));
	try {
		assert.deepEqual(db.prepare('SELECT path FROM files ORDER BY path').pluck().all(), ['a0.md', 'ab.md']);
	} finally {
		db.close();
	}
});

test('a post that changes while it is read keeps its row but not the document of another version', () => {
	const root = makeArchive({'one.md': post('One', '2024-01-01')});
	const file = path.join(root, 'one.md');
	const batch = indexChanges({added: [{path: file, size: 0, mtimeMs: 0}], changed: [], removed: []}, prefixOf(root), {
		documentOf: entry => {
			fs.appendFileSync(file, 'more\n');
			return documentOf(entry);
		},
	});
	assert.equal(batch.put[0]?.[1].post?.title, 'One');
	assert.equal(batch.put[0]?.[1].document, undefined);
});

test('an index of another stamp, or none, is not written', () => {
	const root = makeArchive({'one.md': post('One', '2024-01-01')});
	const directory = path.join(cacheRoot, String(++caches));
	assert.equal(openIndexUpdates(root, {directory, stamp: '1'}), undefined, 'no index: none is made');
	assert.equal(fs.existsSync(directory), false);
	loadArchive(root, {cache: {directory, stamp: '1'}});
	assert.equal(openIndexUpdates(root, {directory, stamp: '2'}), undefined);
});
