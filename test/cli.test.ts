/** The print path as a pipe sees it: the built `folio` run as a child process. */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const content = path.join(root, 'content');
const seed = path.join(content, '2021-11-25-china-russia-military-ties.md');

type Result = {stdout: string; stderr: string; status: number | null};

/** Runs `folio` (bin/folio, as installed) with stdout and stderr as pipes (never a terminal). */
function folio(args: readonly string[], options: {input?: string; cwd?: string} = {}): Result {
	const result = spawnSync(folioCommand, args, {
		input: options.input ?? '',
		cwd: options.cwd ?? root,
		encoding: 'utf8',
		env: {...process.env, PATH: pathWithThisNode, COLUMNS: '', FORCE_COLOR: '0'},
		timeout: 30_000,
	});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}

/** Runs a shell pipeline and returns folio's own exit status and stderr (set -o pipefail is avoided on purpose). */
function pipeline(command: string): {stderr: string; folioStatus: number; out: string} {
	const result = spawnSync('bash', ['-c', `${command}; echo "status=\${PIPESTATUS[0]}" >&2`], {cwd: root, encoding: 'utf8', env: {...process.env, PATH: pathWithThisNode}, timeout: 30_000});
	const status = /status=(\d+)\s*$/.exec(result.stderr);
	return {stderr: result.stderr.replace(/status=\d+\s*$/, ''), folioStatus: Number(status?.[1]), out: result.stdout};
}

const seedParagraphs = (() => {
	const text = fs.readFileSync(seed, 'utf8');
	return [...text.matchAll(/<p>(.*?)<\/p>/g)].map(match => match[1]!);
})();

