/** F in the reader answers from the folder's index: a post indexed and unchanged is not read again. */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {folioCommand, isolatedRun, pathWithThisNode, skip, startFolio} from './helpers/e2e.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll} from './helpers/terminal.js';

after(closeAll);

const post = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n${body}\n`;

describe('F with the index', {skip}, () => {
	test('finds an indexed post by the words the index holds, and still shows the matching line', async () => {
		const root = makeArchive({
			'a.md': post('Typhoon signal raised', '2024-11-04', 'People were offered shelter in community halls.'),
			'b.md': post('Markets calm', '2024-11-05', 'Shares rose in New York.'),
			'c.md': post('Library opens late', '2024-11-03', 'A quiet evening.'),
		});
		const env = isolatedRun();
		const file = path.join(root, 'a.md');
		const when = new Date('2024-11-04T12:00:00Z');
		fs.utimesSync(file, when, when);
		const run = (args: readonly string[]) => spawnSync(folioCommand, [root, ...args], {encoding: 'utf8', env: {...env, PATH: pathWithThisNode, TZ: 'UTC'}});
		// The first search writes every post's text to the index.
		assert.match(run(['--list', '--search', 'shelter']).stdout, /Typhoon signal raised/);
		// Same size and mtime, another word: only the index still holds "shelter".
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('shelter', 'refuge'));
		fs.utimesSync(file, when, when);
		assert.equal(run(['--list', '--no-cache', '--search', 'shelter']).stdout, '', 'the file no longer holds the word');

		const term = startFolio([root], {cols: 100, env});
		await term.waitFor(/3\/3 posts/);
		term.write('F');
		await term.waitFor(/Full text: █/);
		term.write('shelter\r');
		const screen = await term.waitFor(/1\/3 posts · All · text "shelter"/);
		assert.match(screen, /Typhoon signal raised *\n {4}\S+(?: \S+)? {2}People were offered shelter in community halls\./);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});
});
