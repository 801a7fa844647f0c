/**
 * The least the design card's stack does to print the sample post: gray-matter splits it, marked
 * turns its Markdown into HTML, html-to-text turns that into text, and nothing else (no
 * sanitizing, no layout, no links). The bench bundles this file as folio's build bundles folio
 * and times it next to `folio FILE --print`: the floor under folio's print time for this stack.
 */
import fs from 'node:fs';
import matter from 'gray-matter';
import {convert} from 'html-to-text';
import {marked} from 'marked';

const text = fs.readFileSync(process.argv[2]!, 'utf8');
const {content} = matter(text, {});
process.stdout.write(convert(await marked.parse(content), {wordwrap: 100}));
