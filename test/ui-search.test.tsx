/** Searching as a person sees it: `/` filter in the list, full-text search, find in the reader. */
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import stringWidth from 'string-width';
import type {Post} from '../source/core/types.js';
import {makePost, makePosts} from './helpers/posts.js';
import {keys, renderApp} from './helpers/ui-app.js';

afterEach(cleanup);

/** The row under `row` on the screen (a full-text result's matching line). */
function below(screen: string[], row: string): string {
	return screen[screen.indexOf(row) + 1] ?? '';
}

/** Titles of the rows shown in the list (the text after the date and category columns). */
function titles(screen: string[]): string[] {
	return screen.slice(1, -1).filter(line => line.trim() !== '').map(line => line.replace(/^[› ] \S+ \S+ [• ][*~ ] (?:\S+\s+)?/, '').trim());
}

describe('/ in the list', () => {
	test('filters as you type, shows the count of matches, and Esc clears', async () => {
		const app = await renderApp();
		await app.press('/');
		assert.match(app.screen().at(-1)!, /^\/█ {2}30 matches/);
		await app.press('post 2');
		// Every word must occur, each at the start of a word: "post" and "2…".
		assert.match(app.screen().at(-1)!, /^\/post 2█ {2}11 matches/);
		assert.match(app.screen()[0]!, /11\/30 posts · All · 11 unread$/);
		assert.deepEqual(titles(app.screen()), ['Post 2', 'Post 20', 'Post 21', 'Post 22', 'Post 23', 'Post 24', 'Post 25', 'Post 26', 'Post 27', 'Post 28', 'Post 29']);
		await app.press('5');
		assert.deepEqual(titles(app.screen()), ['Post 25']);
		assert.match(app.screen().at(-1)!, /1 matches/);
		await app.press(keys.escape);
		assert.match(app.screen()[0]!, /30\/30 posts · All · 30 unread$/);
		assert.match(app.screen().at(-1)!, /^\? help/);
	});

	test('Backspace widens the search again; Enter keeps the filter, shown in the header, and Esc then clears it', async () => {
		const app = await renderApp();
		await app.press('/post 25');
		await app.press('\u007F');
		assert.match(app.screen().at(-1)!, /^\/post 2█ {2}11 matches/);
		await app.press(keys.enter);
		assert.match(app.screen()[0]!, /11\/30 posts · All · \/post 2 · 11 unread$/);
		assert.match(app.selected()!, / Post 25$/, 'the post selected while narrowing stays selected');
		await app.press('kk');
		assert.match(app.selected()!, / Post 23$/, 'keys move the filtered list again');
		await app.press(keys.enter);
		assert.match(app.screen()[0]!, /^Post 23$/, 'the filtered post opens');
		await app.press('q');
		await app.press(keys.escape);
		assert.match(app.screen()[0]!, /30\/30 posts · All · 29 unread$/);
		assert.match(app.selected()!, / Post 23$/, 'the selected post stays selected');
	});

	test('matches categories, tags and author too; Latin case-insensitive, Chinese as typed', async () => {
		const posts = [
			makePost({title: '颱風康妮逼近', path: '/1', categories: ['rthk'], tags: ['天氣']}),
			makePost({title: 'Markets rally', path: '/2', categories: ['dw'], author: 'Jane Doe'}),
			makePost({title: 'School news', path: '/3', categories: ['cna'], tags: ['Education']}),
		];
		const app = await renderApp({posts});
		await app.press('/RTHK');
		assert.deepEqual(titles(app.screen()), ['颱風康妮逼近']);
		await app.press(keys.escape);
		await app.press('/天氣');
		assert.deepEqual(titles(app.screen()), ['颱風康妮逼近']);
		await app.press(keys.escape);
		await app.press('/jane');
		assert.deepEqual(titles(app.screen()), ['Markets rally']);
		await app.press(keys.escape);
		await app.press('/education');
		assert.deepEqual(titles(app.screen()), ['School news']);
	});

	test('the words typed are ANDed in any order, not matched as one phrase', async () => {
		const posts = [
			makePost({title: 'Typhoon nears Hong Kong', path: '/1', categories: ['rthk']}),
			makePost({title: 'Hong Kong markets', path: '/2', categories: ['rthk']}),
			makePost({title: 'Typhoon season ends', path: '/3', categories: ['dw']}),
		];
		const app = await renderApp({posts});
		await app.press('/kong typhoon');
		assert.deepEqual(titles(app.screen()), ['Typhoon nears Hong Kong']);
		await app.press(keys.escape);
		await app.press('/rthk kong');
		assert.deepEqual(titles(app.screen()), ['Typhoon nears Hong Kong', 'Hong Kong markets'], 'a category and a title word together');
	});

	test('no match shows an empty list with 0 matches, and typed keys do not act as commands', async () => {
		const app = await renderApp();
		await app.press('/qjkG');
		assert.match(app.screen().at(-1)!, /^\/qjkG█ {2}0 matches/);
		assert.equal(app.exits.length, 0, 'q was typed, not a quit');
		assert.match(app.screen()[0]!, /0\/30 posts/);
	});
});