function assertSeedPrinted(stdout: string, width: number): void {
	const lines = stdout.trimEnd().split('\n');
	for (const line of lines) assert.ok(stringWidth(line) <= width, `${stringWidth(line)} > ${width}: ${line}`);
	assert.match(lines[0]!, /^中国国防部：中俄两军关系/);
	assert.ok(lines.some(line => /^Date: +Thu 2021-11-25/.test(line)));
	assert.ok(lines.some(line => /^Source: +联合早报 \(zaobao\.com\)/.test(line)));
	assert.ok(lines.some(line => /^Author: +联合早报/.test(line)));
	assert.ok(lines.some(line => /^Link: +https:\/\/www\.zaobao\.com\//.test(line)));
	// Wrapped rows joined back give each paragraph exactly once.
	const joined = lines.join('');
	for (const paragraph of seedParagraphs) assert.equal(joined.split(paragraph).length - 1, 1, paragraph);
	assert.doesNotMatch(stdout, /subscribe|paywall|dfp|\[image|------|<|>/);
	assert.equal(joined.split('中国国防部：中俄两军关系没有最好只有更好').length - 1, 1, 'the title is not repeated in the body');
}

describe('command line', () => {
	test('--print writes the seed as plain text at width 40 and 80, no row wider', () => {
		for (const width of [40, 80]) {
			const result = folio([seed, '--print', '--width', String(width)]);
			assert.equal(result.status, 0, result.stderr);
			assert.equal(result.stderr, '');
			assertSeedPrinted(result.stdout, width);
		}
	});

	test('a file with stdout not a terminal prints, at 80 columns by default', () => {
		const piped = folio([seed]);
		assert.equal(piped.status, 0);
		assert.equal(piped.stdout, folio([seed, '--print', '-w', '80']).stdout);
		assertSeedPrinted(piped.stdout, 80);
	});

	test('- reads one post from stdin', () => {
		const result = folio(['-', '-w', '60'], {input: '---\ntitle: From stdin\ndate: 2024-01-02\n---\nHello <b>there</b>.\n'});
		assert.equal(result.status, 0, result.stderr);
		assert.equal(result.stdout, 'From stdin\nDate:     Tue 2024-01-02\n\nHello there.\n');
	});

	test('a folder in a pipe prints the list newest first, tab-separated', () => {
		const result = folio([content]);
		assert.equal(result.status, 0, result.stderr);
		const rows = result.stdout.trimEnd().split('\n').map(line => line.split('\t'));
		assert.equal(rows.length, fs.readdirSync(content).length);
		for (const row of rows) assert.equal(row.length, 4);
		const dates = rows.map(row => row[0]!);
		assert.deepEqual([...dates].sort().reverse(), dates);
		const seedRow = rows.find(row => row[3] === seed)!;
		assert.deepEqual(seedRow.slice(0, 3), ['2021-11-25 11:34', '联合早报', '中国国防部：中俄两军关系没有最好只有更好']);
		assert.equal(folio([content, '--list']).stdout, result.stdout);
	});

	test('--json prints one object a line; --category filters', () => {
		const result = folio([content, '--json', '--category', '联合早报']);
		assert.equal(result.status, 0, result.stderr);
		const objects = result.stdout.trimEnd().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		assert.equal(objects.length, 1);
		assert.deepEqual(objects[0], {
			path: seed,
			title: '中国国防部：中俄两军关系没有最好只有更好',
			date: '2021-11-25T11:34:37.954Z',
			categories: ['联合早报'],
			tags: ['联合早报'],
			link: 'https://www.zaobao.com/realtime/china/story20211125-1217060',
			author: '联合早报',
		});
		const all = folio([content, '--json']).stdout.trimEnd().split('\n');
		assert.equal(all.length, fs.readdirSync(content).length);
		const noLink = all.map(line => JSON.parse(line) as {link: unknown; title: string}).find(post => post.title.startsWith('A note from the editors'))!;
		assert.equal(noLink.link, null);
	});

	test('-- ends the options: a post whose name starts with - is printed, not taken for an option', () => {
		const folder = makeArchive({'-p.md': '---\ntitle: A dashing name\n---\nBody of the dash post.\n'});
		const result = folio(['--print', '--width', '40', '--', '-p.md'], {cwd: folder});
		assert.equal(result.status, 0, result.stderr);
		assert.match(result.stdout, /^A dashing name\n[\s\S]*^Body of the dash post\.$/m);
	});

	test('no path means the current folder', () => {
		const result = folio(['--list'], {cwd: content});
		assert.equal(result.status, 0);
		assert.equal(result.stdout.trimEnd().split('\n').length, fs.readdirSync(content).length);
	});

	test('exit codes: 1 for a missing path or nothing readable, 2 for usage errors; one line on stderr, no stack', () => {
		const cases: Array<[string[], number, RegExp]> = [
			[['does-not-exist'], 1, /^folio: no such file or folder: does-not-exist\n$/],
			[[makeArchive({'notes.txt': 'not a post'})], 1, /^folio: no posts found in .*\n$/],
			[[seed, '--width', 'wide'], 2, /^folio: --width wants a whole number from 10 to 1000, not "wide"\n$/],
			[[seed, '--width', '5'], 2, /--width wants a whole number/],
			[[content, '--print'], 2, /^folio: --print wants one post file, and .* is a folder\n$/],
			[[seed, content], 2, /^folio: one path at a time/],
			[['--frobnicate'], 2, /^folio: unknown option --frobnicate \(see folio --help\)\n$/],
			[['-x', seed], 2, /^folio: unknown option -x \(see folio --help\)\n$/],
			[[seed, '--width'], 2, /^folio: --width wants a value \(see folio --help\)\n$/],
			[[seed, '--print=yes'], 2, /^folio: --print takes no value \(see folio --help\)\n$/],
			[['/dev/null'], 1, /^folio: not a file or folder: \/dev\/null\n$|^folio: .*\/dev\/null/],
		];
		for (const [args, status, message] of cases) {
			const result = folio(args);
			assert.equal(result.status, status, `${args.join(' ')}: ${result.stderr}`);
			assert.match(result.stderr, message);
			assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
		}
	});

	test('a file that cannot be read (permission denied) is skipped with a reason; the others are listed', () => {
		const folder = makeArchive({'good.md': '---\ntitle: Good\n---\nText\n', 'locked.md': '---\ntitle: Locked\n---\nText\n'});
		fs.chmodSync(folder, 0o755);
		fs.chmodSync(path.join(folder, 'good.md'), 0o644);
		fs.chmodSync(path.join(folder, 'locked.md'), 0o000);
		// root reads anything: run folio as an ordinary user then.
		const asUser = process.getuid?.() === 0 ? {uid: 65_534, gid: 65_534} : {};
		const result = spawnSync(folioCommand, [folder, '--list', '--no-cache'], {cwd: root, encoding: 'utf8', env: {...process.env, PATH: pathWithThisNode, XDG_CACHE_HOME: folder}, ...asUser});
		assert.equal(result.status, 0, result.stderr);
		assert.deepEqual(result.stdout.trim().split('\n').map(line => line.split('\t')[2]), ['Good']);
		assert.equal(result.stderr, `folio: skipped ${path.join(folder, 'locked.md')}: permission denied\n`);
	});

	test('--help shows Usage, Options and Examples; --version the version', () => {
		const help = folio(['--help']);
		assert.equal(help.status, 0);
		assert.match(help.stdout, /Usage\n\s+\$ folio \[path\] \[options\][\s\S]*Options\n[\s\S]*--print[\s\S]*Examples\n/);
		const {version} = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string};
		assert.equal(folio(['--version']).stdout.trim(), version);
	});

	test('a closed pipe ends folio quietly with status 0', () => {
		const files: Record<string, string> = {};
		for (let index = 0; index < 3000; index++) files[`2024-01-${String((index % 28) + 1).padStart(2, '0')}-post-${index}.md`] = `---\ntitle: Post ${index} ${'x'.repeat(200)}\n---\nBody\n`;
		const folder = makeArchive(files);
		const list = pipeline(`bin/folio '${folder}' | head -1`);
		assert.equal(list.out.split('\n').filter(Boolean).length, 1);
		assert.equal(list.stderr, '');
		assert.equal(list.folioStatus, 0);
		const long = makeArchive({'long.md': `---\ntitle: Long\n---\n${'<p>A paragraph of some length to print.</p>\n'.repeat(20_000)}`});
		const print = pipeline(`bin/folio '${long}/long.md' --print | head -1`);
		assert.equal(print.out, 'Long\n');
		assert.equal(print.stderr, '');
		assert.equal(print.folioStatus, 0);
	});
});
