/**
 * `folio DIR --list --search` answers from the index: the same posts and lines as reading every
 * file (`--no-cache`), and a post indexed and unchanged is not read again. Runs the built bundle.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-index-search-'));
after(() => fs.rmSync(scratch, {recursive: true, force: true}));
let made = 0;

/** Runs folio with its own cache and state folders; fails on a non-zero status or any warning. */
function folio(env: Record<string, string>, args: readonly string[]): string {
	const result = spawnSync(folioCommand, args, {encoding: 'utf8', env: {...env, TZ: 'UTC'}, timeout: 60_000});
	assert.equal(result.status, 0, result.stderr);
	assert.equal(result.stderr, '', `no warnings from ${args.join(' ')}`);
	return result.stdout;
}

function freshEnv(): Record<string, string> {
	made++;
	return {PATH: pathWithThisNode, FOLIO_CACHE_DIR: path.join(scratch, `cache-${made}`), FOLIO_STATE_DIR: path.join(scratch, `state-${made}`)};
}

const files: Record<string, string> = {
	'rthk/2024-11-01-a.md': '---\ntitle: 香港疫苗接種\ndate: 2024-11-01 10:00\ncategories: [rthk]\n---\n衞生署表示，市民可預約疫苗。\n',
	'dw/2024-11-02-b.html': '---\ntitle: Caf&eacute; news\ndate: 2024-11-02\ncategories: [dw]\n---\n<p>The Caf&eacute; opened. <!-- secret --></p>\n',
	'cna/2024-11-03-c.md': '---\ntitle: 烏克蘭局勢\ndate: 2024-11-03 09:00\ncategories: [cna]\ntags: [乌克兰]\n---\n乌克兰和香港的经验。\n',
	'rthk/2024-11-04-d.md': '---\ntitle: Typhoon\ndate: 2024-11-04\ncategories: [rthk]\n---\n颱風襲港，天文台發出八號風球。\n',
	'2024-11-05-e.md': '---\ntitle: Markets\ndate: 2024-11-05 08:00\nauthor: Zoë\n---\nShares rose in New York.\n\nA second line about New York.\n',
	'cna/2024-11-06-f.md': '---\ntitle: 内地疫苗\ndate: 2024-11-06 08:00\ncategories: [cna]\n---\n疫苗接种计划扩大。\n',
	'notes.txt': 'not a post\n',
};

const queries = ['疫苗', '香港 疫苗', '烏克蘭', '台风', '港', 'café', 'secret', '"new york"', 'NEW', '疫苗 -香港', 'category:rthk', 'tag:乌克兰', 'author:zoe', 'after:2024-11-04', 'before:2024-11-03 港', 'nothing-matches'];

/** Every query's output (list and JSON) with the index, and as a plain scan of every file. */
function compare(root: string, env: Record<string, string>, chosen: readonly string[]): number {
	let found = 0;
	for (const query of chosen) {
		for (const extra of [['--list'], ['--json']]) {
			const scan = folio(env, [root, ...extra, '--no-cache', '--search', query]);
			assert.equal(folio(env, [root, ...extra, '--search', query]), scan, `${extra[0]} --search ${query}`);
			if (extra[0] === '--list') found += scan.split('\n').filter(Boolean).length;
		}
	}
	return found;
}

describe('--list --search with the index', () => {
	test('finds exactly what a plain scan finds, with the same lines, before and after files change', () => {
		const root = makeArchive(files);
		const env = freshEnv();
		// The first search builds the index as it goes; the next ones answer from it.
		assert.ok(compare(root, env, queries) >= 15, 'the queries find posts');
		// A file added and one removed are seen at once; the rest still comes from the index.
		fs.writeFileSync(path.join(root, 'rthk', '2024-11-07-g.md'), '---\ntitle: 疫苗新聞\ndate: 2024-11-07\n---\n香港再有疫苗。\n');
		fs.rmSync(path.join(root, 'cna', '2024-11-06-f.md'));
		compare(root, env, ['疫苗', '香港 疫苗', 'category:rthk']);
		assert.match(folio(env, [root, '--list', '--search', '香港 疫苗']), /疫苗新聞/);
	});

	test('an indexed, unchanged post is answered from the index: its file is not read again', () => {
		const root = makeArchive(files);
		const env = freshEnv();
		const file = path.join(root, 'rthk', '2024-11-04-d.md');
		const when = new Date('2024-11-04T12:00:00Z');
		fs.utimesSync(file, when, when);
		assert.match(folio(env, [root, '--list', '--search', '天文台']), /Typhoon\t.*天文台發出八號風球/);
		// The same size and mtime, other words: only the index still knows the old ones.
		const old = fs.readFileSync(file);
		const edited = Buffer.from(old.toString('utf8').replace('天文台', '氣象局'));
		assert.equal(edited.length, old.length);
		fs.writeFileSync(file, edited);
		fs.utimesSync(file, when, when);
		assert.equal(folio(env, [root, '--list', '--no-cache', '--search', '天文台']), '', 'the file no longer holds the word');
		assert.match(folio(env, [root, '--list', '--search', '天文台']), /Typhoon\t.*天文台發出八號風球/, 'answered from the index');
		assert.match(folio(env, [root, '--json', '--search', '天文台']), /"title":"Typhoon".*"match":"颱風襲港，天文台發出八號風球。"/);
	});
});

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');
const sample = path.join(corpus, 'waimei-sample');
const skip = fs.existsSync(sample) ? false : `no corpus sample at ${sample}; this test needs the shared news archives`;

describe('--list --search on a real archive', {skip}, () => {
	test('with the index, the same posts and lines as a plain scan', () => {
		const env = freshEnv();
		assert.ok(compare(sample, env, ['香港', '乌克兰', '疫苗 -香港', 'the', '"特朗普"']) > 0, 'the queries find posts');
	});
});
