// Module hooks for record-loads.mjs: each loaded URL is appended to the file given at registration.
import fs from 'node:fs';

let file;

export function initialize(data) {
	file = data?.file;
}

export async function load(url, context, nextLoad) {
	if (file) fs.appendFileSync(file, url + '\n');
	return nextLoad(url, context);
}
