/**
 * Folders outside the archive: a link to one is followed only with --follow-links, and the
 * system's own folders (/proc, /sys, /dev) are never searched, whatever leads there.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test, type TestContext} from 'node:test';
import {fileURLToPath} from 'node:url';
import {isolatedRun} from './helpers/e2e.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const post = (title: string) => `---\ntitle: ${title}\n---\nBody.\n`;
const outsideReason = 'a link to a folder outside the archive; not followed (--follow-links follows it)';
const systemReason = 'a system folder (/proc, /sys, /dev); never searched for posts';

function folio(args: readonly string[]) {
	const result = spawnSync(folioCommand, args, {cwd: root, encoding: 'utf8', timeout: 30_000, env: {...process.env, PATH: pathWithThisNode, ...isolatedRun()}});
	assert.equal(result.error, undefined, 'folio ended by itself');
	return result;
}

const titles = (stdout: string) =>
	stdout
		.trim()
		.split('\n')
		.filter(Boolean)
		.map(line => line.split('\t')[2])
		.sort();


/**
 * Links to system files and folders, removed when the test ends: the temporary folders' clean-up
 * changes the mode of what it finds, through links too, and must never reach these.
 */
function linkToSystem(target: string, file: string, t: TestContext): void {
	fs.symlinkSync(target, file);
	t.after(() => fs.rmSync(file, {force: true}));
}

describe('links to folders', () => {
	test('a link inside the archive is followed; one leading outside only with --follow-links', () => {
		const outside = makeArchive({'far.md': post('Far away')});
		const folder = makeArchive({'news/here.md': post('Here')});
		fs.symlinkSync(path.join(folder, 'news'), path.join(folder, 'also-news')); // inside: listed once
		fs.symlinkSync(outside, path.join(folder, 'elsewhere'));
		const plain = folio([folder, '--list', '--no-cache']);
		assert.equal(plain.status, 0, plain.stderr);
		assert.deepEqual(titles(plain.stdout), ['Here']);
		assert.equal(plain.stderr, `folio: skipped ${path.join(folder, 'elsewhere')}: ${outsideReason}\n`);
		const followed = folio([folder, '--list', '--no-cache', '--follow-links']);
		assert.equal(followed.status, 0, followed.stderr);
		assert.deepEqual(titles(followed.stdout), ['Far away', 'Here']);
		assert.equal(followed.stderr, '');
		assert.ok(followed.stdout.includes(`\t${path.join(folder, 'elsewhere', 'far.md')}\n`), followed.stdout);
	});

	test('/proc, /sys and /dev are never searched, even with --follow-links and a link to them', t => {
		const folder = makeArchive({'real.md': post('Real post')});
		const links = ['proc', 'self', 'sys', 'dev'];
		linkToSystem('/proc', path.join(folder, 'proc'), t);
		linkToSystem('/proc/self', path.join(folder, 'self'), t);
		linkToSystem('/sys', path.join(folder, 'sys'), t);
		linkToSystem('/dev', path.join(folder, 'dev'), t);
		// Reached through a folder outside, itself followed.
		const outside = makeArchive({'far.md': post('Far away')});
		linkToSystem('/proc', path.join(outside, 'to-proc'), t);
		fs.symlinkSync(outside, path.join(folder, 'elsewhere'));
		const result = folio([folder, '--list', '--no-cache', '--follow-links']);
		assert.equal(result.status, 0, result.stderr);
		assert.deepEqual(titles(result.stdout), ['Far away', 'Real post']);
		assert.doesNotMatch(result.stdout, /environ|\/proc\/|\/sys\/|\/dev\//);
		assert.deepEqual(
			result.stderr.trim().split('\n').sort(),
			[...links.map(name => path.join(folder, name)), path.join(folder, 'elsewhere', 'to-proc')].map(file => `folio: skipped ${file}: ${systemReason}`).sort(),
		);
	});

	test('/proc given as the folder: one line per reason, status 1, nothing listed', () => {
		for (const folder of ['/proc', '/proc/self', '/sys']) {
			const result = folio([folder, '--list', '--no-cache', '--follow-links']);
			assert.equal(result.status, 1, folder);
			assert.equal(result.stdout, '');
			assert.equal(result.stderr, `folio: skipped ${folder}: ${systemReason}\nfolio: no posts found in ${folder}\n`);
		}
	});
});
