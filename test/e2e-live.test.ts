/**
 * End-to-end: the reader lives with its archive. A post file written while folio is open comes
 * into the list (the header counts it, `+` goes to it) without moving the selection; a post
 * removed while it is open stays readable and the status line says so.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {selected, selectedRow, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {closeAll} from './helpers/terminal.js';
import {makeArchive} from './helpers/temp-archive.js';

after(closeAll);

const post = (title: string, day: string, body = 'Body of the post.') => `---\ntitle: "${title}"\ndate: ${day} 09:00:00 +00:00\ncategories: [ news ]\n---\n\n${body}\n`;

const archive = () =>
	makeArchive({
		'2024-03-03-gamma.md': post('Gamma report', '2024-03-03'),
		'2024-03-02-beta.md': post('Beta report', '2024-03-02', 'Beta text that was loaded before the file went away.'),
		'2024-03-01-alpha.md': post('Alpha report', '2024-03-01'),
	});

describe('live archive', {skip}, () => {
	test('a post file added while folio is open appears, counted as new, and the selection stays', async () => {
		const folder = archive();
		const term = startFolio([folder]);
		await term.waitFor('3/3 posts');
		await waitForRawMode(term);
		term.write('j');
		await term.waitFor(selected('Beta report'));
		fs.writeFileSync(path.join(folder, '2024-03-04-delta.md'), post('Delta arrives', '2024-03-04'));
		const screen = await term.waitFor(['4/4 posts', '+1 new', 'Delta arrives'], 2000 + 3000);
		assert.match(selectedRow(screen) ?? '', /Beta report/, `the selection stays on the post it was on:\n${screen}`);
		term.write('+');
		const jumped = await term.waitFor(selected('Delta arrives'));
		assert.ok(!jumped.includes('+1 new'), 'once visited, it no longer counts as new');
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});

	test('a post removed while it is open stays readable and the status line says it was deleted', async () => {
		const folder = archive();
		const term = startFolio([folder]);
		await term.waitFor('3/3 posts');
		await waitForRawMode(term);
		term.write('j');
		await term.waitFor(selected('Beta report'));
		term.write('\r');
		await term.waitFor('Beta text that was loaded');
		fs.rmSync(path.join(folder, '2024-03-02-beta.md'));
		const screen = await term.waitFor('This post was deleted from the archive', 5000);
		assert.ok(screen.includes('Beta text that was loaded'), `the article is still shown:\n${screen}`);
		term.write('q');
		const list = await term.waitFor('2/2 posts');
		assert.ok(!list.includes('Beta report'), 'back in the list, the removed post is gone');
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});
});
