/**
 * `folio DIR --list` and `--json` from a complete, fresh index (no post file read): the same
 * lines, messages and status as reading every file (`--no-cache`), run after run; a folder that
 * changed is read again at once, a file edited in place is seen after --rescan, and a list kept
 * from one run is not written in another time zone. Runs the built bundle.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-list-index-'));
after(() => fs.rmSync(scratch, {recursive: true, force: true}));
let made = 0;

type Run = {readonly status: number | null; readonly stdout: string; readonly stderr: string};

function run(env: Record<string, string>, args: readonly string[], zone = 'UTC'): Run {
	const result = spawnSync(folioCommand, args, {encoding: 'utf8', env: {...env, TZ: zone}, timeout: 60_000});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

function freshEnv(): Record<string, string> {
	made++;
	return {PATH: pathWithThisNode, FOLIO_CACHE_DIR: path.join(scratch, `cache-${made}`), FOLIO_STATE_DIR: path.join(scratch, `state-${made}`)};
}

const files: Record<string, string> = {
	'rthk/2024-11-01-a.md': '---\ntitle: 香港疫苗接種\ndate: 2024-11-01 10:00\ncategories: [rthk]\n---\n衞生署表示，市民可預約疫苗。\n',
	'dw/2024-11-02-b.html': '---\ntitle: Caf&eacute; news\ndate: 2024-11-02\ncategories: [DW]\ntags: [culture]\n---\n<p>The Caf&eacute; opened.</p>\n',
	'dw/2024-11-02-c.md': '---\ntitle: Second DW post\ndate: 2024-11-02\ncategories: [dw]\n---\nAnother dw post.\n',
	'cna/2024-11-03-c.md': '---\ntitle: 烏克蘭局勢\ndate: 2024-11-03 09:00\ncategories: [cna, dw]\nlink: https://example.com/c\n---\n乌克兰和香港的经验。\n',
	'cna/2024-11-06-f.md': '---\ntitle: 内地疫苗\ndate: 2024-11-06 08:00\ncategories: [cna]\n---\n疫苗接种计划扩大。\n',
	'no-title.md': '---\ndate: 2024-11-05\n---\nA post without a title.\n',
	'undated.md': '---\ntitle: Undated\n---\nNo date at all.\n',
	'notes.txt': 'not a post\n',
};

/** The arguments compared, each with the index and with --no-cache. */
const asked: ReadonlyArray<readonly string[]> = [
	['--list'],
	['--json'],
	['--list', '--category', 'dw'],
	['--json', '--category', 'DW'],
	['--list', '--since', '2024-11-02', '--until', '2024-11-03'],
	['--list', '--search', '疫苗'],
	['--json', '--search', '香港 -疫苗'],
	['--list', '--search', 'café'],
	['--list', '--verbose'],
	['--list', '--category', 'dx'],
	['--list', '--starred'],
];

/** Asserts every request gives, run after run with the index, what reading every file gives. */
function sameAsFiles(root: string, env: Record<string, string>, zone = 'UTC'): void {
	for (const args of asked) {
		const files = run(env, [root, ...args, '--no-cache'], zone);
		for (let time = 0; time < 3; time++) assert.deepEqual(run(env, [root, ...args], zone), files, `${args.join(' ')}, run ${time + 1} in ${zone}`);
	}
}

