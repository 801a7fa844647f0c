/** What the screen shows while the archive or the article code is still loading. */
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {App, type AppProps} from '../source/ui/app.js';
import {fakeLoadArticle, makePosts, openLinkSpy, tick} from './helpers/posts.js';

afterEach(cleanup);

function baseProps(overrides: Partial<AppProps> = {}): AppProps {
	return {posts: makePosts(30), folder: '~/news', loadArticle: fakeLoadArticle(50), onOpenLink: openLinkSpy().onOpenLink, width: 80, height: 24, ...overrides};
}

const screen = (app: ReturnType<typeof render>) => (app.lastFrame() ?? '').split('\n');

/** Waits until the frame shows what `shown` looks for (a busy machine may take several frames). */
async function waitForFrame(app: ReturnType<typeof render>, shown: (lines: string[]) => boolean): Promise<void> {
	const started = Date.now();
	while (!shown(screen(app))) {
		if (Date.now() - started > 10_000) assert.fail(`the frame never showed it:\n${screen(app).join('\n')}`);
		await tick();
	}
}

test('an article opened before the article code is there says Loading…, then shows once it is', async () => {
	const props = baseProps({loadArticle: () => undefined});
	const app = render(<App {...props} />);
	await waitForFrame(app, lines => lines.some(line => / Post 1$/.test(line)));
	app.stdin.write('j');
	await waitForFrame(app, lines => lines.some(line => line.startsWith('› ') && / Post 2$/.test(line)));
	app.stdin.write('\r');
	await waitForFrame(app, lines => lines[0] === 'Post 2');
	assert.equal(screen(app)[0], 'Post 2');
	assert.ok(screen(app).includes('Loading…'), screen(app).join('\n'));
	assert.match(screen(app).at(-1)!, /^loading… {2}post 2\/30/, 'no line position before the article is laid out');

	app.rerender(<App {...props} loadArticle={fakeLoadArticle(50)} />);
	await waitForFrame(app, lines => !lines.includes('Loading…'));
	assert.equal(screen(app)[0], 'Post 2');
	assert.equal(screen(app)[1], 'Post 2 line 2');
	assert.ok(!screen(app).includes('Loading…'));
	assert.match(screen(app).at(-1)!, /^line 1\/\d+ /);
	app.stdin.write('j');
	await tick();
	assert.equal(screen(app)[0], 'Post 2 line 2', 'the article scrolls once it is laid out');
});

test('keys typed in the reader before its article is there wait for it, then act on it', async () => {
	const withLinks: AppProps['loadArticle'] = post => ({lines: [{text: post.title, style: 'title'}, {text: 'Body'}], links: ['https://one.example/', 'https://two.example/']});
	const props = baseProps({loadArticle: () => undefined});
	const app = render(<App {...props} />);
	await tick();
	app.stdin.write('\rL');
	await tick();
	assert.equal(screen(app)[0], 'Post 1');
	assert.ok(screen(app).includes('Loading…'));

	app.rerender(<App {...props} loadArticle={withLinks} />);
	await tick();
	await tick();
	assert.match(screen(app)[0]!, /^Links \(2\)/, screen(app).join('\n'));
});

test('while the archive loads, the header says how far, and a growing list keeps the selected post', async () => {
	const all = makePosts(30);
	const first = all.filter((_, index) => index % 3 === 0);
	const saved: Array<string | undefined> = [];
	const props = baseProps({posts: first, loading: {done: 10, total: 1200}, onReadStateChange: state => saved.push(state.last)});
	const app = render(<App {...props} />);
	await tick();
	assert.match(screen(app)[0]!, /10\/10 posts · All · 10 unread · loading 10 of 1,200…$/);
	app.stdin.write('j');
	await tick();
	assert.match(screen(app).find(line => line.startsWith('›'))!, /Post 4$/);

	app.rerender(<App {...props} posts={all} loading={{done: 600, total: 1200}} />);
	await tick();
	assert.match(screen(app)[0]!, /30\/30 posts · All · 30 unread · loading 600 of 1,200…$/);
	assert.match(screen(app).find(line => line.startsWith('›'))!, /Post 4$/, 'the same post stays selected');

	app.rerender(<App {...props} posts={all} loading={undefined} />);
	await tick();
	assert.match(screen(app)[0]!, /30\/30 posts · All · 30 unread$/);
	assert.deepEqual(saved.filter(last => last !== undefined), [], 'nothing was read: no post is remembered as read last');
});

test('while the index is built in the background, the header says how far, and keys still move', async () => {
	const props = baseProps({posts: makePosts(5), indexing: {done: 12_400, total: 86_000}});
	const app = render(<App {...props} />);
	await tick();
	assert.match(screen(app)[0]!, /5\/5 posts · All · 5 unread · indexing 12,400 of 86,000…$/);
	app.stdin.write('j');
	await tick();
	assert.match(screen(app).find(line => line.startsWith('›'))!, /Post 2$/);
	app.rerender(<App {...props} indexing={{done: 300, total: 86_000, text: true}} />);
	await tick();
	assert.match(screen(app)[0]!, /5\/5 posts · All · 5 unread · indexing text 300 of 86,000…$/);
	app.rerender(<App {...props} indexing={undefined} />);
	await tick();
	assert.match(screen(app)[0]!, /5\/5 posts · All · 5 unread$/);
});
