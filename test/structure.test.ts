/**
 * Articles keep their structure in the lines that are printed (the screen shows the same rows):
 * headings set apart, code kept as written, and the rest of an article's shapes.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import stringWidth from 'string-width';
import {renderArticle} from '../source/core/article.js';
import {parsePost} from '../source/core/parse.js';
import {formatJsonLine} from '../source/output.js';

const facts = {size: 0, mtimeMs: 0};

/** The printed rows of a post's body at a width: the header and the link list left out. */
function printed(body: string, width: number, format: 'md' | 'html' = 'md'): string[] {
	const text = `---\ntitle: Fixture\n---\n${body}`;
	const rows = renderArticle(parsePost(text, `post.${format}`, facts), text, width).lines.map(line => line.text);
	const start = rows.indexOf('') + 1;
	const links = rows.lastIndexOf('Links');
	return rows.slice(start, links > start ? links - 1 : rows.length);
}

function assertFits(rows: readonly string[], width: number): void {
	for (const row of rows) assert.ok(stringWidth(row) <= width, `${stringWidth(row)} cells: ${row}`);
}

describe('headings', () => {
	test('a heading has a blank row before it and a rule of its width under it, in Markdown and HTML', () => {
		const expected = ['Some text.', '', 'Getting there', '─────────────', '', 'By train.'];
		assert.deepEqual(printed('Some text.\n## Getting there\nBy train.\n', 60), expected);
		assert.deepEqual(printed('<p>Some text.</p><h3>Getting there</h3><p>By train.</p>', 60, 'html'), expected);
	});

	test('a wrapped heading is underlined as wide as its widest row; CJK counts two cells', () => {
		const rows = printed('## A heading long enough to wrap onto a second row\n\nText.\n', 30);
		assert.deepEqual(rows.slice(0, 3), ['A heading long enough to wrap', 'onto a second row', '─'.repeat(29)]);
		assert.deepEqual(printed('## 中文标题\n\n正文。\n', 30).slice(0, 2), ['中文标题', '────────']);
	});
});

describe('code blocks', () => {
	const code = ['```sh', 'rustup update stable', '  if x:', '      indented(more)', '```'].join('\n');

	test('code is indented apart from prose, keeps its own indentation and is never reflowed', () => {
		assert.deepEqual(printed(`Run this:\n\n${code}\n\nThen go on.\n`, 60), [
			'Run this:',
			'',
			'    rustup update stable',
			'      if x:',
			'          indented(more)',
			'',
			'Then go on.',
		]);
		assert.deepEqual(printed('<p>Run:</p><pre><code>a  =  1\nb = [\n    2]</code></pre>', 60, 'html'), ['Run:', '', '    a  =  1', '    b = [', '        2]']);
	});

	test('a code line wider than the width is cut by cells with ↩ at each cut, never silently', () => {
		const line = 'let precision = compute(prec = 128 bits, rounding = nearest)';
		const rows = printed(`\`\`\`\n${line}\n\`\`\`\n`, 30);
		assertFits(rows, 30);
		assert.deepEqual(rows, ['  let precision = compute(pre↩', '  c = 128 bits, rounding = ne↩', '  arest)'], 'two spaces of indent on a narrow screen');
		assert.equal(rows.map(row => row.slice(2).replace(/↩$/, '')).join(''), line);
		const wide = printed('```\n# 注释：这一行中文注释比屏幕更宽一些\n```\n', 20);
		assertFits(wide, 20);
		for (const row of wide.slice(0, -1)) assert.match(row, /↩$/);
		assert.equal(wide.map(row => row.trimStart().replace(/↩$/, '')).join(''), '# 注释：这一行中文注释比屏幕更宽一些');
	});
});

describe('CJK line breaks', () => {
	test('a line break between two CJK characters adds no space, also around inline elements; between Latin words it is a space', () => {
		assert.deepEqual(printed('据西藏女作家\n唯色的博客文章。\n', 60), ['据西藏女作家唯色的博客文章。']);
		assert.deepEqual(printed('計算している。\nこれを実行する。\n', 60), ['計算している。これを実行する。']);
		assert.deepEqual(printed('<p>据西藏女作家\n<a href="https://example.org/w">唯色</a>的<b>博客</b>\n文章</p>', 60, 'html'), ['据西藏女作家唯色[1]的博客文章']);
		assert.deepEqual(printed('Latin words\nstay apart, 中文\nand English\n中文 keep a space.\n', 60), ['Latin words stay apart, 中文 and English 中文 keep a space.']);
		assert.deepEqual(printed('한국어\n문장\n', 60), ['한국어 문장'], 'Korean keeps its space');
	});

	test('a space written between CJK characters stays, and code keeps its line breaks', () => {
		assert.deepEqual(printed('<p>香港 澳门</p>', 60, 'html'), ['香港 澳门']);
		assert.deepEqual(printed('<pre>第一行\n第二行</pre>', 60, 'html'), ['    第一行', '    第二行']);
	});
});

