/** Messy files met in real archives: each loads with a sensible fallback or a one-line reason. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import stringWidth from 'string-width';
import {loadArticle} from '../source/core/article.js';
import {formatDay} from '../source/core/dates.js';
import {loadArchive} from '../source/core/load.js';
import type {Post} from '../source/core/types.js';
import {makeArchive} from './helpers/temp-archive.js';

function byName(posts: readonly Post[], name: string): Post {
	const post = posts.find(candidate => path.basename(candidate.path) === name);
	assert.ok(post, `${name} is listed`);
	return post;
}

function articleText(post: Post, width = 60): string[] {
	return loadArticle(post, width).lines.map(line => line.text);
}

describe('messy posts', () => {
	test('empty, front matter only, body only, blank titles: all listed with fallbacks', () => {
		const folder = makeArchive({
			'2024-03-01-empty.md': '',
			'2024-03-02-front-only.md': '---\ntitle: Only a head\ndate: 2024-03-02\n---\n',
			'2024-03-03-body-only.md': 'Just a paragraph, no front matter.\n',
			'2024-03-04-blank-title.md': '---\ntitle: "   "\n---\nText\n',
			'2024-03-05-empty-title.md': '---\ntitle:\n---\nText\n',
		});
		const {posts, skipped} = loadArchive(folder);
		assert.equal(skipped.length, 0);
		assert.equal(posts.length, 5);
		assert.equal(byName(posts, '2024-03-01-empty.md').title, 'empty');
		assert.equal(formatDay(byName(posts, '2024-03-01-empty.md').date!), '2024-03-01');
		assert.equal(byName(posts, '2024-03-02-front-only.md').title, 'Only a head');
		assert.equal(byName(posts, '2024-03-03-body-only.md').title, 'body only');
		assert.equal(byName(posts, '2024-03-04-blank-title.md').title, 'blank title');
		assert.equal(byName(posts, '2024-03-05-empty-title.md').title, 'empty title');
		assert.ok(articleText(byName(posts, '2024-03-01-empty.md')).includes('(This post has no text.)'));
		assert.ok(articleText(byName(posts, '2024-03-02-front-only.md')).includes('(This post has no text.)'));
		assert.ok(articleText(byName(posts, '2024-03-03-body-only.md')).includes('Just a paragraph, no front matter.'));
	});

	test('dates far in the past or future, and dates that are not dates', () => {
		const folder = makeArchive({
			'old.md': '---\ntitle: Old\ndate: 1854-03-01\n---\n',
			'future.md': '---\ntitle: Future\ndate: 2999-12-31 23:59:00 +0000\n---\n',
			'silly.md': '---\ntitle: Silly\ndate: 99999-99-99\n---\n',
			'words.md': '---\ntitle: Words\ndate: last tuesday\n---\n',
		});
		const {posts} = loadArchive(folder);
		assert.deepEqual(posts.map(post => post.title), ['Future', 'Old', 'Silly', 'Words'], 'dated newest first, undated last');
		assert.equal(formatDay(byName(posts, 'old.md').date!), '1854-03-01');
		assert.equal(byName(posts, 'silly.md').date, undefined);
		assert.match(byName(posts, 'words.md').warnings.join(), /unreadable date "last tuesday"/);
	});

	test('lone CR line endings and U+2028 inside text', () => {
		const folder = makeArchive({
			'cr.md': '---\rtitle: Old Mac\rdate: 2001-01-01\r---\rFirst paragraph.\r\rSecond paragraph.\r',
			'ls.md': '---\ntitle: "Line\u2028separator"\n---\nOne\u2028two\u2029three.\n',
		});
		const {posts} = loadArchive(folder);
		const cr = byName(posts, 'cr.md');
		assert.equal(cr.title, 'Old Mac');
		assert.deepEqual(articleText(cr).slice(-3), ['First paragraph.', '', 'Second paragraph.']);
		const ls = byName(posts, 'ls.md');
		assert.equal(ls.title, 'Line separator');
		for (const line of articleText(ls)) assert.doesNotMatch(line, /[\u2028\u2029]/);
	});

	test('invalid UTF-8 shows replacement characters and is flagged, never control bytes', () => {
		const bytes = Buffer.concat([Buffer.from('---\ntitle: Broken \xff bytes\n---\nText '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0x9b]), Buffer.from(' end\n')]);
		const folder = makeArchive({'bad.md': bytes});
		const {posts} = loadArchive(folder);
		const post = byName(posts, 'bad.md');
		const lines = articleText(post);
		// eslint-disable-next-line no-control-regex
		for (const line of [post.title, ...lines]) assert.doesNotMatch(line, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
		assert.ok(lines.some(line => line.startsWith('Text ') && line.endsWith(' end')));
		assert.match(post.warnings.join(), /UTF-8|replac|encoding/i);
	});

	test('a 400 KB one-line HTML body and a 50 MB post: the list reads only their heads, the articles open', {timeout: 120_000}, () => {
		const paragraph = '<p class=MsoNormal style="margin:0"><span lang=EN-US style="font-size:12pt">Word HTML paragraph, with <b>bold</b> text.</span></p>';
		const oneLine = paragraph.repeat(Math.ceil(400_000 / paragraph.length));
		const folder = makeArchive({'2024-05-01-word.html': `---\ntitle: Word export\n---\n${oneLine}`});
		const big = path.join(folder, '2024-05-02-huge.md');
		const chunk = Buffer.from('A long line of text in a very large post. '.repeat(24) + '\n\n');
		const fd = fs.openSync(big, 'w');
		fs.writeSync(fd, '---\ntitle: Huge post\n---\n');
		for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
		fs.closeSync(fd);

		const {posts, skipped} = loadArchive(folder);
		assert.equal(skipped.length, 0);
		assert.deepEqual(posts.map(post => post.title), ['Huge post', 'Word export']);

		const word = articleText(byName(posts, '2024-05-01-word.html'), 50);
		assert.ok(word.length > 3000);
		for (const line of word) assert.ok(stringWidth(line) <= 50);
		assert.equal(word.at(-1), 'Word HTML paragraph, with bold text.');

		const before = process.memoryUsage().rss;
		const huge = articleText(byName(posts, '2024-05-02-huge.md'), 80);
		assert.match(huge.at(-1)!, /The post is \d+ million characters long; the first 2 million are shown/);
		assert.ok(process.memoryUsage().rss - before < 1024 * 1024 * 1024, 'memory stays bounded');
	});
});
