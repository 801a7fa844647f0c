/** The readme shows what folio really does: its help text and its keys, as generated. */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {helpSection, keysSection, markers, sectionOf} from '../scripts/readme-sections.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = fs.readFileSync(path.join(root, 'readme.md'), 'utf8');

test('the readme pastes the current --help text (npm run readme updates it)', () => {
	const help = execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), '--help'], {encoding: 'utf8'});
	assert.equal(sectionOf(readme, markers.help), helpSection(help));
});

test('the readme lists every key of the key table (npm run readme updates it)', () => {
	assert.equal(sectionOf(readme, markers.keys), keysSection());
});

test('the readme gives the two set-up commands', () => {
	assert.match(readme, /npm install && npm start/);
	assert.match(readme, /\nnpm test\b/);
	const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts;
	assert.match(scripts['start']!, /bin\/folio content$/);
	assert.equal(fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8').trim().split('\n').at(-1), 'npm install && npm test');
});