describe('template syntax', () => {
	test('Hugo shortcodes go (paired ones keep their text), and a URL inside one gets no link number', () => {
		const body = [
			'Before.',
			'',
			'{{< linkcard "https://example.com/card" >}}',
			'',
			'{{% review-paapi asin="B00X" %}}',
			'',
			'{{< note >}}Inside a note.{{< /note >}}',
			'',
			'After.',
		].join('\n');
		const text = `---\ntitle: Fixture\n---\n${body}`;
		const article = renderArticle(parsePost(text, 'post.md', facts), text, 60);
		assert.deepEqual(printed(body, 60), ['Before.', '', 'Inside a note.', '', 'After.']);
		assert.deepEqual(article.links, []);
	});

	test('heading attributes, Liquid tags and output and Go template actions go; raw blocks keep their text', () => {
		assert.deepEqual(printed('## 見出し {#avoid}\n\nText.\n\n### Styled {.note}\n', 60), ['見出し', '──────', '', 'Text.', '', 'Styled', '──────']);
		assert.deepEqual(printed('See {{ site.repository }}/issues/2633 for more.\n\n{% include footer.html %}\n\n{% raw %}Raw text{% endraw %}\n', 60), [
			'See /issues/2633 for more.',
			'',
			'Raw text',
		]);
		assert.deepEqual(printed('{{image "a.png"}}\n\nThe caption {{code "go"}}fmt.Println(){{end}} here.\n', 60), ['The caption fmt.Println() here.']);
		assert.deepEqual(printed('<h2>見出し {#avoid}</h2><p>{{< tweet 123 >}}Text.</p>', 60, 'html'), ['見出し', '──────', '', 'Text.']);
	});

	test('template syntax inside code is kept as written; Jekyll highlight blocks become code', () => {
		assert.deepEqual(printed('Use `{{ site.url }}` here.\n\n```\n{{< figure src="x" >}}\n```\n', 60), ['Use {{ site.url }} here.', '', '    {{< figure src="x" >}}']);
		assert.deepEqual(printed('{% highlight ruby %}\nputs {{ x }}\n{% endhighlight %}\n', 60), ['    puts {{ x }}']);
	});
});

describe('footnotes', () => {
	test('[^n] references become superscript numbers and the notes come at the end under Notes, before the links', () => {
		const body = ['日本語の文章です[^1]。Another claim[^long].', '', '[^1]: 最初の注。', '[^long]: A note with [a link](https://example.org/src).', '', 'Last paragraph.'].join('\n');
		const text = `---\ntitle: Fixture\n---\n${body}`;
		const rows = renderArticle(parsePost(text, 'post.md', facts), text, 60).lines.map(line => line.text);
		assert.deepEqual(rows.slice(rows.indexOf('') + 1), [
			'日本語の文章です¹。Another claim².',
			'',
			'Last paragraph.',
			'',
			'Notes',
			'─────',
			'',
			'1. 最初の注。',
			'2. A note with a link[1].',
			'',
			'Links',
			'─────',
			'[1] https://example.org/src',
		]);
		assert.ok(!rows.some(row => row.includes('[^') || row.includes('↩')), 'no raw reference, no back link');
	});

	test('notes do not carry over from one post to the next', () => {
		assert.ok(printed('One[^1].\n\n[^1]: First post note.\n', 60).includes('1. First post note.'));
		assert.deepEqual(printed('Two, with no notes.\n', 60), ['Two, with no notes.']);
	});

	test('footnotes already in HTML (as Hugo writes them) read the same way', () => {
		const html =
			'<p>Claim<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>' +
			'<div class="footnotes" role="doc-endnotes"><hr><ol><li id="fn:1"><p>The source.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p></li></ol></div>';
		assert.deepEqual(printed(html, 60, 'html'), ['Claim¹.', '', '1. The source.']);
	});
});

