import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {decodeBytes} from '../source/core/decode.js';
import {checkLink} from '../source/core/links.js';
import {loadArchive} from '../source/core/load.js';
import {sanitizeLine, sanitizeText} from '../source/core/sanitize.js';
import {makeArchive} from './helpers/temp-archive.js';

const post = (title: string, date = '2024-01-01') => `---\ntitle: ${title}\ndate: ${date}\n---\nBody of ${title}\n`;

test('a folder is searched recursively for posts; hidden, node_modules and _site are skipped', () => {
	const root = makeArchive({
		'_posts/2024-01-01-a.md': post('A', '2024-01-01'),
		'_posts/deep/er/2024-01-03-b.markdown': post('B', '2024-01-03'),
		'c.html': post('C', '2024-01-02'),
		'd.htm': post('D', '2023-12-31'),
		'notes.txt': 'not a post, no front matter',
		'e.txt': post('E', '2020-01-01'),
		'.hidden/x.md': post('Hidden'),
		'.dot.md': post('Dot'),
		'node_modules/pkg/readme.md': post('Dependency'),
		'_site/2024-01-01-a.html': post('Built'),
		'image.png': 'binary-ish',
	});
	const {posts, skipped} = loadArchive(root);
	assert.deepEqual(posts.map(p => p.title), ['B', 'C', 'A', 'D', 'E']);
	assert.deepEqual(skipped, []);
});

test('posts without a date sort last', () => {
	const root = makeArchive({'x.md': '---\ntitle: Undated\n---\n', 'y.md': post('Dated', '1990-01-01')});
	assert.deepEqual(loadArchive(root).posts.map(p => p.title), ['Dated', 'Undated']);
});

test('a single file loads as one post; a missing path is reported, not thrown', () => {
	const root = makeArchive({'one.md': post('One')});
	assert.equal(loadArchive(path.join(root, 'one.md')).posts[0]!.title, 'One');
	const missing = loadArchive(path.join(root, 'nope'));
	assert.deepEqual(missing.posts, []);
	assert.equal(missing.skipped[0]!.reason, 'no such file');
});

test('binary files and unreadable files are skipped with a reason; the others still load', () => {
	const root = makeArchive({
		'good.md': post('Good'),
		'binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]),
		'locked.md': post('Locked'),
	});
	fs.chmodSync(path.join(root, 'locked.md'), 0o000);
	const {posts, skipped} = loadArchive(root);
	const reasons = Object.fromEntries(skipped.map(s => [path.basename(s.path), s.reason]));
	assert.equal(reasons['binary.md'], 'binary file, not a post');
	assert.ok(posts.some(p => p.title === 'Good'));
	// root can read anything; elsewhere the locked file is skipped as permission denied.
	if (process.getuid?.() !== 0) assert.equal(reasons['locked.md'], 'permission denied');
	else assert.ok(posts.some(p => p.title === 'Locked'));
});

test('a folder named like a post is searched, and a symlink loop ends', () => {
	const root = makeArchive({'x.md/inner.md': post('Inner')});
	fs.symlinkSync(root, path.join(root, 'x.md', 'loop'));
	const {posts} = loadArchive(root);
	assert.deepEqual(posts.map(p => p.title), ['Inner']);
});

test('links to folders are followed once: no post is listed twice, and loops between links end', () => {
	const outside = makeArchive({'far.md': post('Far away')});
	const root = makeArchive({'a/one.md': post('One'), 'm/two.md': post('Two'), 'z/three.md': post('Three')});
	fs.symlinkSync(path.join(root, 'a'), path.join(root, 'm', 'to-a')); // a folder read before the link
	fs.symlinkSync(path.join(root, 'z'), path.join(root, 'b-to-z')); // a folder read after the link
	fs.symlinkSync(outside, path.join(root, 'z', 'outside')); // a folder outside the archive
	fs.mkdirSync(path.join(root, 'p'));
	fs.symlinkSync(path.join(root, 'q'), path.join(root, 'p', 'to-q'));
	fs.mkdirSync(path.join(root, 'q'));
	fs.symlinkSync(path.join(root, 'p'), path.join(root, 'q', 'to-p')); // p and q link to each other
	const {posts} = loadArchive(root);
	assert.deepEqual(posts.map(p => p.title).sort(), ['Far away', 'One', 'Three', 'Two']);
});

test('odd file names load, their titles and paths sanitized for display', () => {
	const names = ['with space.md', 'quote"s\'.md', 'back\\slash.md', 'new\nline.md', 'esc\u001b[31m.md', `${'長'.repeat(80)}.md`];
	const root = makeArchive(Object.fromEntries(names.map(name => [name, 'no front matter here'])));
	const {posts, skipped} = loadArchive(root);
	assert.equal(skipped.length, 0);
	assert.equal(posts.length, names.length);
	// eslint-disable-next-line no-control-regex
	for (const p of posts) assert.doesNotMatch(p.title, /[\u0000-\u001f]/);
	assert.ok(posts.some(p => p.title === 'esc'));
});

test('duplicate posts under two names both load', () => {
	const root = makeArchive({'a.md': post('Same'), 'b.md': post('Same')});
	assert.equal(loadArchive(root).posts.length, 2);
});

test('text that is not UTF-8 is decoded as GBK or Big5 when it looks like Chinese, and flagged', () => {
	const gbk = Buffer.from('c4e3bac3a3acd5e2cac7d6d0cec4b5c4b2e2cad4a1a3ced2c3c7d4dab1b1bea9', 'hex'); // 你好，这是中文的测试。我们在北京
	const decoded = decodeBytes(gbk);
	assert.equal(decoded.text, '你好，这是中文的测试。我们在北京');
	assert.match(decoded.note!, /GBK/);
	const big5 = Buffer.from('a7daadcca662a578a55fa141b36fac4fa4a4a4e5a672a141', 'hex'); // 我們在台北，這是中文字，
	assert.match(decodeBytes(big5).note!, /Big5/);
	assert.equal(decodeBytes(big5).text, '我們在台北，這是中文字，');
	const invalid = decodeBytes(new Uint8Array([0x41, 0xff, 0xfe, 0x42, 0xc3]));
	assert.equal(invalid.text, 'A\uFFFD\uFFFDB\uFFFD');
	assert.match(invalid.note!, /replacement/);
});

test('sanitize removes escape sequences, C1 controls and bidi overrides; keeps text', () => {
	assert.equal(sanitizeText('a\u001b[31mred\u001b[0m\u001b]52;c;ZXZpbA==\u0007b\u009b2Jc\u202Ed\u0085e'), 'aredbcd\ne');
	assert.equal(sanitizeText('\u001bP+q\u001b\\x\u001b]8;;http://e\u001b\\y'), 'xy');
	assert.equal(sanitizeLine('  two\n lines\u2028 here\t '), 'two lines here');
	assert.equal(sanitizeText('中文 English 😀'), '中文 English 😀');
});

test('only http(s) links open, as one normalized URL', () => {
	assert.deepEqual(checkLink('https://e.org/a b'), {ok: true, url: 'https://e.org/a%20b'});
	for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '-oProxyCommand=x', '$(touch /tmp/x)', 'ftp://e.org', '']) {
		assert.equal(checkLink(bad).ok, false, bad);
	}

	assert.equal(checkLink(undefined).ok, false);
	assert.equal(checkLink('https://e.org/;echo$(id)|x&y').ok, true);
});
