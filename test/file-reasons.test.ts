/**
 * Accurate one-line reasons for paths that cannot be read as they are: a file name that is not
 * UTF-8, a folder on the way that cannot be entered, and UTF-16 text without a byte-order mark
 * (read, and said so, instead of "binary").
 */
import assert from 'node:assert/strict';
import {spawnSync, type SpawnSyncOptions} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {isolatedRun} from './helpers/e2e.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const post = (title: string, body = 'Body text.') => `---\ntitle: ${title}\n---\n${body}\n`;

function folio(args: ReadonlyArray<string | Buffer>, options: SpawnSyncOptions = {}) {
	const result = spawnSync(folioCommand, args as string[], {cwd: root, encoding: 'utf8', timeout: 30_000, env: {...process.env, PATH: pathWithThisNode, ...isolatedRun()}, ...options});
	assert.equal(result.error, undefined, 'folio ended by itself');
	return {status: result.status, stdout: String(result.stdout), stderr: String(result.stderr)};
}

// An ordinary user for the permission tests: root may enter any folder.
const nobody = process.getuid?.() === 0 ? {uid: 65_534, gid: 65_534} : {};
const canDropPrivileges = (() => {
	if (process.getuid?.() !== 0) return true;
	const probe = spawnSync('true', [], nobody);
	return probe.error === undefined && probe.status === 0;
})();

describe('reasons a path cannot be read', () => {
	test('a file name that is not UTF-8: said so, in one line; the other posts are listed', () => {
		const folder = makeArchive({'good.md': post('Good')});
		// Latin-1 "café.md": the byte E9 alone is not UTF-8.
		const name = Buffer.concat([Buffer.from(folder + '/caf'), Buffer.from([0xe9]), Buffer.from('.md')]);
		fs.writeFileSync(name, post('Latin-1 name'));
		const list = folio([folder, '--list', '--no-cache']);
		assert.equal(list.status, 0, list.stderr);
		assert.deepEqual(list.stdout.split('\n').filter(Boolean).map(line => line.split('\t')[2]), ['Good']);
		assert.equal(list.stderr, `folio: skipped ${folder}/caf\uFFFD.md: the file name is not valid UTF-8, so it cannot be opened by name; rename it to read it\n`);
		assert.doesNotMatch(list.stderr, /no such file/);
		const direct = folio([name]);
		assert.equal(direct.status, 1);
		assert.equal(direct.stderr, `folio: cannot open ${folder}/caf\uFFFD.md: the path is not valid UTF-8, so it cannot be opened by name; rename it to read it\n`);
	});

	test('a folder on the way that cannot be entered: permission denied, naming that folder', {skip: canDropPrivileges ? false : 'cannot run as an ordinary user here'}, () => {
		const folder = makeArchive({'locked/deeper/post.md': post('Locked away')});
		fs.chmodSync(folder, 0o755);
		fs.chmodSync(path.join(folder, 'locked'), 0o700);
		const env = {...process.env, PATH: pathWithThisNode, ...isolatedRun()};
		const target = path.join(folder, 'locked', 'deeper', 'post.md');
		for (const args of [[target], [target, '--print'], [path.join(folder, 'locked', 'deeper'), '--list']]) {
			const result = folio(args, {...nobody, env});
			assert.equal(result.status, 1, result.stderr);
			assert.equal(result.stderr, `folio: cannot open ${args[0]}: permission denied (the folder ${path.join(folder, 'locked')} cannot be entered)\n`);
		}
	});

	test('UTF-16 without a byte-order mark is read (little- and big-endian) and flagged, not called binary', () => {
		const text = post('十六位 Sixteen', '正文 and English text.');
		const little = Buffer.from(text, 'utf16le');
		const big = Buffer.from(little).swap16();
		const folder = makeArchive({'2024-01-01-le.md': little, '2024-01-02-be.md': big});
		const list = folio([folder, '--list', '--no-cache', '--verbose']);
		assert.equal(list.status, 0, list.stderr);
		assert.deepEqual(list.stdout.split('\n').filter(Boolean).map(line => line.split('\t')[2]), ['十六位 Sixteen', '十六位 Sixteen']);
		assert.equal(folio([folder, '--list', '--no-cache']).stderr, 'folio: 2 posts were read with notes (2 × no byte-order mark); --verbose lists them\n', 'one line for them all without --verbose');
		assert.deepEqual(list.stderr.split('\n').filter(Boolean).sort(), [
			`folio: ${path.join(folder, '2024-01-01-le.md')}: no byte-order mark; decoded as UTF-16LE`,
			`folio: ${path.join(folder, '2024-01-02-be.md')}: no byte-order mark; decoded as UTF-16BE`,
		]);
		const printed = folio([path.join(folder, '2024-01-02-be.md'), '--print']);
		assert.equal(printed.status, 0, printed.stderr);
		assert.match(printed.stdout, /^十六位 Sixteen\n[\s\S]*正文 and English text\.\n$/);
		assert.doesNotMatch(printed.stderr, /binary/);
	});

	test('a binary file with zero bytes is still skipped as binary', () => {
		const bytes = Buffer.alloc(4096);
		for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 7919) % 256;
		const folder = makeArchive({'good.md': post('Good'), 'image.md': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), bytes])});
		const list = folio([folder, '--list', '--no-cache']);
		assert.equal(list.status, 0, list.stderr);
		assert.equal(list.stderr, `folio: skipped ${path.join(folder, 'image.md')}: binary file, not a post\n`);
	});
});
