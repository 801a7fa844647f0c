/**
 * Run as a child process by the state tests: opens the read state of an archive (argv: archive,
 * state folder, first post number, count) and marks those posts read one at a time, writing each
 * mark at once, as a reader does while someone reads.
 */
import path from 'node:path';
import process from 'node:process';
import {openReadState} from '../../source/read-state.js';

const [archive, stateDir, first, count] = process.argv.slice(2);
const posts = Array.from({length: 400}, (_, index) => path.join(archive!, `post-${index}.md`));
const errors: string[] = [];
const store = openReadState(archive!, posts, {env: {FOLIO_STATE_DIR: stateDir}, onError: message => errors.push(message)});
const read = new Set(store.initial.read);
for (let index = Number(first); index < Number(first) + Number(count); index++) {
	read.add(posts[index]!);
	store.save({read: new Set(read), last: posts[index]!});
	store.flush();
	if (index % 3 === 0) store.star(posts[index]!);
}

if (errors.length > 0) {
	process.stderr.write(errors.join('\n') + '\n');
	process.exit(1);
}
