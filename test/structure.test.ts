/**
 * Articles keep their structure in the lines that are printed (the screen shows the same rows):
 * headings set apart, code kept as written, and the rest of an article's shapes.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import stringWidth from 'string-width';
import {renderArticle} from '../source/core/article.js';
import {parsePost} from '../source/core/parse.js';

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
