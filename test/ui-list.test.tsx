/** The list screen as a person sees it. */
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import stringWidth from 'string-width';
import {formatDay, formatTime} from '../source/core/dates.js';
import {makePost, makePosts} from './helpers/posts.js';
import {keys, renderApp} from './helpers/ui-app.js';

afterEach(cleanup);

describe('list screen', () => {
	test('shows the folder, the count, the category and the newest posts with date, time and category', async () => {
		const app = await renderApp();
		const [header, first, second] = app.screen();
		assert.match(header!, /^~\/news\s+30\/30 posts · All · 30 unread$/);
		const post = makePosts(1)[0]!;
		assert.equal(first, `› ${formatDay(post.date!)} ${formatTime(post.date!)} •  world    Post 1`);
		assert.match(second!, /^ {2}\d{4}-\d\d-\d\d \d\d:\d\d • {2}business Post 2$/);
		assert.equal(app.screen().length, 24);
		assert.match(app.screen().at(-1)!, /^\? help {2}q quit {2}Enter read {2}Tab category {2}c categories {2}o link/);
	});

	test('posts without a date show dashes; posts without a time show only the day', async () => {
		const app = await renderApp({
			posts: [makePost({title: 'Day only', date: new Date(2024, 0, 2, 9).getTime(), hasTime: false}), makePost({title: 'Undated', date: undefined})],
		});
		assert.match(app.screen()[1]!, /^› 2024-01-02 • {2}Day only/);
		assert.match(app.screen()[2]!, /^ {2}---------- • {2}Undated/);
	});

	test('j/k and the arrow keys move one row', async () => {
		const app = await renderApp();
		await app.press('j');
		await app.press('j');
		await app.press('j');
		assert.match(app.selected()!, / Post 4$/);
		await app.press('k');
		assert.match(app.selected()!, / Post 3$/);
		await app.press(keys.down);
		assert.match(app.selected()!, / Post 4$/);
		await app.press(keys.up + keys.up);
		assert.match(app.selected()!, / Post 2$/);
		assert.equal(app.screen().filter(line => line.startsWith('›')).length, 1);
	});

	test('ten j in one write move ten rows', async () => {
		const app = await renderApp();
		await app.press('jjjjjjjjjj');
		assert.match(app.selected()!, / Post 11$/);
		await app.press('kkk');
		assert.match(app.selected()!, / Post 8$/);
	});

	test('PgDn, Space, PgUp and b move a page; the window follows', async () => {
		const app = await renderApp({height: 12}); // 10 rows of posts
		await app.press(keys.pageDown);
		assert.match(app.selected()!, / Post 11$/);
		assert.match(app.screen()[1]!, / Post 11$/, 'the page scrolled with the selection');
		await app.press(' ');
		assert.match(app.selected()!, / Post 21$/);
		await app.press('b');
		assert.match(app.selected()!, / Post 11$/);
		await app.press(keys.pageUp);
		assert.match(app.selected()!, / Post 1$/);
	});

	test('G/End go to the oldest post, g/Home to the newest', async () => {
		const app = await renderApp({height: 12});
		await app.press('G');
		assert.match(app.selected()!, / Post 30$/);
		assert.match(app.screen()[10]!, /^› .* Post 30$/, 'the last post is on the last row');
		await app.press('g');
		assert.match(app.selected()!, / Post 1$/);
		await app.press(keys.end);
		assert.match(app.selected()!, / Post 30$/);
		await app.press(keys.home);
		assert.match(app.selected()!, / Post 1$/);
	});

	// How fast a key answers at this size is measured by the benchmark (keys-list-100k).
	test('100,000 posts: only a screenful is rendered, and keys reach either end', async () => {
		const posts = makePosts(100_000, ['a', 'b', 'c', 'd']);
		const app = await renderApp({posts, height: 24});
		assert.ok(app.screen().length <= 24);
		assert.match(app.screen()[0]!, /30|100,000\/100,000 posts/);
		await app.press(keys.end);
		assert.match(app.selected()!, / Post 100000$/);
		await app.press('k');
		assert.match(app.selected()!, / Post 99999$/);
		for (let index = 0; index < 20; index++) await app.press('j');
		await app.press(keys.home);
		assert.match(app.selected()!, / Post 1$/);
		assert.ok(app.screen().length <= 24);
	});

	test('rows never exceed 40 columns with long CJK titles and categories, and fit 12 rows', async () => {
		const posts = Array.from({length: 20}, (_, index) =>
			makePost({
				title: `香港特區政府今日宣布新一輪防疫措施，市民須於公共交通工具上佩戴口罩${index}`,
				categories: ['國際新聞國際新聞國際新聞'],
				date: Date.UTC(2024, 10, 20 - index, 3, 4),
			}),
		);
		const app = await renderApp({posts, width: 40, height: 12, folder: '~/一個非常長的資料夾名稱/子資料夾/另一個子資料夾'});
		const screen = app.screen();
		assert.ok(screen.length <= 12);
		for (const line of screen) assert.ok(stringWidth(line) <= 40, `${stringWidth(line)}: ${line}`);
		assert.match(screen[0]!, /20\/20 posts · All/);
		assert.match(screen[1]!, /^› \d{4}-\d\d-\d\d • {2}國際… +香港特區政府今日…$/);
		await app.press('G');
		for (const line of app.screen()) assert.ok(stringWidth(line) <= 40);
	});

	test('a wide terminal (200x60) shows 58 rows of posts', async () => {
		const app = await renderApp({posts: makePosts(100), width: 200, height: 60});
		assert.equal(app.screen().length, 60);
		// From 160 columns the selected post is shown beside the list, right of the rule.
		assert.match(app.screen()[58]!, / Post 58 *│/);
		for (const line of app.screen()) assert.ok(stringWidth(line) <= 200);
	});

	test('follows the terminal size when no size is given', async () => {
		const app = await renderApp({width: undefined, height: undefined});
		// ink-testing-library's stdout is 100 columns and has no rows: 24 is assumed, one row kept free.
		assert.equal(app.screen().length, 23);
		assert.equal(stringWidth(app.screen()[0]!), 100, 'the header spans the terminal');
		Object.defineProperty(app.stdout, 'columns', {value: 50, configurable: true});
		Object.defineProperty(app.stdout, 'rows', {value: 10, configurable: true});
		app.stdout.emit('resize');
		await app.press('');
		assert.equal(app.screen().length, 9);
		for (const line of app.screen()) assert.ok(stringWidth(line) <= 50);
	});

	test('q quits', async () => {
		const app = await renderApp();
		await app.press('q');
		assert.deepEqual(app.exits, ['quit']);
	});

	test('Ctrl+C quits from the list and from the reader', async () => {
		const list = await renderApp();
		await list.press(keys.ctrlC);
		assert.deepEqual(list.exits, ['interrupt']);
		const reader = await renderApp();
		await reader.press(keys.enter);
		await reader.press(keys.ctrlC);
		assert.deepEqual(reader.exits, ['interrupt']);
	});
});