describe('lists and quotes', () => {
	test('a continuation line, or a paragraph indented two spaces, stays in its item and hangs under its text', () => {
		assert.deepEqual(printed('1. First item\n  goes on here.\n2. Second\n', 60), ['1. First item goes on here.', '2. Second']);
		assert.deepEqual(printed('1. First item\n\n  Its second paragraph, long enough to wrap at this width.\n2. Second\n', 30), [
			'1. First item',
			'',
			'   Its second paragraph, long',
			'   enough to wrap at this',
			'   width.',
			'2. Second',
		]);
		assert.deepEqual(printed('- Item\n\n  ```\n  code()\n    more()\n  ```\n- Next\n', 60), ['• Item', '', '      code()', '        more()', '', '• Next']);
	});

	test('empty items are dropped, numbers and nested numbering are kept', () => {
		assert.deepEqual(printed('- one\n- \n-\n- two\n', 60), ['• one', '• two']);
		assert.deepEqual(printed('<ol start="3"><li>three</li><li> </li><li>four<ol><li>a</li><li>b</li></ol></li></ol>', 60, 'html'), ['3. three', '4. four', '   1. a', '   2. b']);
		assert.deepEqual(printed('1. one\n   1. sub one\n   2. sub two\n2. two\n', 60), ['1. one', '   1. sub one', '   2. sub two', '2. two']);
	});

	test('a quote keeps its bar across its blank lines, in Markdown and HTML', () => {
		const expected = ['│ First quoted paragraph.', '│', '│ Second quoted paragraph.', '', 'After.'];
		assert.deepEqual(printed('> First quoted paragraph.\n>\n> Second quoted paragraph.\n\nAfter.\n', 60), expected);
		assert.deepEqual(printed('> First quoted paragraph.\n\n> Second quoted paragraph.\n\nAfter.\n', 60), expected);
		assert.deepEqual(printed('<blockquote><p>First quoted paragraph.</p>\n<p>Second quoted paragraph.</p></blockquote><p>After.</p>', 60, 'html'), expected);
	});
});

describe('tables', () => {
	const markdown = '| Route | 出発 | Notes |\n|---|---|---|\n| Zurich → Vienna | 21:40 | Sleeper |\n| 蘇黎世 → 維也納 | 22:05 | 坐票 |\n';

	test('columns are aligned by display width (CJK counts two), with a rule under the header', () => {
		const rows = printed(markdown, 60);
		assert.deepEqual(rows, [
			'Route           │ 出発  │ Notes',
			'────────────────┼───────┼────────',
			'Zurich → Vienna │ 21:40 │ Sleeper',
			'蘇黎世 → 維也納 │ 22:05 │ 坐票',
		]);
		const bars = rows.filter(row => row.includes('│')).map(row => stringWidth(row.slice(0, row.indexOf('│'))));
		assert.deepEqual(new Set(bars).size, 1, 'every bar in the same column of cells');
	});

	test('cells wrap within their column; <p> and <br> stay in their cell', () => {
		const html =
			'<table><tr><th>Item</th><th>Description</th></tr>' +
			'<tr><td>Lamp</td><td><p>A reading lamp with a long description that wraps.</p><p>Second paragraph.</p></td></tr>' +
			'<tr><td>Desk<br>oak</td><td>Short</td></tr></table>';
		const rows = printed(html, 40, 'html');
		assertFits(rows, 40);
		assert.deepEqual(rows, [
			'Item │ Description',
			`─────┼${'─'.repeat(34)}`,
			'Lamp │ A reading lamp with a long',
			'     │ description that wraps.',
			'     │ Second paragraph.',
			'Desk │ Short',
			'oak  │',
		]);
	});

	test('a table too wide for the width is shown one record a row, as header: value', () => {
		const rows = printed(markdown, 24);
		assertFits(rows, 24);
		assert.deepEqual(rows, ['Route: Zurich → Vienna', '出発: 21:40', 'Notes: Sleeper', '', 'Route: 蘇黎世 → 維也納', '出発: 22:05', 'Notes: 坐票']);
	});

	test('a table without a header row aligns its cells, and falls back to one block a row', () => {
		const html = '<table><tr><td>一</td><td>first</td></tr><tr><td>二十</td><td>second</td></tr></table>';
		assert.deepEqual(printed(html, 40, 'html'), ['一   │ first', '二十 │ second']);
		const wide = '<table><tr><td>A cell with a long text in it</td><td>Another cell with long text</td></tr></table>';
		assert.deepEqual(printed(wide, 20, 'html'), ['A cell with a long', 'text in it', 'Another cell with', 'long text']);
	});
});

describe('heavy tables', () => {
	test('a table of 20,000 rows, and one of 5,000 columns, lay out within the width', {timeout: 20_000}, () => {
		const tall = `<table>${'<tr><td>東京</td><td>a cell</td></tr>'.repeat(20_000)}</table>`;
		const rows = printed(tall, 40, 'html');
		assert.equal(rows.length, 20_000);
		assertFits(rows, 40);
		const wide = `<table><tr>${'<th>h</th>'.repeat(5000)}</tr><tr>${'<td>v</td>'.repeat(5000)}</tr></table>`;
		const record = printed(wide, 40, 'html');
		assert.equal(record.length, 5000);
		assert.equal(record[0], 'h: v');
	});
});

