/** What a person set survives the list being replaced while the archive loads (ink-testing-library). */
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {App, type AppProps} from '../source/ui/app.js';
import type {Post} from '../source/core/types.js';
import {fakeLoadArticle, makePost, makePosts, openLinkSpy, tick} from './helpers/posts.js';

afterEach(cleanup);

const all = makePosts(60, ['world', 'business', 'sport']);
/** Every other post first, as a first batch might list them; the rest arrive later. */
const first = all.filter((_, index) => index % 2 === 0);

function props(overrides: Partial<AppProps> = {}): AppProps {
	return {posts: first, folder: '~/news', loadArticle: fakeLoadArticle(100), onOpenLink: openLinkSpy().onOpenLink, width: 80, height: 24, loading: {done: 20, total: 60}, ...overrides};
}

const screen = (app: ReturnType<typeof render>) => (app.lastFrame() ?? '').split('\n');

/** Waits until the frame shows what `shown` looks for. */
async function waitForFrame(app: ReturnType<typeof render>, shown: (lines: string[]) => boolean): Promise<string[]> {
	const started = Date.now();
	while (!shown(screen(app))) {
		if (Date.now() - started > 10_000) assert.fail(`the frame never showed it:\n${screen(app).join('\n')}`);
		await tick();
	}
	return screen(app);
}

/** Types keys, one write each; the caller then waits for the frame they lead to. */
function type(app: ReturnType<typeof render>, ...inputs: string[]): void {
	for (const input of inputs) app.stdin.write(input);
}

describe('a list replaced while the archive loads', () => {
	test('keeps the category, unread only and a / filter being typed, and applies them to the new posts', async () => {
		const app = render(<App {...props()} />);
		await waitForFrame(app, lines => /30\/30 posts/.test(lines[0]!));
		type(app, '\t'); // business: posts 2, 5, 8, … of the whole list
		await waitForFrame(app, lines => /posts · business/.test(lines[0]!));
		type(app, 'u', '/', '1');
		await waitForFrame(app, rows => /unread only/.test(rows[0]!) && /^\/1█/.test(rows.at(-1)!));
		app.rerender(<App {...props({posts: all, loading: {done: 40, total: 60}})} />);
		const lines = await waitForFrame(app, rows => /\/60 posts/.test(rows[0]!));
		// business posts: 2, 5, 8, 11, 14, 17, 20, …; with a word starting with "1": 11, 14, 17.
		assert.match(lines[0]!, /3\/60 posts · business · unread only · 3 unread · loading 40 of 60…$/);
		assert.match(lines.at(-1)!, /^\/1█ {2}3 matches/, 'the prompt is still open, with its text');
		type(app, '1');
		await waitForFrame(app, rows => /^\/11█ {2}1 matches/.test(rows.at(-1)!));
	});

	test('keeps the reader on its post and line, and a number being typed', async () => {
		const app = render(<App {...props()} />);
		await waitForFrame(app, lines => /30\/30 posts/.test(lines[0]!));
		type(app, 'j', '\r'); // Post 3
		await waitForFrame(app, lines => lines[0] === 'Post 3');
		type(app, 'jjjjj', '1');
		await waitForFrame(app, lines => lines[0] === 'Post 3 line 6' && /Link 1:/.test(lines.at(-1)!));
		app.rerender(<App {...props({posts: all, loading: undefined})} />);
		const lines = await waitForFrame(app, rows => /post 3\/60/.test(rows.at(-1)!));
		assert.equal(lines[0], 'Post 3 line 6', 'the same post, at the same line');
		assert.match(lines.at(-1)!, /post 3\/60/, 'its place in the longer list');
		assert.match(lines.at(-1)!, /Link 1: Enter opens it/);
		// The first q cancels the number typed, the second leaves the article.
		type(app, 'q', 'q');
		const list = await waitForFrame(app, rows => rows.some(row => row.startsWith('›')));
		assert.match(list.find(row => row.startsWith('›'))!, / Post 3$/);
	});

	test('keeps a picker open on its entry, with its counts made again', async () => {
		const app = render(<App {...props()} />);
		await waitForFrame(app, lines => /30\/30 posts/.test(lines[0]!));
		type(app, 'c', 'j');
		let lines = await waitForFrame(app, rows => rows.some(row => /^› {3}\S+ \(10\/10\)/.test(row)));
		const chosen = /^› {3}(\S+)/.exec(lines.find(row => row.startsWith('›'))!)![1]!;
		app.rerender(<App {...props({posts: all, loading: undefined})} />);
		lines = await waitForFrame(app, rows => rows.some(row => row.includes('All (60/60)')));
		assert.match(lines.find(row => row.startsWith('›'))!, new RegExp(`^› {3}${chosen} \\(20/20\\)`));
	});

	test('full-text results stay, and new posts do not reset them', async () => {
		const search = (post: Post, query: string) => (post.title.endsWith('0') && query === 'zero' ? `zero in ${post.title}` : undefined);
		const app = render(<App {...props({searchPost: search})} />);
		await waitForFrame(app, lines => /30\/30 posts/.test(lines[0]!));
		type(app, 'F', 'zero', '\r');
		await waitForFrame(app, lines => /contain "zero"/.test(lines.at(-1)!));
		app.rerender(<App {...props({posts: all, searchPost: search})} />);
		await waitForFrame(app, rows => /\/60 posts · All · text "zero"/.test(rows[0]!));
	});
});

describe('the cursor through a first visit', () => {
	test('goes to the post read last in an earlier run once it arrives', async () => {
		const app = render(<App {...props({initialReadState: {read: ['/archive/post-8.md'], last: '/archive/post-8.md'}})} />);
		await waitForFrame(app, lines => lines.some(row => row.startsWith('›') && / Post 1$/.test(row)));
		app.rerender(<App {...props({posts: all, loading: undefined, initialReadState: {read: ['/archive/post-8.md'], last: '/archive/post-8.md'}})} />);
		const lines = await waitForFrame(app, rows => /60\/60 posts/.test(rows[0]!));
		assert.match(lines.find(row => row.startsWith('›'))!, / Post 8$/);
	});

	test('stays on the newest post while newer posts load above it, until the person moves', async () => {
		const newest = makePost({title: 'Newest of all', path: '/z/newest.md', date: Date.UTC(2030, 0, 1)});
		const app = render(<App {...props()} />);
		await waitForFrame(app, lines => lines.some(row => row.startsWith('›') && / Post 1$/.test(row)));
		app.rerender(<App {...props({posts: [newest, ...all], loading: undefined})} />);
		const lines = await waitForFrame(app, rows => /61\/61 posts/.test(rows[0]!));
		assert.match(lines[1]!, /^› .* Newest of all$/, 'the selection is on the newest post, at the top');
		type(app, 'j');
		await waitForFrame(app, rows => rows.some(row => row.startsWith('›') && / Post 1$/.test(row)));
		app.rerender(<App {...props({posts: [makePost({title: 'Even newer', path: '/z/newer.md', date: Date.UTC(2031, 0, 1)}), newest, ...all], loading: undefined})} />);
		const moved = await waitForFrame(app, rows => /62\/62 posts/.test(rows[0]!));
		assert.match(moved.find(row => row.startsWith('›'))!, / Post 1$/, 'once moved, the selection stays on its post');
	});
});