/** A full-text searcher over fixed bodies; `delay` ms of work per post makes a search take a while. */
function fakeSearch(bodies: Record<string, string>, delay = 0): (post: Post, query: string) => string | undefined {
	return (post, query) => {
		const end = performance.now() + delay;
		while (performance.now() < end) {
			// Busy, like reading a file.
		}
		const body = bodies[post.path] ?? '';
		const line = body.split('\n').find(text => text.toLowerCase().includes(query.toLowerCase()));
		return line;
	};
}

describe('F: full-text search', () => {
	test('lists the posts whose text matches, with the matching line beside the title', async () => {
		const bodies = {'/archive/post-3.md': 'Intro\nThe typhoon reached Hong Kong at night.', '/archive/post-7.md': 'A TYPHOON warning was raised.'};
		const app = await renderApp({searchPost: fakeSearch(bodies)});
		await app.press('F');
		assert.match(app.screen().at(-1)!, /^Full text: █/);
		await app.press('typhoon');
		await app.press(keys.enter);
		await app.waitFor(() => /2 of 30 posts contain/.test(app.screen().at(-1)!), 'the search to end');
		const screen = app.screen();
		assert.match(screen[0]!, /2\/30 posts · All · text "typhoon" · 2 unread$/);
		// Each result: the row with the whole title, then the matching line under it.
		assert.match(screen[1]!, /^› .* Post 3\s*$/);
		assert.match(screen[2]!, /^ {4}\S+(?: \S+)? {2}The typhoon reached Hong Kong at night\.\s*$/);
		assert.match(screen[3]!, /^ {2}.* Post 7\s*$/);
		assert.match(screen[4]!, /^ {4}\S+(?: \S+)? {2}A TYPHOON warning was raised\.\s*$/);
		assert.match(screen.at(-1)!, /2 of 30 posts contain "typhoon"/);
		await app.press(keys.enter);
		assert.match(app.screen()[0]!, /^Post 3$/, 'a result opens in the reader');
		await app.press('n');
		assert.match(app.screen().at(-1)!, /Not found: typhoon/, 'n looks for the words searched (the fake article does not have them)');
		await app.press('J');
		assert.match(app.screen()[0]!, /^Post 7$/, 'J goes to the next result');
		await app.press('q');
		await app.press(keys.escape);
		assert.match(app.screen()[0]!, /30\/30 posts · All · 28 unread$/, 'Esc returns to every post');
	});

	test('a long search shows progress and keys still work while it runs', async () => {
		const posts = makePosts(800);
		const bodies: Record<string, string> = {};
		for (const post of posts) bodies[post.path] = post.title.endsWith('0') ? `needle in ${post.title}` : 'hay';
		const app = await renderApp({posts, searchPost: fakeSearch(bodies, 1)});
		await app.press('Fneedle');
		await app.press(keys.enter);
		// Wait for the first results while the search still runs (the header shows how far it got).
		await app.waitFor(() => / [1-9]\d*\/800…/.test(app.screen()[0]!), 'the first results while the search runs');
		const during = app.screen()[0]!;
		assert.match(during, /^~\/news\s+(\d+)\/800 posts · All · text "needle" (\d+)\/800… · \d+ unread$/, 'progress is shown');
		assert.match(app.selected()!, /Post 10\s*$/);
		assert.match(below(app.screen(), app.selected()!), /^ {4}\S+(?: \S+)? {2}needle in Post 10/);
		await app.press('j');
		assert.match(app.screen()[0]!, /…/, 'still searching');
		assert.match(app.selected()!, /Post 20\s*$/, 'j moved while the search ran');
		await app.waitFor(() => !/…/.test(app.screen()[0]!), 'the search to end');
		assert.match(app.screen()[0]!, /80\/800 posts · All · text "needle" · 80 unread$/);
		assert.match(app.selected()!, /Post 20\s*$/, 'the selection stayed where j put it');
		assert.match(below(app.screen(), app.selected()!), /^ {4}\S+(?: \S+)? {2}needle in Post 20/);
	});

	test('the matching line starts near the match when the match would be cut off', async () => {
		const line = '中央社記者報導，今年夏天因為天氣炎熱，許多遊客前往山區避暑，但八月底強烈颱風逼近，當局撤走了黑幕。';
		const app = await renderApp({searchPost: fakeSearch({'/archive/post-1.md': line})});
		await app.press('F颱風');
		await app.press(keys.enter);
		await app.waitFor(() => /強烈颱風逼近/.test(below(app.screen(), app.selected() ?? '')), 'the result rows');
		const row = below(app.screen(), app.selected()!);
		assert.match(row, /^ {4}\S+(?: \S+)? {2}…[^│]*強烈颱風逼近/, row);
		assert.ok(stringWidth(row) <= 80);
	});

	test('a search given at start (folio --search) shows its results at once', async () => {
		const app = await renderApp({initialSearch: 'typhoon', searchPost: fakeSearch({'/archive/post-9.md': 'Typhoon signal 8.'})});
		await app.waitFor(() => /posts · All · text "typhoon" · 1 unread$/.test(app.screen()[0]!), 'the search to end');
		assert.match(app.screen()[0]!, /1\/30 posts · All · text "typhoon" · 1 unread$/);
		assert.match(app.screen()[1]!, /^› .* Post 9\s*$/);
		assert.match(app.screen()[2]!, /^ {4}\S+(?: \S+)? {2}Typhoon signal 8\.\s*$/);
	});

	test('with no posts shown there is nothing to search, and it says so', async () => {
		const app = await renderApp({searchPost: fakeSearch({})});
		await app.press('/zzz');
		await app.press(keys.enter);
		await app.press('Fanything');
		await app.press(keys.enter);
		assert.match(app.screen().at(-1)!, /No posts to search: clear the filters first/);
		assert.match(app.screen()[0]!, /0\/30 posts · All · \/zzz · 0 unread$/);
	});

	test('an empty search or Esc while typing changes nothing', async () => {
		const app = await renderApp({searchPost: fakeSearch({})});
		await app.press('Fabc');
		await app.press(keys.escape);
		assert.match(app.screen()[0]!, /30\/30 posts · All · 30 unread$/);
		await app.press('F');
		await app.press(keys.enter);
		assert.match(app.screen()[0]!, /30\/30 posts · All · 30 unread$/);
	});
});

