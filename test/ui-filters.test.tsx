/** Tags, the date jump, the article header's metadata and the help for the new keys, as a person sees them. */
import assert from 'node:assert/strict';
import path from 'node:path';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {loadArticle} from '../source/core/article.js';
import {loadArchive} from '../source/core/load.js';
import {makePost, makePosts} from './helpers/posts.js';
import {makeArchive} from './helpers/temp-archive.js';
import {keys, renderApp} from './helpers/ui-app.js';

afterEach(cleanup);

describe('t: filter by tag', () => {
	const posts = [
		makePost({title: 'Typhoon nears', path: '/1', tags: ['weather', 'hk']}),
		makePost({title: 'Stocks fall', path: '/2', tags: ['markets']}),
		makePost({title: 'Rain all week', path: '/3', tags: ['Weather']}),
		makePost({title: 'No tags', path: '/4'}),
	];

	test('the tag picker lists tags with counts; choosing one filters the list; All returns', async () => {
		const app = await renderApp({posts});
		await app.press('t');
		const screen = app.screen();
		assert.match(screen[0]!, /^Tags \(3\)/, 'tags differing only in case are one');
		assert.match(screen[1]!, /^› \* All \(4\/4\)/);
		assert.ok(screen.some(line => /^ {4}markets \(1\/1\)/.test(line)));
		await app.press('j'); // All, Weather, hk, markets
		assert.match(app.selected()!, /^› {3}Weather \(2\/2\)/);
		await app.press(keys.enter);
		assert.match(app.screen()[0]!, /2\/4 posts · All · #Weather · 2 unread$/);
		assert.match(app.screen()[1]!, /Typhoon nears/);
		assert.match(app.screen()[2]!, /Rain all week/, 'tags match whatever their case');
		await app.press('t');
		assert.match(app.screen().find(line => line.includes('Weather (2/2)'))!, /\* Weather/, 'the active tag is starred');
		await app.press('g');
		await app.press(keys.enter);
		assert.match(app.screen()[0]!, /4\/4 posts · All · 4 unread$/);
	});

	test('Esc leaves the picker unchanged; an archive without tags says so', async () => {
		const app = await renderApp({posts});
		await app.press('tj');
		await app.press(keys.escape);
		assert.match(app.screen()[0]!, /4\/4 posts · All · 4 unread$/);
		cleanup();
		const none = await renderApp();
		await none.press('t');
		assert.match(none.screen().at(-1)!, /No post has tags/);
	});
});

describe(': jump to a day', () => {
	test('selects the newest post of that day, or of the nearest older day', async () => {
		const app = await renderApp({height: 12}); // two posts a day, 2024-11-20 back to 2024-11-06
		await app.press(':');
		assert.match(app.screen().at(-1)!, /^Go to day \(YYYY-MM-DD\): █/);
		await app.press('2024-11-14');
		await app.press(keys.enter);
		assert.match(app.selected()!, /^› 2024-11-14 12:00 .* Post 13$/);
		assert.match(app.screen()[1]!, /Post 13$/, 'the day starts at the top of the list');
		await app.press(':2024-11-01');
		await app.press(keys.enter);
		assert.match(app.screen().at(-1)!, /No post on or before 2024-11-01/);
		assert.match(app.selected()!, /Post 13$/, 'the selection did not move');
	});

	test('a day with no posts goes to the nearest older one and says so; nonsense is refused', async () => {
		const posts = makePosts(30).filter(post => !/^Post (?:9|10)$/.test(post.title)); // no posts on 2024-11-16
		const app = await renderApp({posts});
		await app.press(':2024-11-16');
		await app.press(keys.enter);
		assert.match(app.selected()!, /^› 2024-11-15 12:00 • {2}Post 11$/);
		assert.match(app.screen().at(-1)!, /No post on 2024-11-16; showing the nearest older day/);
		await app.press(':soon');
		await app.press(keys.enter);
		assert.match(app.screen().at(-1)!, /Not a day: "soon"/);
	});
});

describe('the article header', () => {
	test('shows the title, the date with its weekday, author, categories, tags and the source domain', async () => {
		const folder = makeArchive({
			'2024-11-05-post.md': [
				'---',
				'title: Budget day',
				'date: 2024-11-05 09:30',
				'author: Jane Doe',
				'categories: [dw, economy]',
				'tags: [budget, germany]',
				'link: https://www.dw.com/en/budget/a-1',
				'---',
				'The minister spoke.',
			].join('\n'),
		});
		const {posts} = loadArchive(folder);
		const app = await renderApp({posts, folder: path.basename(folder), loadArticle});
		await app.press(keys.enter);
		const screen = app.screen();
		assert.equal(screen[0], 'Budget day');
		assert.match(screen[1]!, /^Date: {5}Tue 2024-11-05 09:30$/);
		assert.match(screen[2]!, /^Source: {3}dw, economy \(dw\.com\)$/);
		assert.match(screen[3]!, /^Author: {3}Jane Doe$/);
		assert.match(screen[4]!, /^Tags: {5}budget, germany$/);
		assert.match(screen[5]!, /^Link: {5}https:\/\/www\.dw\.com\/en\/budget\/a-1$/);
	});
});

describe('help', () => {
	test('lists the new keys of the list, the reader and the link list', async () => {
		const app = await renderApp({height: 200});
		await app.press('?');
		const text = app.screen().join('\n');
		for (const row of [
			/\/ +Filter by title, category, tag or author as you type/,
			/F +Search the full text of every post shown/,
			/t +Choose a tag/,
			/u +Show only unread posts/,
			/N +Mark the selected post read or unread/,
			/R +Mark every shown post read/,
			/: +Go to a day/,
			/n +Next match/,
			/L +List the post's links/,
			/0-9 +Type a link number, then Enter to open it/,
			/1-9 +Open link 1 to 9/,
			/y +Copy the original link \(OSC 52\)/,
		]) {
			assert.match(text, row);
		}
	});
});
