/** The fast reading of plain command lines means what meow reads in them; anything else is meow's. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseArguments} from '../source/arguments.js';
import {readPlainArguments} from '../source/plain-arguments.js';

const pkg = {name: 'folio', version: '1.2.3', description: 'A reader'};

test('a plain command line reads as meow reads it', () => {
	const lines = [
		[],
		['posts'],
		['-'],
		['posts/a post.md', '--print'],
		['posts/a.md', '-p', '--width', '60'],
		['posts/a.md', '-p', '-w', '60'],
		['posts/a.md', '--print', '--width=72'],
		['posts', '--list', '--no-cache'],
		['posts', '--json', '--category', 'dw', '--since', '2024-11-01', '--until', '2024-11-07'],
		['posts', '-l', '-c', 'BBC news', '-s', 'typhoon'],
		['--search', 'two words', 'posts', '--follow-links'],
		['-pl', 'posts'],
		['posts', 'more'],
	];
	for (const argv of lines) {
		const plain = readPlainArguments(argv);
		const meow = parseArguments(argv, pkg);
		assert.ok(plain !== undefined, `${argv.join(' ')} is plain`);
		assert.ok(!('error' in meow), `${argv.join(' ')}: meow reads it too`);
		assert.deepEqual(plain, {flags: meow.flags, input: meow.input}, argv.join(' '));
	}
});

test('help, version, mistakes and anything unusual are left to meow', () => {
	const lines = [
		['--help'],
		['-h'],
		['--version'],
		['posts', '--print', '--help'],
		['--bogus'],
		['-x'],
		['--width'],
		['--width='],
		['--width', '-5'],
		['--print=yes'],
		['--no-print'],
		['--list', '--list'],
		['--category', 'a', '--category', 'b'],
		['--', '-file-with-dash.md'],
		['--followLinks'],
		['-file.md'],
	];
	for (const argv of lines) assert.equal(readPlainArguments(argv), undefined, argv.join(' '));
});