describe('/ in the reader', () => {
	test('finds in the article; n and N go to the next and previous match; the status shows which', async () => {
		const app = await renderApp();
		await app.press(keys.enter);
		await app.press('/');
		assert.match(app.screen().at(-1)!, /^\/█/);
		await app.press('LINE 5');
		await app.press(keys.enter);
		// Matches: "line 5", then "line 50" to "line 59": eleven.
		assert.match(app.screen().at(-1)!, /match 1\/11/);
		assert.match(app.screen()[0]!, /^Post 1$/, 'the first match is already on screen');
		await app.press('n');
		assert.match(app.screen().at(-1)!, /match 2\/11/);
		assert.equal(app.screen()[0], 'Post 1 line 49', 'the page scrolled to the match, one line of context above');
		assert.equal(app.screen()[1], 'Post 1 line 50');
		await app.press('N');
		assert.match(app.screen().at(-1)!, /match 1\/11/);
		await app.press('N');
		assert.match(app.screen().at(-1)!, /match 11\/11/);
		assert.match(app.screen().at(-1)!, /Search wrapped to the end/);
		assert.ok(app.screen().includes('Post 1 line 59'));
	});

	test('the word found is kept for the next post, where n starts from the top', async () => {
		const app = await renderApp();
		await app.press(keys.enter);
		await app.press('/line 9');
		await app.press(keys.enter);
		await app.press('nn');
		assert.match(app.screen().at(-1)!, /match 3\/11/);
		await app.press('q');
		await app.press('j');
		await app.press(keys.enter);
		assert.match(app.screen()[0]!, /^Post 2$/);
		assert.doesNotMatch(app.screen().at(-1)!, /match/, 'no match is current yet');
		await app.press('n');
		assert.match(app.screen().at(-1)!, /match 1\/11/);
		assert.equal(app.screen()[0], 'Post 2', 'the first match, line 9, is already on screen');
	});

	test('a word that is not there says so; the article does not move', async () => {
		const app = await renderApp();
		await app.press(keys.enter);
		await app.press('/nowhere');
		await app.press(keys.enter);
		assert.match(app.screen().at(-1)!, /Not found: nowhere/);
		assert.match(app.screen()[0]!, /^Post 1$/);
		await app.press('n');
		assert.match(app.screen().at(-1)!, /Not found: nowhere/);
	});
});
