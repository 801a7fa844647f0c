/** A long post opens at once on its beginning; the whole article replaces it without moving the reader. */
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import type {Article, Post} from '../source/core/types.js';
import {fakeLoadArticle} from './helpers/posts.js';
import {keys, renderApp} from './helpers/ui-app.js';

afterEach(cleanup);

test('the beginning shows first, then the whole article, at the same reading position', async () => {
	const whole = fakeLoadArticle(500);
	const calls: string[] = [];
	const app = await renderApp({
		loadArticle(post: Post, width: number): Article {
			calls.push(`whole ${post.title}`);
			return whole(post, width);
		},
		loadArticleHead(post: Post, width: number): Article | undefined {
			calls.push(`head ${post.title}`);
			const article = whole(post, width);
			return {lines: [...article.lines.slice(0, 40), {text: ''}, {text: 'Laying out the rest of this long post…', style: 'meta'}], links: []};
		},
	});
	const frames = app.frames.length;
	app.stdin.write(keys.enter);
	app.stdin.write('jjj');
	// The first frame of the reader is the beginning, laid out without the whole post.
	await app.waitFor(() => app.frames.slice(frames).some(frame => frame.includes('Post 1 line 2')), 'the reader');
	const first = app.frames.slice(frames).find(frame => frame.includes('Post 1 line 2'))!;
	assert.ok(first, 'the reader showed the post');
	assert.match(first, /line \d+\/42 /, 'the first frame counts the rows of the beginning');
	await app.waitFor(() => /line \d+\/500 /.test(app.lastFrame() ?? ''), 'the whole article');
	assert.deepEqual(calls, ['head Post 1', 'whole Post 1'], 'the beginning first, the whole once, just after');
	const screen = app.lastFrame()!;
	assert.match(screen, /line 4\/500 /, 'the whole article, read from where the reader was');
	assert.match(screen.split('\n')[0]!, /^Post 1 line 4$/);
});

test('a short post is laid out whole at once', async () => {
	const calls: string[] = [];
	const app = await renderApp({
		loadArticle(post: Post, width: number): Article {
			calls.push('whole');
			return fakeLoadArticle(30)(post, width);
		},
		loadArticleHead: () => undefined,
	});
	await app.press(keys.enter);
	assert.match(app.lastFrame()!, /line 1\/30 /);
	assert.deepEqual(calls, ['whole']);
});
