/** Search, day and tag filters of the core, and the pure UI parts they feed. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {filterByDate, indexOfDay, parseDay} from '../source/core/days.js';
import {countTags, filterByTag} from '../source/core/library.js';
import {searchPostText} from '../source/core/full-text.js';
import {filterPosts, findInLines, foldCase, matchesPost} from '../source/core/search.js';
import {bodyText} from '../source/core/search-document.js';
import {applyFilters, noFilters} from '../source/ui/filter-state.js';
import {revealLine, stepMatch} from '../source/ui/find-state.js';
import {promptKey} from '../source/ui/prompt-state.js';
import {makePost, makePosts} from './helpers/posts.js';

describe('list filter (title, categories, tags, author)', () => {
	const posts = [
		makePost({title: 'Rain in Hong Kong', categories: ['rthk'], path: '/a.md'}),
		makePost({title: '香港天氣', categories: ['新聞'], tags: ['天氣'], path: '/b.md'}),
		makePost({title: 'Markets', author: 'Zoë Müller', tags: ['Economy'], path: '/c.md'}),
		makePost({title: 'ÉCOLE', categories: ['dw'], path: '/d.md'}),
	];

	test('matches Latin text whatever its case, in every field', () => {
		assert.deepEqual(filterPosts(posts, 'RAIN').map(post => post.path), ['/a.md']);
		assert.deepEqual(filterPosts(posts, 'RTHK').map(post => post.path), ['/a.md']);
		assert.deepEqual(filterPosts(posts, 'economy').map(post => post.path), ['/c.md']);
		assert.deepEqual(filterPosts(posts, 'zoë müller').map(post => post.path), ['/c.md']);
		assert.deepEqual(filterPosts(posts, 'école').map(post => post.path), ['/d.md']);
	});

	test('matches Chinese as typed, in titles, categories and tags', () => {
		assert.deepEqual(filterPosts(posts, '香港').map(post => post.path), ['/b.md']);
		assert.deepEqual(filterPosts(posts, '新聞').map(post => post.path), ['/b.md']);
		assert.deepEqual(filterPosts(posts, '天氣').map(post => post.path), ['/b.md']);
		assert.equal(filterPosts(posts, '台灣').length, 0);
	});

	test('an empty or blank query keeps every post, as the same list', () => {
		assert.equal(filterPosts(posts, ''), posts);
		assert.equal(filterPosts(posts, '   '), posts);
		assert.ok(matchesPost(posts[0]!, ' rain '));
	});

	test('folding keeps every index in place, even for characters that grow when lowered', () => {
		assert.equal(foldCase('ABC'), 'abc');
		assert.equal(foldCase('İstanbul').length, 'İstanbul'.length);
		assert.equal(foldCase('漢字ABC'), '漢字abc');
	});
});

describe('full-text search of one post', () => {
	const htmlPost = makePost({title: 'Budget', path: '/x/2024-11-05-budget.html'});
	const html = [
		'---',
		'title: Budget',
		'---',
		'<div class="ad"><script>var rain = 1;</script></div>',
		'<p>The <b>finance</b> minister said on Tuesday that spending would rise.</p>',
		'<p>Critics said the plan &amp; its <a href="https://rain.example">timing</a> were wrong &#27;[31m.</p>',
		'<p>Spending on schools rises too.</p>',
	].join('\n');

	test('finds words in the body and gives the matching line as context, with a count', () => {
		const hit = searchPostText(htmlPost, html, 'SPENDING');
		assert.ok(hit);
		assert.equal(hit.context, 'The finance minister said on Tuesday that spending would rise.');
		assert.equal(hit.count, 2);
	});

	test('does not match inside tags, scripts or link targets; decodes entities without making escapes', () => {
		assert.equal(searchPostText(htmlPost, html, 'rain'), undefined);
		assert.equal(searchPostText(htmlPost, html, 'class'), undefined);
		const hit = searchPostText(htmlPost, html, 'plan & its timing');
		assert.ok(hit);
		// eslint-disable-next-line no-control-regex
		assert.doesNotMatch(hit.context, /\u001B/);
		// eslint-disable-next-line no-control-regex
		assert.doesNotMatch(bodyText('<p>&#27;[2J &#x1b;]52;c;AA</p>', 'html'), /[\u0000-\u0008\u001B]/);
	});

	test('a match only in the front matter counts, with the field as context', () => {
		const post = makePost({title: 'Weather', tags: ['typhoon'], path: '/x/w.md'});
		assert.deepEqual(searchPostText(post, '---\ntitle: Weather\n---\nSunny all week.', 'Typhoon'), {context: 'typhoon', count: 1});
	});

	test('Markdown: link targets and markers are not searched; Chinese matched as typed', () => {
		const post = makePost({title: 'x', path: '/x/a.md'});
		const text = '---\ntitle: x\n---\n## 標題\n\n香港**天文台**發出[黃色暴雨警告](https://hko.example/rain)。';
		assert.equal(searchPostText(post, text, 'hko'), undefined);
		assert.equal(searchPostText(post, text, '天文台發出')?.context, '香港天文台發出黃色暴雨警告。');
	});

	test('a long line is cut around the match', () => {
		const post = makePost({title: 'x', path: '/x/a.md'});
		const text = `${'word '.repeat(200)}needle ${'more '.repeat(200)}`;
		const hit = searchPostText(post, text, 'needle');
		assert.ok(hit);
		assert.ok(hit.context.length < 140, hit.context);
		assert.match(hit.context, /^….*needle.*…$/);
	});
});

describe('find in laid-out lines', () => {
	test('every match, top to bottom, left to right, whatever the case', () => {
		const lines = [{text: 'Rain, rain'}, {text: 'no'}, {text: 'the RAIN'}];
		assert.deepEqual(findInLines(lines, 'rain'), [
			{line: 0, start: 0, end: 4},
			{line: 0, start: 6, end: 10},
			{line: 2, start: 4, end: 8},
		]);
		assert.deepEqual(findInLines(lines, ''), []);
	});

	test('n and N step through matches and wrap; the first is the one at or below the top', () => {
		const matches = [5, 20, 40].map(line => ({line, start: 0, end: 1}));
		assert.equal(stepMatch(matches, -1, 10, 10, 1), 1);
		assert.equal(stepMatch(matches, -1, 50, 10, 1), 0);
		assert.equal(stepMatch(matches, 2, 0, 10, 1), 0);
		assert.equal(stepMatch(matches, 0, 0, 10, -1), 2);
		assert.equal(stepMatch([], -1, 0, 10, 1), -1);
		assert.equal(revealLine(5, 0, 100, 10), 0, 'already on screen');
		assert.equal(revealLine(40, 0, 100, 10), 39);
		assert.equal(revealLine(99, 0, 100, 10), 90);
	});
});

describe('days', () => {
	test('parses YYYY-MM-DD as a local day and refuses days that do not exist', () => {
		const day = parseDay('2024-11-05');
		assert.ok(day);
		assert.equal(day.start, new Date(2024, 10, 5).getTime());
		assert.equal(day.end, new Date(2024, 10, 6).getTime());
		assert.equal(parseDay('2024/1/5')?.text, '2024-01-05');
		assert.equal(parseDay('2024-02-30'), undefined);
		assert.equal(parseDay('yesterday'), undefined);
	});

	test('since and until include whole days and leave undated posts out', () => {
		const posts = [
			makePost({path: '/6', date: new Date(2024, 10, 6, 0, 0).getTime()}),
			makePost({path: '/5b', date: new Date(2024, 10, 5, 23, 59).getTime()}),
			makePost({path: '/5a', date: new Date(2024, 10, 5, 0, 0).getTime()}),
			makePost({path: '/4', date: new Date(2024, 10, 4, 12, 0).getTime()}),
			makePost({path: '/none', date: undefined}),
		];
		const paths = (list: readonly {path: string}[]) => list.map(post => post.path);
		assert.deepEqual(paths(filterByDate(posts, parseDay('2024-11-05'), parseDay('2024-11-05'))), ['/5b', '/5a']);
		assert.deepEqual(paths(filterByDate(posts, parseDay('2024-11-05'), undefined)), ['/6', '/5b', '/5a']);
		assert.deepEqual(paths(filterByDate(posts, undefined, parseDay('2024-11-04'))), ['/4']);
		assert.equal(filterByDate(posts, undefined, undefined), posts);
	});

	test('the jump finds the newest post of the day, else of the nearest older day', () => {
		const posts = makePosts(30); // two a day from 2024-11-20 back to 2024-11-06
		assert.equal(indexOfDay(posts, parseDay('2024-11-20')!), 0);
		assert.equal(indexOfDay(posts, parseDay('2024-11-18')!), 4);
		assert.equal(indexOfDay(posts, parseDay('2024-12-25')!), 0, 'a later day: the newest post');
		assert.equal(indexOfDay(posts, parseDay('2024-11-01')!), -1, 'nothing that old');
	});
});

describe('tags and combined filters', () => {
	const posts = [
		makePost({path: '/1', title: 'One', tags: ['HK', 'Weather'], categories: ['rthk']}),
		makePost({path: '/2', title: 'Two', tags: ['weather']}),
		makePost({path: '/3', title: 'Three', tags: [], categories: ['rthk']}),
	];

	test('counts and filters tags (case-insensitive)', () => {
		// Tags differing only in case are one tag, in the spelling most posts use (ties: the first sorted).
		assert.deepEqual(countTags(posts), [
			{name: 'Weather', count: 2},
			{name: 'HK', count: 1},
		]);
		assert.deepEqual(filterByTag(posts, 'WEATHER').map(post => post.path), ['/1', '/2']);
	});

	test('category, tag, unread only and the typed query all apply', () => {
		const read = new Set(['/1']);
		const all = noFilters;
		assert.equal(applyFilters(posts, all, read), posts);
		assert.deepEqual(applyFilters(posts, {...all, category: 'rthk'}, read).map(post => post.path), ['/1', '/3']);
		assert.deepEqual(applyFilters(posts, {...all, category: 'rthk', unreadOnly: true}, read).map(post => post.path), ['/3']);
		assert.deepEqual(applyFilters(posts, {...all, tag: 'weather', query: 'tw'}, read).map(post => post.path), ['/2']);
	});
});

describe('prompt editing', () => {
	test('types characters and Space, erases with Backspace, ends with Enter or Esc', () => {
		let prompt = {kind: 'filter' as const, text: ''};
		for (const name of ['h', 'k', 'Space', '天', 'Backspace', 'Up', 'x']) {
			const result = promptKey(prompt, name);
			assert.equal(result.type, 'edit');
			if (result.type === 'edit') prompt = {...prompt, text: result.text};
		}
		assert.equal(prompt.text, 'hk x');
		assert.deepEqual(promptKey(prompt, 'Enter'), {type: 'submit', text: 'hk x'});
		assert.deepEqual(promptKey(prompt, 'Esc'), {type: 'cancel'});
	});
});
