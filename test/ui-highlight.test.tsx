/** Find in the reader with colours on: matches in reverse video, the current one in yellow. */
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import type {Article, Post} from '../source/core/types.js';

// Colours on, so the frames carry the attributes a person sees (set before ink loads).
process.env['FORCE_COLOR'] = '1';
const {cleanup} = await import('ink-testing-library');
const {keys, renderApp} = await import('./helpers/ui-app.js');

afterEach(cleanup);

const inverse = (text: string) => `\u001B[7m${text}\u001B[27m`;
const current = (text: string) => `\u001B[43m\u001B[30m${text}\u001B[39m\u001B[49m`;

function article(post: Post): Article {
	return {
		lines: [
			{text: post.title, style: 'title'},
			{text: 'The ferry left. Another ferry waited.'},
			{text: 'Ferry times', style: 'heading'},
			{text: '[1] https://ferry.example/', style: 'link-list'},
		],
		links: ['https://ferry.example/'],
	};
}

test('every match is shown in reverse video and the current one in yellow, in text, headings and links', async () => {
	const app = await renderApp({loadArticle: article});
	await app.press(keys.enter);
	await app.press('/FERRY');
	await app.press(keys.enter);
	let frame = app.lastFrame()!;
	assert.ok(frame.includes(`The ${current('ferry')} left. Another ${inverse('ferry')} waited.`), frame);
	assert.ok(frame.includes(inverse('Ferry')), 'the heading match');
	assert.ok(frame.includes(`[1] https://${inverse('ferry')}.example/`), 'the link row match');
	await app.press('n');
	frame = app.lastFrame()!;
	assert.ok(frame.includes(`The ${inverse('ferry')} left. Another ${current('ferry')} waited.`), frame);
	assert.match(frame, /match 2\/4/);
});