describe('--list and --json from the index', () => {
	test('the same lines, messages and status as reading every file, run after run', () => {
		const root = makeArchive(files);
		const env = freshEnv();
		sameAsFiles(root, env);
		const listed = run(env, [root, '--list']);
		assert.equal(listed.stdout.split('\n').filter(Boolean).length, 7);
		assert.match(listed.stderr, /1 post was read with notes/);
		assert.match(run(env, [root, '--list', '--category', 'dx']).stderr, /no post has the category "dx"; nearest: dw/);
	});

	test('a file added to or removed from a folder is listed, or not, at once', () => {
		const root = makeArchive(files);
		const env = freshEnv();
		sameAsFiles(root, env);
		fs.writeFileSync(path.join(root, 'rthk', '2024-11-07-g.md'), '---\ntitle: 疫苗新聞\ndate: 2024-11-07\ncategories: [rthk]\n---\n香港再有疫苗。\n');
		assert.match(run(env, [root, '--list']).stdout.split('\n')[0]!, /^2024-11-07\trthk\t疫苗新聞\t/);
		assert.match(run(env, [root, '--list', '--search', '再有']).stdout, /疫苗新聞/);
		fs.rmSync(path.join(root, 'cna', '2024-11-06-f.md'));
		fs.mkdirSync(path.join(root, 'new', 'deeper'), {recursive: true});
		fs.writeFileSync(path.join(root, 'new', 'deeper', '2024-11-08-h.md'), '---\ntitle: Deep post\ndate: 2024-11-08\n---\nDeep.\n');
		const again = run(env, [root, '--json']);
		assert.doesNotMatch(again.stdout, /内地疫苗/);
		assert.match(again.stdout.split('\n')[0]!, /"title":"Deep post"/);
		sameAsFiles(root, env);
	});

	test('a file edited in place is listed anew after --rescan, and from then on', () => {
		const root = makeArchive(files);
		const env = freshEnv();
		const file = path.join(root, 'rthk', '2024-11-01-a.md');
		const folder = fs.statSync(path.dirname(file)).mtimeMs;
		assert.match(run(env, [root, '--list']).stdout, /香港疫苗接種/);
		assert.match(run(env, [root, '--list']).stdout, /香港疫苗接種/);
		fs.writeFileSync(file, '---\ntitle: Edited in place\ndate: 2024-11-01 10:00\ncategories: [rthk]\n---\nNew words.\n');
		// Edited in place: the folder's entries are the same, and so is its mtime.
		assert.equal(fs.statSync(path.dirname(file)).mtimeMs, folder);
		assert.match(run(env, [root, '--list']).stdout, /香港疫苗接種/, 'trusted until --rescan (as documented)');
		assert.match(run(env, [root, '--list', '--rescan']).stdout, /Edited in place/);
		for (let time = 0; time < 2; time++) {
			const listed = run(env, [root, '--list']).stdout;
			assert.match(listed, /Edited in place/);
			assert.doesNotMatch(listed, /香港疫苗接種/);
		}
		assert.match(run(env, [root, '--list', '--search', 'new words']).stdout, /Edited in place/);
		sameAsFiles(root, env);
	});

	test('a list written in one time zone is not written in another', () => {
		const root = makeArchive(files);
		const env = freshEnv();
		sameAsFiles(root, env, 'UTC');
		// Dates without a zone were read as UTC when indexed; each zone shows those instants its way.
		for (const zone of ['America/New_York', 'Asia/Hong_Kong', 'UTC']) {
			for (const args of [['--list'], ['--json']]) {
				const checked = run(env, [root, ...args, '--rescan'], zone);
				for (let time = 0; time < 3; time++) assert.deepEqual(run(env, [root, ...args], zone), checked, `${args.join(' ')} in ${zone}, run ${time + 1}`);
			}
		}
		assert.match(run(env, [root, '--list'], 'America/New_York').stdout, /^2024-11-06 03:00\tcna\t内地疫苗\t/);
		const here = run(env, [root, '--json'], 'Asia/Hong_Kong').stdout;
		assert.match(here, /"title":"烏克蘭局勢","date":"2024-11-03T09:00:00.000Z"/);
		assert.match(here, /"title":"Second DW post","date":"2024-11-01T16:00:00.000Z"/);
	});

	test('an empty folder, and a folder whose posts are all gone, say so', () => {
		const root = makeArchive({'a/2024-11-01-a.md': files['rthk/2024-11-01-a.md']!});
		const env = freshEnv();
		assert.equal(run(env, [root, '--list']).status, 0);
		assert.equal(run(env, [root, '--list']).status, 0);
		fs.rmSync(path.join(root, 'a', '2024-11-01-a.md'));
		for (let time = 0; time < 2; time++) {
			const empty = run(env, [root, '--list']);
			assert.deepEqual({status: empty.status, stdout: empty.stdout}, {status: 1, stdout: ''});
			assert.match(empty.stderr, /^folio: no posts found in /);
		}
	});
});
