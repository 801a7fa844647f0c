/** Archive layouts people keep, read as a person sees them: through --list, --json and --print. */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, test} from 'node:test';
import matter from 'gray-matter';
import {renderArticle} from '../source/core/article.js';
import {checkLink} from '../source/core/links.js';
import {parsePost} from '../source/core/parse.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

type JsonPost = {path: string; title: string; date: string | null; categories: string[]; tags: string[]; link: string | null; author: string | null};

function folio(args: readonly string[]): {stdout: string; stderr: string; status: number | null} {
	const result = spawnSync(folioCommand, args, {
		input: '',
		encoding: 'utf8',
		env: {...process.env, PATH: pathWithThisNode, COLUMNS: '', FORCE_COLOR: '0', TZ: 'UTC'},
		timeout: 30_000,
	});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}

/** The --json records of a folder, by file name. */
function jsonPosts(folder: string, ...flags: string[]): Map<string, JsonPost> {
	const result = folio([folder, '--json', '--no-cache', ...flags]);
	assert.equal(result.status, 0, result.stderr);
	const posts = result.stdout
		.trimEnd()
		.split('\n')
		.filter(Boolean)
		.map(line => JSON.parse(line) as JsonPost);
	return new Map(posts.map(post => [path.basename(post.path), post]));
}

function printed(file: string): string {
	const result = folio(['--print', '--width', '100', file]);
	assert.equal(result.status, 0, result.stderr);
	return result.stdout;
}

const facts = {size: 0, mtimeMs: 0};

/** gray-matter's cache of every text it was given without options (its types leave it out). */
function grayMatterCache(): Record<string, unknown> {
	return (matter as unknown as {cache: Record<string, unknown>}).cache;
}

describe('Pelican / MultiMarkdown headers', () => {
	const folder = makeArchive({
		'this-week-in-rust-570.md': [
			'Title: This Week in Rust 570',
			'Number: 570',
			'Date: 2024-10-16',
			'Category: This Week in Rust',
			'Tags: rust, newsletter',
			'Authors: Nell Shamrell, Andre Bogus',
			'',
			'Hello and welcome to another issue of *This Week in Rust*!',
			'',
			'Read the [release notes](/blog/2024/10/17/Rust-1.82.0.html).',
			'',
		].join('\n'),
	});

	test('title, date, category, tags and authors are read; the header is not part of the body', () => {
		const post = jsonPosts(folder).get('this-week-in-rust-570.md')!;
		assert.equal(post.title, 'This Week in Rust 570');
		assert.equal(post.date, '2024-10-16T00:00:00.000Z');
		assert.deepEqual(post.categories, ['This Week in Rust']);
		assert.deepEqual(post.tags, ['rust', 'newsletter']);
		assert.equal(post.author, 'Nell Shamrell, Andre Bogus');
		const text = printed(path.join(folder, 'this-week-in-rust-570.md'));
		assert.match(text, /^This Week in Rust 570\nDate: +Wed 2024-10-16\nSource: +This Week in Rust\nAuthor: +Nell Shamrell, Andre Bogus\nTags: +rust, newsletter\n\nHello and welcome/);
		assert.doesNotMatch(text, /Title:|Number: 570|Category:/, 'the header lines are not shown as text');
		// No link of its own to resolve against: the relative link is listed as written.
		assert.match(text, /release notes\[1\]/);
		assert.match(text, /Links\n─────\n\[1\] \/blog\/2024\/10\/17\/Rust-1\.82\.0\.html\n$/);
	});

	test('a body that merely starts with one "Date:" line is not taken for a header', () => {
		const post = parsePost('Date: 2020-06-18\n\nThe text.\n', 'notes.md', facts);
		assert.equal(post.title, 'notes');
		assert.equal(new Date(post.date!).getFullYear(), 2020, 'the date line still gives the date');
		assert.match(renderArticle(post, 'Date: 2020-06-18\n\nThe text.\n', 60).lines.map(line => line.text).join('\n'), /Date: 2020-06-18\n\nThe text\./);
	});
});

