/** Unread posts as a person sees and uses them: the marker, next unread, counts, mark all read and its undo. */
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {makePost} from './helpers/posts.js';
import {keys, renderApp} from './helpers/ui-app.js';

afterEach(cleanup);

/** The row of the list whose title is `title`. */
const row = (screen: string[], title: string) => screen.find(line => line.trimEnd().endsWith(` ${title}`));
/** The unread marker column of a row: `•` or a space. */
const marker = (line: string | undefined) => /^[› ] \S+ \S+ ([• ])[*~ ] /.exec(line ?? '')?.[1];

describe('unread posts', () => {
	test('carry a • in a column of their own, read ones a space (seen without colour)', async () => {
		const app = await renderApp({initialReadState: {read: ['/archive/post-2.md'], last: undefined}});
		const screen = app.screen();
		assert.equal(marker(row(screen, 'Post 1')), '•');
		assert.equal(marker(row(screen, 'Post 2')), ' ');
		await app.press('N');
		assert.equal(marker(row(app.screen(), 'Post 1')), ' ', 'marked read: the marker goes');
	});

	test('n jumps to the next unread post in the list, and Ctrl+N opens the next unread one from the reader', async () => {
		const read = ['/archive/post-2.md', '/archive/post-3.md', '/archive/post-5.md'];
		const app = await renderApp({initialReadState: {read, last: undefined}});
		await app.press('n');
		assert.match(app.selected()!, / Post 4$/);
		await app.press('n');
		assert.match(app.selected()!, / Post 6$/);
		await app.press(keys.enter);
		assert.equal(app.screen()[0], 'Post 6');
		await app.press('\u000E'); // Ctrl+N
		assert.equal(app.screen()[0], 'Post 7', 'the next unread post opens');
		await app.press('q');
		assert.match(app.selected()!, / Post 7$/);
		assert.equal(marker(row(app.screen(), 'Post 7')), ' ', 'and it is read now');
	});

	test('n says so when every post shown is read', async () => {
		const posts = [makePost({title: 'Only', path: '/only.md'})];
		const app = await renderApp({posts, initialReadState: {read: ['/only.md'], last: undefined}});
		await app.press('n');
		assert.match(app.screen().at(-1)!, /No unread post in this list/);
	});

	test('the header counts the unread posts of the list shown, not of the whole archive', async () => {
		const app = await renderApp({initialReadState: {read: ['/archive/post-2.md', '/archive/post-5.md'], last: undefined}});
		assert.match(app.screen()[0]!, /30\/30 posts · All · 28 unread$/);
		await app.press(keys.tab); // business: posts 2, 5, 8, …
		assert.match(app.screen()[0]!, /10\/30 posts · business · 8 unread$/);
	});

	test('the category and tag pickers show unread/total per entry', async () => {
		const posts = [
			makePost({title: 'A', path: '/a', categories: ['news'], tags: ['x']}),
			makePost({title: 'B', path: '/b', categories: ['news'], tags: ['x']}),
			makePost({title: 'C', path: '/c', categories: ['sport'], tags: ['y']}),
		];
		const app = await renderApp({posts, initialReadState: {read: ['/a'], last: undefined}});
		await app.press('c');
		const categories = app.screen().map(line => line.trimEnd());
		assert.match(categories[0]!, /^Categories \(2\) · unread\/posts/);
		assert.ok(categories.includes('› * All (2/3)'), categories.join('\n'));
		assert.ok(categories.includes('    news (1/2)'));
		assert.ok(categories.includes('    sport (1/1)'));
		await app.press(keys.escape);
		await app.press('t');
		assert.ok(app.screen().some(line => line.trimEnd() === '    x (1/2)'));
	});

	test('R marks every shown post read; U undoes it, and so does R again at once', async () => {
		const app = await renderApp({initialReadState: {read: ['/archive/post-1.md'], last: undefined}});
		await app.press(keys.tab); // business: 10 posts
		await app.press('R');
		assert.match(app.screen().at(-1)!, /Marked 10 posts read · U or R again: undo/);
		assert.match(app.screen()[0]!, /10\/30 posts · business · 0 unread$/);
		await app.press('U');
		assert.match(app.screen().at(-1)!, /Undone: 10 posts unread again/);
		assert.match(app.screen()[0]!, /10\/30 posts · business · 10 unread$/);
		await app.press('R');
		await app.press('R');
		assert.match(app.screen().at(-1)!, /Undone: 10 posts unread again/, 'R again while its message shows undoes it');
		await app.press(keys.shiftTab);
		assert.match(app.screen()[0]!, /30\/30 posts · All · 29 unread$/, 'posts read before R stay read');
		await app.press('U');
		assert.match(app.screen().at(-1)!, /Nothing to undo/);
	});

	test('R then another key: R marks again instead of undoing', async () => {
		const app = await renderApp();
		await app.press('R');
		await app.press('j');
		await app.press('R');
		assert.match(app.screen().at(-1)!, /Every post shown is read already/);
		assert.match(app.screen()[0]!, / 0 unread$/);
	});
});
