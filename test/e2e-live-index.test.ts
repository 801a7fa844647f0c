/**
 * End-to-end: what changes in the archive while the reader is open is written to the folder's
 * index as it happens, so the next start and search read none of those files again.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {openDatabase} from '../source/core/db/database.js';
import {indexFileFor} from '../source/core/db/index-db.js';
import {folioCommand, isolatedRun, pathWithThisNode, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll} from './helpers/terminal.js';

after(closeAll);

const post = (title: string, day: string, body: string) => `---\ntitle: "${title}"\ndate: ${day} 09:00:00 +00:00\ncategories: [ news ]\n---\n\n${body}\n`;

describe('the index follows the live archive', {skip}, () => {
	test('a post added, one edited in place and one removed while the reader is open are in the index after it quits', async () => {
		const root = makeArchive({
			'news/2024-03-02-beta.md': post('Beta report', '2024-03-02', 'Beta text.'),
			'news/2024-03-01-alpha.md': post('Alpha report', '2024-03-01', 'Alpha text.'),
			'sport/2024-03-03-gamma.md': post('Gamma report', '2024-03-03', 'Gamma text.'),
		});
		const env = isolatedRun();
		const run = (args: readonly string[]) => spawnSync(folioCommand, [root, ...args], {encoding: 'utf8', env: {...env, PATH: pathWithThisNode, TZ: 'UTC'}});
		// The first start of a small folder lists every post at once and writes the index; nothing reads the folder after that.
		const term = startFolio([root], {env});
		await term.waitFor(['3/3 posts', 'Gamma report']);
		await waitForRawMode(term);

		const added = path.join(root, 'news', '2024-03-04-delta.md');
		// Written beside the archive with a whole-second mtime (so it can be given again exactly), then moved in.
		const outside = `${root}-delta.md`;
		const when = new Date('2024-03-04T12:00:00Z');
		fs.writeFileSync(outside, post('Delta arrives', '2024-03-04', 'Only this post speaks of a quokkafest.'));
		fs.utimesSync(outside, when, when);
		fs.renameSync(outside, added);
		// Once a new post is shown, the folder is watched (a file that came before the watch is found by listing the folder again).
		await term.waitFor(['4/4 posts', 'Delta arrives'], 5000);
		// Edited in place: its folder's listing (and mtime) stays as it was.
		fs.writeFileSync(path.join(root, 'sport', '2024-03-03-gamma.md'), post('Gamma report, revised', '2024-03-03', 'Gamma text.'));
		fs.rmSync(path.join(root, 'news', '2024-03-02-beta.md'));
		await term.waitFor(['3/3 posts', 'Delta arrives', 'Gamma report, revised', screen => !screen.includes('Beta report')], 5000);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});

		// The index holds exactly those rows: the new and the edited post, and no row for the removed one.
		const db = openDatabase(indexFileFor(root, env['FOLIO_CACHE_DIR']));
		try {
			const rows = db.prepare('SELECT path, title, text_indexed FROM files ORDER BY path').all();
			assert.deepEqual(rows, [
				{path: path.join('news', '2024-03-01-alpha.md'), title: 'Alpha report', text_indexed: 0},
				{path: path.join('news', '2024-03-04-delta.md'), title: 'Delta arrives', text_indexed: 1},
				{path: path.join('sport', '2024-03-03-gamma.md'), title: 'Gamma report, revised', text_indexed: 1},
			]);
		} finally {
			db.close();
		}

		// The same size and mtime, another word: only the index still knows the post spoke of a quokkafest.
		fs.writeFileSync(added, fs.readFileSync(added, 'utf8').replace('quokkafest', 'wombatfeet'));
		fs.utimesSync(added, when, when);
		assert.equal(run(['--list', '--no-cache', '--search', 'quokkafest']).stdout, '', 'the file no longer holds the word');
		const found = run(['--list', '--search', 'quokkafest']);
		assert.match(found.stdout, /^2024-03-04 09:00\tnews\tDelta arrives\t\S+delta\.md\t.*quokkafest/m, found.stderr);
		// The post edited in place, in a folder that did not change, is listed as it is now.
		const list = run(['--list']).stdout;
		assert.match(list, /\tGamma report, revised\t/);
		assert.doesNotMatch(list, /Beta report/);
	});

	test('a list kept from the index is not given again after the reader wrote a post edited in place', async () => {
		const root = makeArchive({
			'news/2024-03-01-alpha.md': post('Alpha report', '2024-03-01', 'Alpha text.'),
			'sport/2024-03-03-gamma.md': post('Gamma report', '2024-03-03', 'Gamma text.'),
		});
		const env = isolatedRun();
		const run = (args: readonly string[]) => spawnSync(folioCommand, [root, ...args], {encoding: 'utf8', env: {...env, PATH: pathWithThisNode, TZ: 'UTC'}});
		// The first list writes the index; the next ones are answered from it, and the whole list is kept.
		for (let time = 0; time < 3; time++) assert.match(run(['--list']).stdout, /\tGamma report\t/);
		const term = startFolio([root], {env});
		await term.waitFor(['2/2 posts', 'Gamma report']);
		await waitForRawMode(term);
		// Its folder's listing (and mtime) stays as it was: only the reader's write tells the index.
		fs.writeFileSync(path.join(root, 'sport', '2024-03-03-gamma.md'), post('Gamma report, revised', '2024-03-03', 'Gamma text.'));
		await term.waitFor('Gamma report, revised', 5000);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
		assert.match(run(['--list']).stdout, /\tGamma report, revised\t/);
	});
});
