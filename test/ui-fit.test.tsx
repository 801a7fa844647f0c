/** Small screens and long numbers: whole hints, full-text results at 40 columns, one number format, one post opened alone. */
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import stringWidth from 'string-width';
import type {Post} from '../source/core/types.js';
import {statusHints} from '../source/ui/keys.js';
import {makePost, makePosts, tick} from './helpers/posts.js';
import {keys, renderApp} from './helpers/ui-app.js';

afterEach(cleanup);

describe('fitting the screen', () => {
	for (const width of [80, 40]) {
		test(`at ${width} columns the status line shows whole hints only, the way out first`, async () => {
			const app = await renderApp({width});
			const line = app.screen().at(-1)!.trimEnd();
			assert.ok(stringWidth(line) <= width);
			const shown = line.split('  ');
			const hints = statusHints('list');
			for (const hint of shown) assert.ok(hints.includes(hint), `"${hint}" is a whole hint`);
			assert.deepEqual(shown.slice(0, 2), ['? help', 'q quit']);
			assert.ok(!line.includes('…'), line);
		});
	}

	test('full-text results at 40 columns: the whole title on its row, the matching line under it', async () => {
		const posts = [makePost({title: 'Typhoon Kong-rey nears Taiwan', path: '/t', categories: ['rthk']}), makePost({title: 'Other', path: '/o', categories: ['dw']})];
		const searchPost = (post: Post) => (post.path === '/t' ? 'Residents were told to stay indoors as the typhoon neared.' : undefined);
		const app = await renderApp({posts, searchPost, width: 40, height: 12});
		await app.press('Ftyphoon');
		await app.press(keys.enter);
		await tick(50);
		const screen = app.screen();
		for (const line of screen) assert.ok(stringWidth(line) <= 40, line);
		assert.match(screen[1]!, /^› • Typhoon Kong-rey nears Taiwan *$/, 'the title has the room of the row');
		assert.match(screen[2]!, /^ {4}2024-11-20 {2}….*the typhoon neared\.$/, 'the day, then the match, where it is');
	});

	test('counts are written one way everywhere: 1,200 in the header, the reader and the picker', async () => {
		const posts = makePosts(1200, ['a', 'b']);
		const app = await renderApp({posts});
		assert.match(app.screen()[0]!, /1,200\/1,200 posts · All · 1,200 unread$/);
		await app.press('G');
		await app.press(keys.enter);
		assert.match(app.screen().at(-1)!, /post 1,200\/1,200/);
		await app.press('q');
		await app.press('c');
		assert.ok(app.screen().some(line => line.includes('All (1,199/1,200)')), app.screen().join('\n'));
	});
});

describe('one post opened by its path', () => {
	test('opens on its article, and q quits', async () => {
		const app = await renderApp({posts: [makePost({title: 'Alone', path: '/alone.md'})], single: true});
		assert.equal(app.screen()[0], 'Alone');
		await app.press('q');
		assert.deepEqual(app.exits, ['quit']);
	});
});