describe('Zola', () => {
	const folder = makeArchive({
		'content/blog/zola-release.md': [
			'+++',
			'title = "Zola 0.19.0"',
			'path = "2024/10/02/zola-release"',
			'authors = ["Vincent Prouillet"]',
			'',
			'[taxonomies]',
			'categories = ["Releases"]',
			'tags = ["zola", "ssg"]',
			'+++',
			'',
			'A new release.',
			'',
		].join('\n'),
		'content/blog/2023-05-06-older.md': '+++\ntitle = "Older"\n[extra]\nauthor = "Someone"\n+++\nText.\n',
	});

	test('the date comes from `path`, else from the file name; taxonomies give categories and tags', () => {
		const posts = jsonPosts(folder);
		const release = posts.get('zola-release.md')!;
		assert.equal(release.title, 'Zola 0.19.0');
		assert.equal(release.date, '2024-10-02T00:00:00.000Z');
		assert.deepEqual(release.categories, ['Releases']);
		assert.deepEqual(release.tags, ['zola', 'ssg']);
		assert.equal(release.author, 'Vincent Prouillet');
		const older = posts.get('2023-05-06-older.md')!;
		assert.equal(older.date, '2023-05-06T00:00:00.000Z');
		assert.equal(older.author, 'Someone');
		const list = folio([folder, '--list', '--no-cache']).stdout;
		assert.match(list, /^2024-10-02\tReleases\tZola 0\.19\.0\t/m);
	});
});

describe('Go blog', () => {
	const folder = makeArchive({
		'go1.22.md': [
			'---',
			'title: Go 1.22 is released!',
			'date: 2024-02-06',
			'by:',
			'- Eli Bendersky',
			'- Russ Cox',
			'summary: Go 1.22 enhances for loops.',
			'---',
			'',
			'Today the Go team is thrilled to release Go 1.22, which you can get by visiting the [download page](/dl/).',
			'',
		].join('\n'),
	});

	test('`by:` authors are shown and found by the list search', () => {
		const post = jsonPosts(folder).get('go1.22.md')!;
		assert.equal(post.author, 'Eli Bendersky, Russ Cox');
		assert.equal(post.date, '2024-02-06T00:00:00.000Z');
		assert.match(printed(path.join(folder, 'go1.22.md')), /\nAuthor: +Eli Bendersky, Russ Cox\n/);
		const found = folio([folder, '--list', '--no-cache', '--search', 'russ cox']);
		assert.equal(found.status, 0, found.stderr);
		assert.match(found.stdout, /Go 1\.22 is released!/);
	});
});

describe('dates in the body', () => {
	const folder = makeArchive({
		'rfa.md': '---\ntitle: 报道\n---\n\n日期：Thu, 18 Jun 2020 18:31:25 +0000\n\n正文。\n',
		'plain.html': '---\ntitle: Plain\n---\n<p><strong>Date:</strong> 2021-03-04 09:15 +08:00</p><p>Text.</p>\n',
		'cn.md': '---\ntitle: 新闻\n---\n发布时间：2019年7月1日 10:30\n\n内容。\n',
		'none.md': '---\ntitle: No date\n---\nJust text, and a Date: that is not a line of its own.\n',
	});

	test('a labelled date line near the top gives the date when nothing else does', () => {
		const posts = jsonPosts(folder);
		assert.equal(posts.get('rfa.md')!.date, '2020-06-18T18:31:25.000Z');
		assert.equal(posts.get('plain.html')!.date, '2021-03-04T01:15:00.000Z');
		assert.equal(posts.get('cn.md')!.date, '2019-07-01T10:30:00.000Z');
		assert.equal(posts.get('none.md')!.date, null);
		assert.match(printed(path.join(folder, 'rfa.md')), /^报道\nDate: +Thu 2020-06-18 18:31\n/);
	});
});

describe('links', () => {
	const folder = makeArchive({
		'based.html': [
			'---',
			'title: Based',
			'link: https://news.example/world/2024/story.html',
			'---',
			'<p>See <a href="/dl/">downloads</a>, <a href="../x">one up</a> and <a href="#top">top</a>.</p>',
			'<figure><img src="a.jpg"><figcaption><a href="https://www.youtube.com/watch?v=tTbH6hdgaBc">黎巴嫩总理呼吁停火</a></figcaption></figure>',
			'<figure><iframe src="https://www.youtube.com/embed/A5S2eYANnJk?start=30"></iframe><figcaption>The interview</figcaption></figure>',
		].join('\n'),
		'unbased.md': '---\ntitle: Unbased\n---\nGet it from the [download page](/dl/) or [the docs](../doc/install.html).\n',
	});

	test('relative links are resolved against the post’s link; caption and YouTube links are kept', () => {
		const text = printed(path.join(folder, 'based.html'));
		assert.match(text, /See downloads\[1\], one up\[2\] and top\./);
		assert.match(text, /\[image: 黎巴嫩总理呼吁停火\] \[3\]/);
		assert.match(text, /\[video: The interview\] \[4\]/);
		assert.match(
			text,
			/Links\n─────\n\[1\] https:\/\/news\.example\/dl\/\n\[2\] https:\/\/news\.example\/world\/x\n\[3\] https:\/\/www\.youtube\.com\/watch\?v=tTbH6hdgaBc\n\[4\] https:\/\/www\.youtube\.com\/watch\?v=A5S2eYANnJk\n$/,
		);
	});

	test('without a link of its own, relative links are listed as written and say why they do not open', () => {
		const text = printed(path.join(folder, 'unbased.md'));
		assert.match(text, /download page\[1\] or the docs\[2\]/);
		assert.match(text, /Links\n─────\n\[1\] \/dl\/\n\[2\] \.\.\/doc\/install\.html\n$/);
		const check = checkLink('/dl/');
		assert.equal(check.ok, false);
		assert.match(check.ok ? '' : check.reason, /^Not opened: a relative link, and the post has no web address to resolve it against: \/dl\/$/);
	});
});

