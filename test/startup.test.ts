/**
 * How `folio` starts: bin/folio is a plain Node script that runs the bundle in dist/, the same
 * through a package manager's links, with NODE_OPTIONS, and with the same output as the bundle.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Result = {stdout: string; stderr: string; status: number | null};

/** Runs `start` (bin/folio of some copy, or node with the bundle) with pipes. */
function run(start: readonly string[], args: readonly string[], options: {input?: string; env?: Record<string, string | undefined>} = {}): Result {
	const result = spawnSync(start[0]!, [...start.slice(1), ...args], {
		cwd: root,
		input: options.input ?? '',
		encoding: 'utf8',
		env: {...process.env, PATH: pathWithThisNode, FORCE_COLOR: '0', ...options.env},
		timeout: 30_000,
	});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}

const bin = [folioCommand];
const plain = [process.execPath, path.join(root, 'dist', 'cli.js')];
const seed = path.join(root, 'content', '2021-11-25-china-russia-military-ties.md');

const messy = makeArchive({
	'2024-11-01-html.html': '---\ntitle: "HTML <b>post</b>"\ndate: 2024-11-01T08:30:00+08:00\ncategories: [dw, world]\ntags: [climate]\nlink: https://example.org/a\n---\n<h2>Heading</h2><p>Para with <a href="https://example.org/b">a link</a> and <b>bold</b>.</p><blockquote><p>Quoted</p></blockquote><ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>\n',
	'2024-11-02-markdown.md': '---\ntitle: Markdown 中文\ndate: 2024-11-02 23:59\ncategories: 联合早报\n---\n# 标题\n\n中文段落，包含标点符号「引号」和数字2024年。Emoji 👍🏽 and e\u0301.\n\n```\ncode  block\n```\n',
	'2024-11-03-toml.md': '+++\ntitle = "TOML post"\ndate = 2024-11-03T10:00:00Z\n+++\nBody.\n',
	'2024-11-04-gbk.md': Buffer.from('2d2d2d0a7469746c653a20c4e3bac30a2d2d2d0ac4e3bac3cac0bde70a', 'hex'),
	'2024-11-05-utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: UTF-16 post\n---\nText\n', 'utf16le')]),
	'2024-11-06-escapes.md': '---\ntitle: "Evil \\e[31mred\\e]0;x\\a"\nlink: "javascript:alert(1)"\n---\nText \u001B[2J with \u202E bidi.\n',
	'broken.md': '---\ntitle: [unclosed\n---\nText\n',
	'binary.md': Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]),
	'no-front-matter.txt': 'Just some text\n',
});

describe('bin/folio', () => {
	test('prints, lists and reports errors exactly as the bundle does, in any time zone', () => {
		const files = [...fs.readdirSync(messy).map(name => path.join(messy, name)), ...fs.readdirSync(path.join(root, 'content')).map(name => path.join(root, 'content', name))];
		const cases: Array<{args: string[]; input?: string}> = [
			...files.map(file => ({args: [file, '--print', '--width', '50']})),
			{args: [messy, '--list']},
			{args: [messy, '--json', '--no-cache']},
			{args: ['content', '--list', '--category', 'rthk']},
			{args: ['content', '--list', '--search', 'ferry']},
			{args: ['content', '--json', '--since', '2024-11-10']},
			{args: ['-', '--width', '30'], input: '---\ntitle: From stdin\ndate: 2024-01-02 03:04\n---\n<p>Piped in.</p>\n'},
			{args: ['--help']},
			{args: ['--version']},
			{args: ['--bogus']},
			{args: ['content', '--print']},
			{args: ['no/such/path']},
		];
		for (const timeZone of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles']) {
			for (const {args, input} of cases) {
				const options = {input, env: {TZ: timeZone}};
				assert.deepEqual(run(bin, args, options), run(plain, args, options), `TZ=${timeZone} folio ${args.join(' ')}`);
			}
		}
	});

	test('is a Node script, which npm links on POSIX and shims elsewhere (running `node bin/folio`)', () => {
		assert.equal(fs.readFileSync(folioCommand, 'utf8').split('\n')[0], '#!/usr/bin/env node');
		const expected = run(plain, [seed, '--print', '--width', '40']);
		assert.equal(expected.status, 0);
		assert.deepEqual(run([process.execPath, folioCommand], [seed, '--print', '--width', '40']), expected);
	});

	test('with V8 flags in NODE_OPTIONS, prints the same', () => {
		const result = run(bin, [seed, '--print', '--width', '40'], {env: {NODE_OPTIONS: '--max-old-space-size=300'}});
		assert.deepEqual(result, run(plain, [seed, '--print', '--width', '40']));
	});

	test('works through the links a package manager makes to it, from any folder', () => {
		const links = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-links-'));
		try {
			fs.symlinkSync(path.join(root, 'bin', 'folio'), path.join(links, 'absolute'));
			fs.symlinkSync(path.relative(links, path.join(root, 'bin', 'folio')), path.join(links, 'relative'));
			fs.symlinkSync('relative', path.join(links, 'chained'));
			const version = run(plain, ['--version']).stdout;
			assert.match(version, /^\d+\.\d+\.\d+\n$/);
			for (const name of ['absolute', 'relative', 'chained']) {
				const result = spawnSync(`./${name}`, ['--version'], {cwd: links, encoding: 'utf8', env: {...process.env, PATH: pathWithThisNode}});
				assert.equal(result.stdout, version, name);
				assert.equal(result.status, 0);
			}
		} finally {
			fs.rmSync(links, {recursive: true, force: true});
		}
	});

	test('finds the index cache under the home folder of the person running it', () => {
		const home = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-home-'));
		try {
			const result = run(bin, [messy, '--list'], {env: {HOME: home, XDG_CACHE_HOME: undefined, FOLIO_CACHE_DIR: undefined}});
			assert.equal(result.status, 0, result.stderr);
			assert.ok(fs.readdirSync(path.join(home, '.cache', 'folio', 'index')).length > 0, 'an index was written under $HOME/.cache/folio');
		} finally {
			fs.rmSync(home, {recursive: true, force: true});
		}
	});

	test('without a build: one line that says to run it', () => {
		const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-package-'));
		try {
			for (const part of ['bin', 'package.json']) fs.cpSync(path.join(root, part), path.join(copy, part), {recursive: true});
			const result = run([path.join(copy, 'bin', 'folio')], ['--version']);
			assert.deepEqual(result, {stdout: '', stderr: 'folio: the build is missing (dist/cli.js): run npm run build\n', status: 1});
		} finally {
			fs.rmSync(copy, {recursive: true, force: true});
		}
	});
});
