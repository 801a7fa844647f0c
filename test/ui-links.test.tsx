/** An article's links as a person uses them: L lists them, a number opens one, y copies, OSC 8. */
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import stringWidth from 'string-width';
import type {Article, Post} from '../source/core/types.js';
import {copyLink, osc52} from '../source/clipboard.js';
import {hyperlink, supportsHyperlinks} from '../source/ui/hyperlink.js';
import {makePosts, tick} from './helpers/posts.js';
import {keys, renderApp} from './helpers/ui-app.js';

afterEach(cleanup);

const articleLinks = [
	'https://example.com/first',
	'javascript:alert(1)',
	'https://example.com/third?q=a b',
	...Array.from({length: 9}, (_, index) => `https://example.com/more/${index + 4}`),
];

/** An article of 40 lines whose text cites 12 links, listed under it as the core lays them out. */
function loadWithLinks(post: Post): Article {
	const lines: Article['lines'] = [
		{text: post.title, style: 'title'},
		...Array.from({length: 40}, (_, index) => ({text: `Paragraph ${index + 1} [${(index % 12) + 1}]`})),
		{text: 'Links', style: 'heading'},
		...articleLinks.map((link, index) => ({text: `[${index + 1}] ${link}`, style: 'link-list' as const})),
	];
	return {lines, links: post.link === 'https://example.com/2' ? [] : articleLinks};
}

