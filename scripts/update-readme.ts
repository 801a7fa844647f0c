// `npm run readme`: writes the generated parts of readme.md (help text, key table).
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import {helpSection, keysSection, markers, replaceSection} from './readme-sections.js';

const help = execFileSync(process.execPath, ['dist/cli.js', '--help'], {encoding: 'utf8'});
let readme = fs.readFileSync('readme.md', 'utf8');
readme = replaceSection(readme, markers.help, helpSection(help));
readme = replaceSection(readme, markers.keys, keysSection());
fs.writeFileSync('readme.md', readme);