describe('links shown decoded', () => {
	const link = 'https://example.org/news/%E3%80%90%E7%AB%8B%E6%B3%95%E4%BC%9A%E3%80%91%E6%96%B0%E8%81%9E/item?q=%E4%B8%AD%E6%96%87&x=a%20b%2Fc';

	test('a percent-encoded UTF-8 link is shown in IRI form, cut to one row with … in the header; the link itself is kept', () => {
		const text = `---\ntitle: Fixture\nlink: ${link}\n---\n<p>See <a href="${link}">this</a>.</p>`;
		const article = renderArticle(parsePost(text, 'post.html', facts), text, 40);
		const rows = article.lines.map(line => line.text);
		const header = rows.filter(row => row.startsWith('Link:'));
		assert.deepEqual(header, ['Link:     https://example.org/news/【立…']);
		assert.equal(rows[rows.indexOf(header[0]!) + 1], '', 'one row, not five');
		assert.deepEqual(article.links, [link], 'the exact URL is what opens');
		assert.equal(JSON.parse(formatJsonLine(parsePost(text, 'post.html', facts))).link, link, '--json prints the link as written');
		const listed = rows.slice(rows.lastIndexOf('Links') + 2).join('');
		assert.equal(listed.replace(/ {2,}/g, ''), '[1] https://example.org/news/【立法会】新聞/item?q=中文&x=a%20b%2Fc');
	});

	test('escapes of ASCII, of bytes that are not UTF-8 and of invisible or bidi characters stay as written', async () => {
		const {displayLink} = await import('../source/core/links.js');
		assert.equal(displayLink('https://e.org/a%20b%2F%3F'), 'https://e.org/a%20b%2F%3F');
		assert.equal(displayLink('https://e.org/%E4%B8%AD%FF%E4%B8'), 'https://e.org/中%FF%E4%B8');
		assert.equal(displayLink('https://e.org/%E2%80%AEevil%E2%80%8B%E3%80%80'), 'https://e.org/%E2%80%AEevil%E2%80%8B%E3%80%80');
		assert.equal(displayLink('https://e.org/caf%C3%A9'), 'https://e.org/café');
	});
});

describe('boilerplate', () => {
	test('share and bookmark links are dropped with the row they make; words like "add to" in the text stay', () => {
		const html =
			'<p>These averted hypothetical losses add to profits, a delicious irony.</p>' +
			'<p>Share: <a href="http://del.icio.us/post?url=https://example.org/a">Add to del.icio.us</a> | <a href="https://www.facebook.com/sharer/sharer.php?u=x"><img src="fb.png" alt="Facebook"></a> | <a href="https://twitter.com/intent/tweet?url=x">Tweet</a></p>' +
			'<ul><li><a href="https://digg.com/submit?url=x">Digg it</a></li><li><a href="https://example.org/p">Add to my reading list</a></li></ul>' +
			'<p><a href="https://example.org/more">Read more</a> and <a href="https://www.reddit.com/submit?url=x">Share on Reddit</a></p>';
		const text = `---\ntitle: Fixture\n---\n${html}`;
		const article = renderArticle(parsePost(text, 'post.html', facts), text, 70);
		assert.deepEqual(printed(html, 70, 'html'), [
			'These averted hypothetical losses add to profits, a delicious irony.',
			'',
			'• Add to my reading list[1]',
			'',
			'Read more[2] and',
		]);
		assert.deepEqual(article.links, ['https://example.org/p', 'https://example.org/more'], 'no share service is listed');
	});

	test('WordPress feed footers go: leaked get_post_time code, the feed notice, "appeared first on"', () => {
		const html =
			'<p>The article text.</p>' +
			'<p>&copy; get_post_time(\'Y\') Jane Doe. All rights reserved.</p>' +
			'<p><small>This feed is for personal, non-commercial use only. The use of this feed on other websites breaches copyright.</small></p>' +
			'<p>The post <a href="https://example.org/a">Night trains</a> appeared first on <a href="https://example.org/">Example Blog</a>.</p>';
		assert.deepEqual(printed(html, 70, 'html'), ['The article text.']);
		const text = `---\ntitle: Fixture\n---\n${html}`;
		assert.deepEqual(renderArticle(parsePost(text, 'post.html', facts), text, 70).links, [], 'the footer\'s links are not listed');
	});
});
