// Fallback peak-RSS probe for the benchmark when /usr/bin/time is missing:
// `node --import ./bench/rss-probe.mjs dist/cli.js ...` writes the process's peak RSS in KB
// to the file named by FOLIO_BENCH_RSS_FILE when it exits (process.exit included).
import fs from 'node:fs';

const file = process.env.FOLIO_BENCH_RSS_FILE;
if (file) {
	process.on('exit', () => {
		fs.writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
	});
}
