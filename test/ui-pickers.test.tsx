/** The category and tag pickers (drawn by ink-select-input) as a person sees them, at a small screen height. */
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {makePost} from './helpers/posts.js';
import {keys, renderApp} from './helpers/ui-app.js';

afterEach(cleanup);

// Twelve categories, c01 with 12 posts down to c12 with 1, and tags in two spellings.
const posts = Array.from({length: 12}, (_, category) =>
	Array.from({length: 12 - category}, (_, index) =>
		makePost({title: `Post ${category + 1}.${index + 1}`, path: `/${category + 1}/${index}`, categories: [`c${String(category + 1).padStart(2, '0')}`], tags: index % 2 ? ['Rust'] : ['rust']}),
	),
).flat();

describe('the pickers', () => {
	test('fit the screen, show the marker, counts and the active entry, and follow keys typed one at a time', async () => {
		const app = await renderApp({posts, height: 8});
		await app.press('c');
		let screen = app.screen();
		assert.equal(screen.length, 8);
		assert.match(screen[0]!, /^Categories \(12\)/);
		assert.deepEqual(screen.slice(1, 7).map(line => line.trimEnd()), ['› * All (78/78)', '    c01 (12/12)', '    c02 (11/11)', '    c03 (10/10)', '    c04 (9/9)', '    c05 (8/8)']);
		for (let press = 0; press < 8; press++) await app.press('j');
		assert.match(app.selected()!, /^› {3}c08 \(5\/5\)/);
		screen = app.screen();
		assert.equal(screen.length, 8, 'the picker still fits the screen');
		assert.match(screen[6]!, /^› {3}c08 \(5\/5\)/, 'the window scrolls with the selection, it does not rotate');
		await app.press(keys.down);
		await app.press(keys.up);
		await app.press(keys.down);
		await app.press(keys.enter);
		assert.match(app.screen()[0]!, /4\/78 posts · c09 · 4 unread/);
		await app.press('c');
		assert.match(app.selected()!, /^› \* c09 \(4\/4\)/, 'it opens on the active category, starred');
		await app.press('G');
		assert.match(app.selected()!, /^› {3}c12 \(1\/1\)/);
		await app.press(keys.escape);
		assert.match(app.screen()[0]!, /4\/78 posts · c09 · 4 unread/, 'Esc leaves the filter as it was');
	});

	test('a burst of keys in one write moves the selection by every key', async () => {
		const app = await renderApp({posts, height: 8});
		await app.press('c');
		await app.press('jjjjjjjjjj');
		assert.match(app.selected()!, /^› {3}c10 \(3\/3\)/);
	});

	test('the tag picker counts tags differing only in case as one', async () => {
		const app = await renderApp({posts, height: 8});
		await app.press('t');
		const screen = app.screen();
		assert.match(screen[0]!, /^Tags \(1\)/);
		assert.match(screen[2]!, /^ {4}rust \(78\/78\)/);
		await app.press('j');
		await app.press(keys.enter);
		assert.match(app.screen()[0]!, /78\/78 posts · All · #rust · 78 unread/);
	});
});
