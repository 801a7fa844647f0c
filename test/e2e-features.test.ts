/**
 * End-to-end: search, links, read state and the date jump in the built folio, in a real
 * pseudo-terminal, as a person sees them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {isolated, listRows, selectedRow, skip, startFolio, statusLine, waitForRawMode} from './helpers/e2e.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll, keys} from './helpers/terminal.js';

after(closeAll);

const archive = makeArchive({
	'2024-11-05-typhoon.md': [
		'---',
		'title: Typhoon signal raised',
		'date: 2024-11-05 08:00',
		'categories: [rthk]',
		'tags: [weather]',
		'link: https://news.example/typhoon',
		'---',
		'The [Observatory](https://www.hko.gov.hk/en/) raised the signal at dawn.',
		'',
		'Ferry services are listed on the [operator status page](https://ferry.example/status).',
		'',
		'People without a home were offered shelter in community halls.',
	].join('\n'),
	'2024-11-04-markets.md': '---\ntitle: Markets calm\ndate: 2024-11-04 09:00\ncategories: [dw]\ntags: [economy]\nlink: https://news.example/markets\n---\nShares were steady.\n',
	'2024-11-03-library.md': '---\ntitle: Library opens late\ndate: 2024-11-03 10:00\ncategories: [rthk]\n---\nThe library is a warm shelter on winter nights.\n',
	'2024-11-01-tea.md': '---\ntitle: 春茶開採\ndate: 2024-11-01 07:00\ncategories: [cna]\n---\n茶農忙於採摘。\n',
});
const recorder = makeArchive({'browser.sh': '#!/bin/sh\nprintf "%s\\n" "$1" >> "$(dirname "$0")/opened.txt"\n'});
const browser = path.join(recorder, 'browser.sh');
fs.chmodSync(browser, 0o755);
const opened = path.join(recorder, 'opened.txt');

const rows = 24;
const start = (env: Record<string, string | undefined> = {}, cols = 90) => startFolio([archive], {cols, rows, env: {BROWSER: browser, ...env}});

/** Waits until the browser recorder has been called `count` times; returns the URLs it got. */
async function openedUrls(count: number): Promise<string[]> {
	for (let waited = 0; waited < 100; waited++) {
		const urls = fs.existsSync(opened) ? fs.readFileSync(opened, 'utf8').trim().split('\n') : [];
		if (urls.length >= count) return urls;
		await new Promise(resolve => setTimeout(resolve, 50));
	}
	return fs.existsSync(opened) ? fs.readFileSync(opened, 'utf8').trim().split('\n') : [];
}