describe('categories differing only in case', () => {
	const folder = makeArchive({
		'2024-01-01-a.md': '---\ntitle: A\ncategories: [BBC]\n---\nA\n',
		'2024-01-02-b.md': '---\ntitle: B\ncategories: [bbc]\n---\nB\n',
		'2024-01-03-c.md': '---\ntitle: C\ncategories: BBC\n---\nC\n',
		'2024-01-04-d.md': '---\ntitle: D\ncategories: [DW]\n---\nD\n',
	});

	test('are one category in the most common spelling: the list column, --category, the counts', () => {
		const list = folio([folder, '--list', '--no-cache']).stdout;
		assert.deepEqual(
			list.trimEnd().split('\n').map(line => line.split('\t').slice(1, 3).join(' ')),
			['DW D', 'BBC C', 'BBC B', 'BBC A'],
		);
		for (const spelling of ['bbc', 'BBC', 'Bbc']) {
			const posts = jsonPosts(folder, '--category', spelling);
			assert.deepEqual([...posts.values()].map(post => post.title), ['C', 'B', 'A'], spelling);
			for (const post of posts.values()) assert.deepEqual(post.categories, ['BBC']);
		}
	});
});

describe('front matter through gray-matter', () => {
	test('---js and ---coffee front matter never runs, in a real run of folio; nothing is cached', () => {
		const marker = path.join(os.tmpdir(), `folio-js-marker-${process.pid}`);
		const code = `{title: (function () { require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); return 'owned'; })()}`;
		const folder = makeArchive({
			'2024-02-03-js.md': `---js\n${code}\n---\nBody of js.\n`,
			'2024-02-04-coffee.md': `---coffee\ntitle: require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')\n---\nBody of coffee.\n`,
			'2024-02-05-javascript.md': `---javascript\n${code}\n---\nBody of javascript.\n`,
		});
		const posts = jsonPosts(folder);
		assert.deepEqual([...posts.values()].map(post => post.title).sort(), ['coffee', 'javascript', 'js']);
		const printedJs = folio(['--print', path.join(folder, '2024-02-03-js.md')]);
		assert.match(printedJs.stdout, /Body of js\.\n$/);
		assert.match(printedJs.stderr, /^folio: \S+2024-02-03-js\.md: front matter in javascript is not read: code in a post never runs$/m);
		for (const line of printedJs.stderr.trimEnd().split('\n')) assert.match(line, /^folio: \S+: [^\n]+$/, 'one line a warning, no stack trace');
		assert.equal(fs.existsSync(marker), false, 'no code from the post ran');
	});

	test('TOML with +++ and with ---toml; YAML dates that YAML cannot read', () => {
		const plus = parsePost('+++\ntitle = "Plus"\ndate = 2024-10-02T08:00:00Z\n+++\nBody\n', 'a.md', facts);
		assert.equal(plus.title, 'Plus');
		assert.equal(plus.date, Date.parse('2024-10-02T08:00:00Z'));
		const dashed = parsePost('---toml\ntitle = "Dashed"\ntags = ["x", "y"]\n---\nBody\n', 'b.md', facts);
		assert.equal(dashed.title, 'Dashed');
		assert.deepEqual(dashed.tags, ['x', 'y']);
		const offset = parsePost('---\ntitle: Offset\ndate: 2017-06-15 17:32:32 -0400\n---\nBody\n', 'c.md', facts);
		assert.equal(offset.date, Date.parse('2017-06-15T21:32:32Z'));
		assert.deepEqual(Object.keys(grayMatterCache()), [], 'gray-matter keeps no copy of any post');
	});
});
