/**
 * End-to-end: stars. `s` stars the selected post (a `*` in the list), the star is still there in
 * the next run (state database), `*` shows only starred posts, and `--starred` restricts
 * `--list`, `--json` and the reader.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {listRows, runCli, selected, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {closeAll} from './helpers/terminal.js';
import {makeArchive} from './helpers/temp-archive.js';

after(closeAll);

const state = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-stars-'));
after(() => fs.rmSync(state, {recursive: true, force: true}));

const post = (title: string, day: string) => `---\ntitle: "${title}"\ndate: ${day} 09:00:00 +00:00\ncategories: [ news ]\n---\n\nText of ${title}.\n`;

/** The list row of a post, by its title. */
const rowOf = (screen: string, title: string) => listRows(screen).find(row => row.includes(title)) ?? '';
const starredRow = /^(?:› | {2})\S+(?: \S+)? [• ]\* /;

describe('stars', {skip}, () => {
	const folder = makeArchive({
		'2024-03-03-gamma.md': post('Gamma report', '2024-03-03'),
		'2024-03-02-beta.md': post('Beta report', '2024-03-02'),
		'2024-03-01-alpha.md': post('Alpha report', '2024-03-01'),
	});
	const env = {FOLIO_STATE_DIR: state};

	test('a star given in one run is there in the next; * shows only starred posts', async () => {
		const first = startFolio([folder], {env});
		await first.waitFor('3/3 posts');
		await waitForRawMode(first);
		first.write('j');
		await first.waitFor(selected('Beta report'));
		first.write('s');
		const starred = await first.waitFor(screen => starredRow.test(rowOf(screen, 'Beta report')));
		assert.doesNotMatch(rowOf(starred, 'Gamma report'), starredRow, 'only the post starred carries the marker');
		first.write('q');
		assert.deepEqual(await first.waitForExit(), {exitCode: 0});

		const second = startFolio([folder], {env});
		const again = await second.waitFor(screen => screen.includes('3/3 posts') && rowOf(screen, 'Beta report') !== '');
		assert.match(rowOf(again, 'Beta report'), starredRow, `the star is kept:\n${again}`);
		await waitForRawMode(second);
		second.write('*');
		const only = await second.waitFor(['1/3 posts', 'starred']);
		assert.deepEqual(listRows(only).length, 1, `only the starred post is listed:\n${only}`);
		assert.ok(only.includes('Beta report'));
		second.write('q');
		assert.deepEqual(await second.waitForExit(), {exitCode: 0});
	});

	test('--starred restricts --list, --json and the reader', async () => {
		const list = await runCli(['--list', '--starred', folder], env);
		assert.equal(list.code, 0, list.stderr);
		const lines = list.stdout.toString('utf8').trim().split('\n');
		assert.equal(lines.length, 1, `one starred post listed: ${lines.join(' | ')}`);
		assert.match(lines[0]!, /Beta report/);
		const all = await runCli(['--list', folder], env);
		assert.equal(all.stdout.toString('utf8').trim().split('\n').length, 3, 'without --starred every post is listed');

		const json = await runCli(['--json', '--starred', folder], env);
		const objects = json.stdout.toString('utf8').trim().split('\n').map(line => JSON.parse(line) as {title: string});
		assert.deepEqual(objects.map(object => object.title), ['Beta report']);

		const reader = startFolio(['--starred', folder], {env});
		const screen = await reader.waitFor(['1/3 posts', 'starred', 'Beta report']);
		assert.equal(listRows(screen).length, 1, `the reader lists the starred post only:\n${screen}`);
		await waitForRawMode(reader);
		reader.write('\u001B');
		await reader.waitFor('3/3 posts');
		reader.write('q');
		assert.deepEqual(await reader.waitForExit(), {exitCode: 0});
	});
});