/** Waits until a side effect has happened (effects run after the frame); fails after 10 s. */
async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(condition)}`);
		await tick(20);
	}
}

function copySpy(): {calls: string[]; onCopyLink: (url: string) => Promise<string>} {
	const calls: string[] = [];
	return {
		calls,
		async onCopyLink(url) {
			calls.push(url);
			return `Copied ${url}`;
		},
	};
}

describe('L: the link list', () => {
	test('lists the numbered links of the article; Enter opens the selected one', async () => {
		const app = await renderApp({loadArticle: loadWithLinks});
		await app.press(keys.enter);
		await app.press('L');
		const screen = app.screen();
		assert.match(screen[0]!, /^Links \(12\) · Post 1$/);
		assert.match(screen[1]!, /^› {2}\[1\] https:\/\/example\.com\/first\s*$/);
		assert.match(screen[2]!, /^ {3}\[2\] javascript:alert\(1\) \(will not open\)\s*$/);
		assert.match(screen[12]!, /^ {2}\[12\] https:\/\/example\.com\/more\/12\s*$/);
		await app.press('j');
		await app.press('j');
		await app.press(keys.enter);
		await until(() => app.links.length >= 1);
		assert.deepEqual(app.links, ['https://example.com/third?q=a b']);
		await until(() => /Opened https:\/\/example\.com\/third\?q=a b/.test(app.screen().at(-1)!));
		assert.match(app.screen().at(-1)!, /Opened https:\/\/example\.com\/third\?q=a b/);
		await app.press(keys.escape);
		assert.match(app.screen()[0]!, /^Post 1$/, 'Esc goes back to the article');
	});

	test('1 to 9 open that link at once; a link that is not http(s) goes to the same check as o', async () => {
		const app = await renderApp({loadArticle: loadWithLinks});
		await app.press(keys.enter);
		await app.press('L');
		await app.press('4');
		await until(() => app.links.length >= 1);
		assert.deepEqual(app.links, ['https://example.com/more/4']);
		assert.match(app.selected()!, /\[4\]/, 'the opened link is selected');
		await app.press('2');
		// The App hands every link to onOpenLink, which refuses anything but http(s) (tested with open-link.ts).
		await until(() => app.links.length >= 2);
		assert.deepEqual(app.links, ['https://example.com/more/4', 'javascript:alert(1)']);
	});

	test('a post without links says so', async () => {
		const app = await renderApp({loadArticle: loadWithLinks});
		await app.press('j');
		await app.press(keys.enter);
		await app.press('L');
		assert.match(app.screen()[0]!, /^Post 2$/);
		assert.match(app.screen().at(-1)!, /This post has no links/);
	});

	test('y in the link list copies the selected link', async () => {
		const spy = copySpy();
		const app = await renderApp({loadArticle: loadWithLinks, onCopyLink: spy.onCopyLink});
		await app.press(keys.enter);
		await app.press('Ljjjy');
		await until(() => spy.calls.length >= 1);
		assert.deepEqual(spy.calls, ['https://example.com/more/4']);
		await until(() => /Copied https:\/\/example\.com\/more\/4/.test(app.screen().at(-1)!));
		assert.match(app.screen().at(-1)!, /Copied https:\/\/example\.com\/more\/4/);
	});
});

describe('typing a link number in the reader', () => {
	test('digits then Enter open that link; the status shows the number being typed', async () => {
		const app = await renderApp({loadArticle: loadWithLinks});
		await app.press(keys.enter);
		await app.press('1');
		assert.match(app.screen().at(-1)!, /Link 1: Enter opens it/);
		await app.press('1');
		assert.match(app.screen().at(-1)!, /Link 11: Enter opens it/);
		await app.press(keys.enter);
		await until(() => app.links.length >= 1);
		assert.deepEqual(app.links, ['https://example.com/more/11']);
	});

	test('a number past the last link says so; Esc cancels a number without leaving the article', async () => {
		const app = await renderApp({loadArticle: loadWithLinks});
		await app.press(keys.enter);
		await app.press('13');
		await app.press(keys.enter);
		assert.deepEqual(app.links, []);
		assert.match(app.screen().at(-1)!, /No link 13: this post has 12/);
		await app.press('3');
		await app.press(keys.escape);
		assert.match(app.screen()[0]!, /^Post 1$/, 'still reading');
		await app.press(keys.enter);
		assert.deepEqual(app.links, [], 'the number was cancelled');
		await app.press('5j');
		assert.match(app.screen()[0]!, /^Paragraph 1 \[1\]$/, 'another key cancels the number and still works');
		await app.press(keys.enter);
		assert.deepEqual(app.links, []);
	});
});

describe('y: copy the original link', () => {
	test('in the reader and the list, through onCopyLink, with its status message', async () => {
		const spy = copySpy();
		const app = await renderApp({onCopyLink: spy.onCopyLink});
		await app.press('y');
		await until(() => spy.calls.length >= 1);
		assert.deepEqual(spy.calls, ['https://example.com/1']);
		await until(() => /Copied https:\/\/example\.com\/1/.test(app.screen().at(-1)!));
		assert.match(app.screen().at(-1)!, /Copied https:\/\/example\.com\/1/);
		await app.press('j');
		await app.press(keys.enter);
		await app.press('y');
		await until(() => spy.calls.length >= 2);
		assert.deepEqual(spy.calls, ['https://example.com/1', 'https://example.com/2']);
		await until(() => /Copied https:\/\/example\.com\/2/.test(app.screen().at(-1)!));
		assert.match(app.screen().at(-1)!, /Copied https:\/\/example\.com\/2/);
	});

	test('the OSC 52 sequence carries the checked URL in base64; other links are refused', async () => {
		const url = 'https://example.com/a?b=c';
		assert.equal(osc52(url), `\u001B]52;c;${Buffer.from(url).toString('base64')}\u0007`);
		assert.equal(osc52('javascript:alert(1)'), undefined);
		assert.equal(osc52('https://example.com/\u001B]52;c;x\u0007'), undefined);
		const written: string[] = [];
		assert.match(await copyLink(url, data => written.push(data)), /^Copied https:\/\/example\.com\/a\?b=c/);
		assert.deepEqual(written, [osc52(url)]);
		await assert.rejects(copyLink('file:///etc/passwd', data => written.push(data)), /Not copied: only http\(s\)/);
		await assert.rejects(copyLink(undefined, data => written.push(data)), /no link/);
		assert.equal(written.length, 1);
	});
});

describe('OSC 8 hyperlinks', () => {
	test('the link list makes checked links clickable, and only those', async () => {
		const app = await renderApp({loadArticle: loadWithLinks, hyperlinks: true});
		await app.press(keys.enter);
		await app.press('L');
		const frame = app.lastFrame()!;
		assert.ok(frame.includes('\u001B]8;;https://example.com/first\u001B\\'), 'link 1 is clickable');
		assert.ok(frame.includes('\u001B]8;;https://example.com/third?q=a%20b\u001B\\'), 'the clickable target is the checked URL');
		assert.ok(!frame.includes('\u001B]8;;javascript'), 'javascript: is never a target');
		// What a person sees is unchanged: the escapes take no room.
		for (const line of app.screen()) assert.ok(stringWidth(line) <= 80, line);
	});

	test('the links under the article are clickable in the reader; none without support', async () => {
		const app = await renderApp({loadArticle: loadWithLinks, hyperlinks: true});
		await app.press(keys.enter);
		await app.press('G');
		assert.ok(app.lastFrame()!.includes('\u001B]8;;https://example.com/more/12\u001B\\[12] https://example.com/more/12\u001B]8;;\u001B\\'));
		cleanup();
		const plain = await renderApp({loadArticle: loadWithLinks});
		await plain.press(keys.enter);
		await plain.press('G');
		assert.ok(!plain.lastFrame()!.includes('\u001B]8'), 'no OSC 8 unless supported');
	});

	test("the header's Link row is clickable when the post's link is http(s), and only then", async () => {
		const header = (post: Post): Article => ({
			lines: [
				{text: post.title, style: 'title'},
				{text: 'Date:     Wed 2024-11-20 12:00', style: 'meta'},
				{text: `Link:     ${post.link ?? ''}`, style: 'meta'},
			],
			links: [],
		});
		const posts = [
			{...makePosts(1)[0]!, link: 'https://news.example/a'},
			{...makePosts(2)[1]!, link: 'javascript:alert(1)'},
		];
		const app = await renderApp({posts, loadArticle: header, hyperlinks: true});
		await app.press(keys.enter);
		assert.ok(app.lastFrame()!.includes('\u001B]8;;https://news.example/a\u001B\\Link:     https://news.example/a\u001B]8;;\u001B\\'));
		assert.equal(app.lastFrame()!.split('\u001B]8;;').length, 3, 'only the Link row (opened and closed)');
		await app.press('J');
		assert.match(app.screen()[0]!, /^Post 2$/);
		assert.ok(!app.lastFrame()!.includes('\u001B]8;'), 'a javascript: link is never clickable');
	});

	test('support comes from the environment, with an opt-out', () => {
		assert.equal(supportsHyperlinks({TERM_PROGRAM: 'iTerm.app'}), true);
		assert.equal(supportsHyperlinks({TERM: 'xterm-kitty'}), true);
		assert.equal(supportsHyperlinks({VTE_VERSION: '7200', TERM: 'xterm-256color'}), true);
		assert.equal(supportsHyperlinks({TERM: 'xterm-256color'}), false, 'unknown terminals get plain text');
		assert.equal(supportsHyperlinks({TERM_PROGRAM: 'iTerm.app', FOLIO_NO_HYPERLINKS: '1'}), false);
		assert.equal(supportsHyperlinks({TERM_PROGRAM: 'iTerm.app', NO_COLOR: '1'}), false);
		assert.equal(supportsHyperlinks({TERM: 'dumb', FORCE_HYPERLINK: '1'}), false);
		assert.equal(supportsHyperlinks({FORCE_HYPERLINK: '1'}), true);
		assert.equal(hyperlink('javascript:alert(1)', 'x'), 'x');
		assert.equal(hyperlink('https://a.example/\u0007', 'x'), 'x');
	});
});