describe('search in a real terminal', {skip}, () => {
	test('/ filters the list as you type and shows the count; Esc clears', async () => {
		const term = start();
		await term.waitFor(/4\/4 posts · All/);
		term.write('/');
		term.write('MARK');
		const screen = await term.waitFor(/1\/4 posts · All/);
		assert.match(statusLine(screen, rows), /^\/MARK█ {2}1 matches/);
		assert.deepEqual(
			listRows(screen).map(row => row.replace(/^[› ] \S+ \S+ [• ][*~ ] \S+\s+/, '').trimEnd()),
			['Markets calm'],
		);
		term.write(keys.escape);
		await term.waitFor(/4\/4 posts · All/);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});

	test('F searches the text of every post and shows the matching line', async () => {
		const term = start({}, 120);
		await term.waitFor(/4\/4 posts/);
		term.write('F');
		await term.waitFor(/Full text: █/);
		term.write('shelter\r');
		const screen = await term.waitFor(/2\/4 posts · All · text "shelter"/);
		// Each result has its whole title, and the matching line under it.
		assert.match(screen, /Typhoon signal raised *\n {4}\S+(?: \S+)? {2}People without a home were offered shelter in community halls\./);
		assert.match(screen, /Library opens late *\n {4}\S+(?: \S+)? {2}The library is a warm shelter on winter nights\./);
		assert.match(statusLine(screen, rows), /2 of 4 posts contain "shelter"/);
		term.write('\r');
		// At 120 columns the text column (100) is centred.
		await term.waitFor(/^ {10}Typhoon signal raised$/m);
		term.write('n');
		await term.waitFor(/match 1\/1/);
		// eslint-disable-next-line no-control-regex
		assert.match(term.raw(), /\u001B\[43m\u001B\[30mshelter/, 'the word searched is highlighted in the article');
		term.write('qq');
		await term.waitForExit();
	});

	test('/ in the reader finds and highlights; n moves on', async () => {
		const term = start();
		await term.waitFor(/4\/4 posts/);
		term.write('\r');
		await term.waitFor(/^\s*Typhoon signal raised/m);
		term.write('/the\r');
		const screen = await term.waitFor(/match 1\/\d+/);
		const count = Number(/match 1\/(\d+)/.exec(screen)![1]);
		assert.ok(count >= 3, `several matches of "the": ${count}`);
		term.write('n');
		await term.waitFor(new RegExp(`match 2/${count}`));
		// eslint-disable-next-line no-control-regex
		assert.match(term.raw(), /\u001B\[7m[Tt]he\u001B\[27m/, 'matches are drawn in reverse video');
		term.write('qq');
		await term.waitForExit();
	});

	test('--search starts the reader with the results', async () => {
		const term = startFolio([archive, '--search', '茶農'], {cols: 90, rows});
		const screen = await term.waitFor(/1\/4 posts · All · text "茶農"/);
		assert.match(selectedRow(screen)!, /春茶開採/);
		assert.match(screen, /春茶開採 *\n {4}\S+(?: \S+)? {2}茶農忙於採摘。/);
		term.write('q');
		await term.waitForExit();
	});
});

describe('links in a real terminal', {skip}, () => {
	test('L lists the links; a digit opens one in $BROWSER; a number and Enter in the reader too', async () => {
		fs.rmSync(opened, {force: true});
		const term = start();
		await term.waitFor(/4\/4 posts/);
		term.write('\r');
		await term.waitFor(/^\s*Typhoon signal raised/m);
		term.write('L');
		const screen = await term.waitFor(/^Links \(2\) · Typhoon signal raised/m);
		assert.match(screen, /^› \[1\] https:\/\/www\.hko\.gov\.hk\/en\/\s*$/m);
		assert.match(screen, /^ {2}\[2\] https:\/\/ferry\.example\/status\s*$/m);
		term.write('2');
		await term.waitFor(/Opened https:\/\/ferry\.example\/status/);
		assert.deepEqual(await openedUrls(1), ['https://ferry.example/status']);
		term.write(keys.escape);
		await term.waitFor(/^line 1\//m);
		term.write('1');
		await term.waitFor(/Link 1: Enter opens it/);
		term.write('\r');
		assert.deepEqual(await openedUrls(2), ['https://ferry.example/status', 'https://www.hko.gov.hk/en/']);
		term.write('qq');
		await term.waitForExit();
	});

	test('y copies the link with OSC 52; links are clickable (OSC 8) only where supported', async () => {
		const term = start({FORCE_HYPERLINK: '1'});
		await term.waitFor(/4\/4 posts/);
		term.write('\rL');
		await term.waitFor(/^Links \(2\)/m);
		assert.ok(term.raw().includes('\u001B]8;;https://ferry.example/status\u001B\\'), 'the link list has OSC 8 links');
		term.write(keys.escape);
		await term.waitFor(/^line 1\//m);
		term.write('y');
		await term.waitFor(/Copied https:\/\/news\.example\/typhoon/);
		const base64 = Buffer.from('https://news.example/typhoon').toString('base64');
		assert.ok(term.raw().includes(`\u001B]52;c;${base64}\u0007`), 'OSC 52 carries the link');
		term.write('qq');
		await term.waitForExit();

		const plain = start();
		await plain.waitFor(/4\/4 posts/);
		plain.write('\rL');
		await plain.waitFor(/^Links \(2\)/m);
		assert.ok(!plain.raw().includes('\u001B]8;'), 'no OSC 8 in a terminal not known to support it');
		plain.write('qqq');
		await plain.waitForExit();
	});
});

describe('read state across runs', {skip}, () => {
	test('a second run shows posts read in the first dimmer and opens on the post read last', async () => {
		const state = makeArchive({});
		const env = {FOLIO_STATE_DIR: state};
		const first = start(env);
		await first.waitFor(/4\/4 posts · All · 4 unread$/m);
		first.write('jj\r');
		await first.waitFor(/^Library opens late/m);
		first.write('q');
		await first.waitFor(/4\/4 posts · All · 3 unread/);
		first.write('q');
		assert.deepEqual(await first.waitForExit(), {exitCode: 0});
		assert.deepEqual(fs.readdirSync(state).filter(name => !name.endsWith('-wal') && !name.endsWith('-shm')), ['state.db'], 'one state database');
		assert.ok(!fs.readdirSync(archive).some(name => name.endsWith('.json')), 'nothing written inside the archive');

		const second = start(env);
		const screen = await second.waitFor(/4\/4 posts · All · 3 unread/);
		assert.match(selectedRow(screen)!, /Library opens late/);
		// eslint-disable-next-line no-control-regex
		assert.match(second.raw(), /\u001B\[2m[^\u001B]*Library opens late/, 'the read post is dim');
		second.write('u');
		await second.waitFor(/3\/4 posts · All · unread only · 3 unread/);
		second.write('q');
		await second.waitForExit();
		assert.equal(isolated.FOLIO_STATE_DIR === state, false, 'this test used its own state folder');
	});

	test('--since and --until limit the screen to those days', async () => {
		const term = startFolio([archive, '--since', '2024-11-03', '--until', '2024-11-04'], {cols: 90, rows});
		// The header names the days; Esc clears them like any filter, and says so.
		const screen = await term.waitFor(/2\/4 posts · All · since 2024-11-03 · until 2024-11-04 · 2 unread$/m);
		assert.deepEqual(
			listRows(screen).map(row => row.replace(/^[› ] \S+ \S+ [• ][*~ ] \S+\s+/, '').trimEnd()),
			['Markets calm', 'Library opens late'],
		);
		await waitForRawMode(term);
		term.write(keys.escape);
		const cleared = await term.waitFor(/4\/4 posts · All · 4 unread$/m);
		assert.match(statusLine(cleared, rows), /^Cleared since 2024-11-03, until 2024-11-04: all 4 posts shown/);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});

	test(': jumps to a day', async () => {
		const term = start();
		await term.waitFor(/4\/4 posts/);
		term.write(':2024-11-02\r');
		const screen = await term.waitFor(/No post on 2024-11-02; showing the nearest older day/);
		assert.match(selectedRow(screen)!, /2024-11-01 .*春茶開採/);
		term.write('q');
		await term.waitForExit();
	});
});
