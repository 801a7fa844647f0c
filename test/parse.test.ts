import assert from 'node:assert/strict';
import {test} from 'node:test';
import {dateFromFileName, formatDay, parseDate} from '../source/core/dates.js';
import {parsePost} from '../source/core/parse.js';
import {splitFrontMatter} from '../source/core/front-matter.js';

const facts = {size: 0, mtimeMs: 0};
const parse = (text: string, name = 'post.md') => parsePost(text, name, facts);

test('YAML front matter gives title, date, categories, tags, link and author', () => {
	const post = parse('---\ntitle: "Hello"\ndate: 2024-11-01 20:47:04.000000000 +08:00\ncategories: [ a, b ]\ntags: [x]\nfrom: https://e.org/1\nauthor: Ann\n---\nBody');
	assert.equal(post.title, 'Hello');
	assert.equal(new Date(post.date!).toISOString(), '2024-11-01T12:47:04.000Z');
	assert.equal(post.hasTime, true);
	assert.deepEqual(post.categories, ['a', 'b']);
	assert.deepEqual(post.tags, ['x']);
	assert.equal(post.link, 'https://e.org/1');
	assert.equal(post.author, 'Ann');
	assert.deepEqual(post.warnings, []);
});

test('categories as a space-separated string, or category', () => {
	assert.deepEqual(parse('---\ncategories: dw news\n---\n').categories, ['dw', 'news']);
	assert.deepEqual(parse('---\ncategory: Sport\n---\n').categories, ['Sport']);
});

test('TOML +++ front matter, with a table author', () => {
	const post = parse('+++\ntitle = "T"\ndate = 2024-11-12T07:30:00+01:00\ncategories = ["travel"]\n[author]\nname = "Luca"\n+++\nBody');
	assert.equal(post.title, 'T');
	assert.equal(new Date(post.date!).toISOString(), '2024-11-12T06:30:00.000Z');
	assert.deepEqual(post.categories, ['travel']);
	assert.equal(post.author, 'Luca');
});

test('author as a list or a table', () => {
	assert.equal(parse('---\nauthor: [Ann, Bo]\n---\n').author, 'Ann, Bo');
	assert.equal(parse('---\nauthor:\n  name: Cy\n  email: c@d\n---\n').author, 'Cy');
});

test('title falls back to the [title](url) heading, then # heading, then the file name', () => {
	const linked = parse('<!--1637860380000-->\n[Linked title](https://e.org/a)\n------\n\nBody', 'x.md');
	assert.equal(linked.title, 'Linked title');
	assert.equal(linked.link, 'https://e.org/a');
	assert.equal(parse('# Hash title\n\nBody', 'x.md').title, 'Hash title');
	assert.equal(parse('Just text', '2024-03-04-some-slug_here.md').title, 'some slug here');
	assert.equal(parse('---\ntitle: "   "\n---\nBody', 'empty-title.md').title, 'empty title');
});

test('date falls back to the file name, else none', () => {
	const post = parse('no front matter', '2019-07-04-x.md');
	assert.equal(formatDay(post.date!), '2019-07-04');
	assert.equal(post.hasTime, false);
	assert.equal(parse('text', 'x.md').date, undefined);
});

test('dates YAML cannot parse are read', () => {
	const cases: Array<[string, string]> = [
		['2017-06-15 17:32:32 -0400', '2017-06-15T21:32:32.000Z'],
		['2021-11-25T11:34:37.954Z', '2021-11-25T11:34:37.954Z'],
		['2024-11-01 23:21:01.000000000 +08:00', '2024-11-01T15:21:01.000Z'],
		['Fri, 08 Jan 2021 20:54:02 GMT', '2021-01-08T20:54:02.000Z'],
		['2024-11-01T10:00:00+0530', '2024-11-01T04:30:00.000Z'],
	];
	for (const [input, iso] of cases) assert.equal(new Date(parseDate(input)!.ms).toISOString(), iso, input);
	assert.equal(parseDate('yesterday'), undefined);
	assert.equal(parseDate('2024-13-45'), undefined);
	const dateOnly = parseDate('2024-02-29')!;
	assert.equal(formatDay(dateOnly.ms), '2024-02-29');
	assert.equal(dateOnly.hasTime, false);
	assert.equal(formatDay(dateFromFileName('1999-12-31-party.md')!.ms), '1999-12-31');
});

test('an unreadable date is reported, and the file-name date is used', () => {
	const post = parse('---\ntitle: x\ndate: someday soon\n---\n', '2020-01-02-x.md');
	assert.equal(formatDay(post.date!), '2020-01-02');
	assert.match(post.warnings.join('\n'), /unreadable date "someday soon"/);
});

test('link keys in order, and a link is taken from url, source or external_url', () => {
	assert.equal(parse('---\nurl: https://u\n---\n').link, 'https://u');
	assert.equal(parse('---\nexternal_url: https://x\n---\n').link, 'https://x');
	assert.equal(parse('---\nsource: Reuters\ncanonical_url: https://c\n---\n').link, 'https://c');
	assert.equal(parse('---\ntitle: t\n---\nbody').link, undefined);
});

test('broken YAML is read leniently with a warning', () => {
	const post = parse('---\ntitle: "He said "hi" twice"\ndate: 2020-05-06\n---\nBody', 'x.md');
	assert.equal(post.title, 'He said "hi" twice');
	assert.equal(formatDay(post.date!), '2020-05-06');
	assert.match(post.warnings[0]!, /not valid YAML/);
	assert.equal(parse('---\ntitle: a: b\n---\n').title, 'a: b');
});

test('front matter that never closes does not swallow the post silently', () => {
	const split = splitFrontMatter('---\ntitle: Open\nno end here\n');
	assert.equal(split.unclosed, true);
	assert.match(split.warnings[0]!, /never closed/);
	const post = parse('---\ntitle: Open\n', 'open.md');
	assert.equal(post.title, 'Open');
});

test('BOM and CRLF line endings', () => {
	const post = parse('\uFEFF---\r\ntitle: Windows\r\ncategories: [a]\r\n---\r\nBody\r\n');
	assert.equal(post.title, 'Windows');
	assert.deepEqual(post.categories, ['a']);
	assert.equal(splitFrontMatter('---\rtitle: Mac\r---\rBody').data['title'], 'Mac');
});

test('strings are sanitized: escape sequences never survive into fields', () => {
	const post = parse('---\ntitle: "A\\e[31mred\\e]52;c;aGk=\\u0007 title"\ncategories: ["\\e[2Jcat"]\n---\n');
	assert.equal(post.title, 'Ared title');
	assert.deepEqual(post.categories, ['cat']);
});
