/** Bodies become clean documents: structure kept, boilerplate gone, links numbered, images named. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {cleanBody} from '../source/core/clean.js';
import {bodyOf} from '../source/core/parse.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedPath = path.join(root, 'content', '2021-11-25-china-russia-military-ties.md');
const seedTitle = '中国国防部：中俄两军关系没有最好只有更好';

const texts = (html: string, format: 'html' | 'markdown' = 'html', title = '', base?: string) =>
	cleanBody(html, format, title, base).lines.map(line => line.text);

describe('cleaning', () => {
	test('the seed keeps every paragraph exactly once and loses its ads, paywall, epoch comment and repeated title', () => {
		const text = fs.readFileSync(seedPath, 'utf8');
		const {body} = bodyOf(text, seedPath);
		const paragraphs = [...body.matchAll(/<p>(.*?)<\/p>/g)].map(match => match[1]!);
		assert.equal(paragraphs.length, 7);
		const document = cleanBody(body, 'markdown', seedTitle, 'https://www.zaobao.com/realtime/china/story20211125-1217060');
		const lines = document.lines.map(line => line.text);
		for (const paragraph of paragraphs) assert.equal(lines.filter(line => line === paragraph).length, 1, paragraph);
		assert.deepEqual(
			lines.filter(line => line !== ''),
			paragraphs,
			'nothing but the paragraphs: no ad slot, paywall image, subscribe link, comment or title heading',
		);
		assert.deepEqual(document.links, []);
	});

	test('HTML and Markdown bodies give the same document', () => {
		const html = `<h2>What changes</h2><p>Reading rooms open <em>late</em>, see <a href="https://example.org/hours">the hours</a>.</p>
			<ul><li>Floors two and three</li><li>The café</li></ul><blockquote><p>We heard the students.</p></blockquote>
			<ol><li>First</li><li>Second</li></ol><pre><code>  keep   this</code></pre>`;
		const markdown = [
			'## What changes',
			'',
			'Reading rooms open *late*, see [the hours](https://example.org/hours).',
			'',
			'- Floors two and three',
			'- The café',
			'',
			'> We heard the students.',
			'',
			'1. First',
			'2. Second',
			'',
			'```',
			'  keep   this',
			'```',
		].join('\n');
		const fromHtml = cleanBody(html, 'html');
		const fromMarkdown = cleanBody(markdown, 'markdown');
		assert.deepEqual(fromMarkdown, fromHtml);
		assert.deepEqual(fromHtml.lines, [
			{text: 'What changes', style: 'heading'},
			{text: ''},
			{text: 'Reading rooms open late, see the hours[1].'},
			{text: ''},
			{text: 'Floors two and three', prefix: '• ', continuation: '  '},
			{text: 'The café', prefix: '• ', continuation: '  '},
			{text: ''},
			{text: 'We heard the students.', style: 'quote', prefix: '│ ', continuation: '│ '},
			{text: ''},
			{text: 'First', prefix: '1. ', continuation: '   '},
			{text: 'Second', prefix: '2. ', continuation: '   '},
			{text: ''},
			{text: '  keep   this', style: 'pre'},
		]);
		assert.deepEqual(fromHtml.links, ['https://example.org/hours']);
	});

	test('links become numbered references; a repeated link keeps its number; only web links are numbered', () => {
		const document = cleanBody(
			`<p><a href="https://a.example/1">one</a>, <a href="/two">two</a>, <a href="https://a.example/1">again</a>,
			<a href="javascript:alert(1)">script</a>, <a href="mailto:x@example.org">mail</a>, <a href="#top">top</a>.</p>`,
			'html',
			'',
			'https://a.example/news/post',
		);
		assert.deepEqual(document.lines.map(line => line.text), ['one[1], two[2], again[1], script, mail, top.']);
		assert.deepEqual(document.links, ['https://a.example/1', 'https://a.example/two']);
	});

	test('images become placeholders with their alt text or caption, never a URL', () => {
		const lines = texts(`<p>Before</p><img src="https://img.example/a.jpg" alt="A ferry at night">
			<figure><img src="https://img.example/b.jpg"><figcaption>大会会场设在巴库</figcaption></figure>
			<p><img src="https://img.example/c.jpg"></p><img src="https://t.example/pixel.gif" width="1" height="1"><p>After</p>`);
		assert.deepEqual(lines.filter(Boolean), ['Before', '[image: A ferry at night]', '[image: 大会会场设在巴库]', '[image]', 'After']);
		assert.ok(!lines.join('\n').includes('http'), 'no image URL is shown');
	});

	test('scripts, styles, forms, ad slots and paywall blocks are removed; the text around them stays', () => {
		const lines = texts(`<p>One</p><script>alert("x")</script><style>p{color:red}</style>
			<div class="dfp-tag-wrapper"><div id="dfp-ad-imu1">AD</div></div><div id="adslot_pcBox_EndAd2">AD</div>
			<div class="o-self-promo">Get our app</div><div class="cx_paywall_placeholder">Subscribe now</div>
			<section id="imu"><p>AD</p></section><div id="innity-in-post">AD</div><form><input value="x"><button>Go</button></form>
			<p>Two</p><div><div>  </div></div><p>Three</p>`);
		assert.deepEqual(lines, ['One', '', 'Two', '', 'Three']);
	});

	test('a leading heading that repeats the title is dropped; a different one stays', () => {
		assert.deepEqual(texts('# Night trains\n\nText.', 'markdown', 'Night trains'), ['Text.']);
		assert.deepEqual(texts('<h1>Night trains</h1><p>Text.</p>', 'html', 'Night trains'), ['Text.']);
		assert.deepEqual(texts('# Background\n\nText.', 'markdown', 'Night trains'), ['Background', '', 'Text.']);
		assert.deepEqual(texts('<!--1637860380000-->\n[Night trains](https://x.example/a)\n------\n\nText.', 'markdown', 'Anything'), ['Text.']);
	});

	test('a table is kept as its cells, to be laid out at the reader\'s width', () => {
		const html = '<table><tr><th>Route</th><th>Departs</th></tr><tr><td>Zurich → Vienna</td><td>21:40</td></tr></table>';
		const [line] = cleanBody(html, 'html').lines;
		assert.deepEqual(line!.table, {rows: [['Route', 'Departs'], ['Zurich → Vienna', '21:40']], header: true});
		assert.equal(line!.style, 'table');
		const [fromMarkdown] = cleanBody('| Route | Departs |\n|---|---|\n| 蘇黎世 | 21:40 |', 'markdown').lines;
		assert.deepEqual(fromMarkdown!.table, {rows: [['Route', 'Departs'], ['蘇黎世', '21:40']], header: true});
	});

	test('entities are decoded, but escape characters they spell never survive', () => {
		const lines = texts('<p>A &amp; B &#27;[31mred&#x1b;[0m &lt;tag&gt; &#x202E;evil &#155;2J</p>');
		const joined = lines.join('\n');
		// eslint-disable-next-line no-control-regex
		assert.ok(!/[\u001B\u009B\u202E]/.test(joined), JSON.stringify(joined));
		assert.match(joined, /^A & B .*red.* <tag> evil/);
	});

	test('deeply nested HTML does not overflow the stack', () => {
		const html = '<div>'.repeat(20_000) + '<p>deep</p>' + '</div>'.repeat(20_000) + '<p>after</p>';
		const lines = texts(html);
		assert.ok(lines.includes('after'));
	});

	test('plain-text Markdown bodies keep their paragraphs', () => {
		assert.deepEqual(texts('First paragraph\ncontinues here.\n\nSecond paragraph.', 'markdown'), ['First paragraph continues here.', '', 'Second paragraph.']);
	});
});
