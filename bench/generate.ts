/**
 * Synthetic archives for the benchmark: deterministic (seeded PRNG, no network), realistic enough
 * to load like the real ones (Jekyll file names, the two front-matter styles of the corpus,
 * Chinese and English, Markdown and HTML, log-normal sizes from 300 B to 400 KB), plus a few
 * posts the benchmark knows by title, body marker and path.
 *
 * Archives live in `bench/.archives/synthetic-<count>-v<version>/` (or under
 * `$FOLIO_BENCH_ARCHIVES`), are written to a temporary folder first and renamed into place, and
 * are reused while their manifest matches.
 *
 * CLI: `node --import tsx bench/generate.ts [COUNT ...]` (default 7000 10000 100000).
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** Bump when the generated content changes, so old archives are regenerated. */
export const generatorVersion = 1;
const defaultSeed = 20241101;

/** A post the benchmark navigates to and recognises on screen. */
export type KnownPost = {
	/** Path relative to the archive root. */
	readonly relPath: string;
	/** Title as written in the front matter (ASCII prefix first, so it survives truncation). */
	readonly title: string;
	/** Text from the first body paragraph that is not part of the title. */
	readonly marker: string;
	readonly bytes: number;
};

/** What an archive holds; stored as `.bench-manifest.json` (hidden, so folio skips it). */
export type Manifest = {
	readonly generatorVersion: number;
	readonly seed: number;
	readonly count: number;
	readonly files: number;
	readonly bytes: number;
	readonly folders: number;
	readonly largest: number;
	readonly medianBytes: number;
	/** Newest posts, newest first: [0] is long (for scrolling), the rest are typical (2-4 KB). */
	readonly newest: readonly KnownPost[];
	/** The 400 KB post whose body is one line of Word HTML. */
	readonly word: KnownPost;
	readonly generatedAt: string;
	readonly generationMs: number;
};

/** A generated archive ready to use. */
export type ArchiveInfo = {readonly root: string; readonly manifest: Manifest; readonly reused: boolean};

const manifestName = '.bench-manifest.json';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Folder that holds the generated archives. */
export function archivesFolder(): string {
	return path.resolve(process.env.FOLIO_BENCH_ARCHIVES ?? path.join(repoRoot, 'bench', '.archives'));
}

// --- deterministic randomness ---------------------------------------------------------------

/** mulberry32: small, fast, good enough for test data. */
function makeRandom(seed: number) {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
	const chance = (p: number): boolean => next() < p;
	const normal = (): number => {
		const u = 1 - next();
		const v = next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	};
	return {next, int, pick, chance, normal};
}

type Random = ReturnType<typeof makeRandom>;

// --- vocabulary -----------------------------------------------------------------------------

const zhSubjects = ['美国国务院', '中国外交部', '欧盟委员会', '日本首相', '香港特区政府', '联合国秘书长', '台湾行政院', '俄罗斯总统', '德国总理', '世界卫生组织', '国际货币基金组织', '英国央行', '印度政府', '韩国总统', '巴西农业部', '澳洲总理', '北约秘书长', '以色列国防军', '乌克兰总统', '新加坡金融管理局'];
const zhVerbs = ['宣布', '呼吁', '否认', '批评', '表示将加强', '考虑暂停', '同意扩大', '警告', '推迟', '公布', '回应', '正式启动'];
const zhObjects = ['新一轮贸易谈判', '对乌克兰的军事援助', '半导体出口管制', '气候融资方案', '移民政策改革', '加息计划', '台海局势', '选举结果', '人工智能监管框架', '能源补贴', '南海航行自由', '疫苗接种计划', '房地产市场救助措施', '网络安全法修订', '核电站重启计划', '渔业配额'];
const zhTails = ['', '', '', '，引发外界关注', '：分析人士称影响深远', '（更新）', '，股市应声下跌', '｜专题', '　各方反应不一', '——记者手记'];
const zhClauses = ['据知情人士透露', '官员周二表示', '分析人士认为', '这是自去年以来首次', '消息公布后', '根据最新公布的数据', '外界普遍预期', '在记者会上', '多名议员对此表示不满', '市场人士指出'];
const zhFillers = ['相关措施将在下个月生效', '此举可能进一步加剧紧张局势', '双方同意在年底前再次会面', '目前尚不清楚具体细节', '当局表示正密切关注事态发展', '反对党批评政府反应迟缓', '经济学家预计增长将放缓至百分之二', '有关谈判已持续数月', '当地居民对此感到担忧', '这一决定得到多数成员国支持', '声明并未提及具体时间表', '事件造成至少三人受伤'];
const enSubjects = ['The European Commission', "China's foreign ministry", "Japan's prime minister", 'Hong Kong officials', 'The UN secretary-general', 'Taiwan\'s cabinet', 'The Kremlin', 'Germany\'s chancellor', 'The WHO', 'The IMF', 'The Bank of England', 'India\'s government', 'Brazil\'s farm ministry', 'NATO', 'Regulators in Singapore'];
const enVerbs = ['announces', 'warns of', 'delays', 'rejects', 'backs', 'weighs', 'expands', 'suspends', 'defends', 'unveils'];
const enObjects = ['new trade talks', 'military aid to Ukraine', 'chip export controls', 'climate finance deal', 'migration reform', 'rate rise', 'tensions in the Taiwan Strait', 'election results', 'AI rules', 'energy subsidies', 'fishing quotas', 'nuclear restart plan', 'property rescue package'];
const enTails = ['', '', '', ' as markets slide', ': what we know', ' (update)', ' amid protests', ' after weeks of talks'];
const enClauses = ['Officials said on Tuesday that', 'According to people familiar with the matter,', 'Analysts say', 'For the first time since last year,', 'In a statement,', 'Figures released on Monday show that', 'Speaking to reporters,', 'Critics argue that'];
const enFillers = ['the measures will take effect next month', 'the move could deepen tensions in the region', 'both sides agreed to meet again before the end of the year', 'details remain unclear', 'the authorities are watching the situation closely', 'the opposition accused the government of reacting too slowly', 'economists expect growth to slow to about 2 per cent', 'the talks have dragged on for months', 'residents said they were worried', 'most member states support the decision', 'no timetable was given', 'at least three people were injured'];

/** Pen-style sources (`categories: dw`) and seed-style ones (`categories: [ 联合早报 ]`). */
const penSources = ['rthk', 'cna', 'dw', 'nyt', 'kyodo', 'nhk', 'aj', 'rfa'];
const penHosts: Record<string, string> = {rthk: 'news.rthk.hk', cna: 'www.cna.com.tw', dw: 'www.dw.com', nyt: 'cn.nytimes.com', kyodo: 'china.kyodonews.net', nhk: 'www3.nhk.or.jp', aj: 'chinese.aljazeera.net', rfa: 'www.rfa.org'};
const waimeiSources = ['联合早报', 'BBC', '美国之音', '德国之声', '法广', 'Reuters', '自由亚洲电台', 'The Guardian', 'AP'];
const extraTags = ['中国', '经济', '国际', '香港', '台湾', 'Politics', 'World', '科技', '评论'];

// --- text -----------------------------------------------------------------------------------

function zhSentence(r: Random): string {
	const number = r.chance(0.3) ? `${r.int(2, 98)}%的受访者认为，` : '';
	const quote = r.chance(0.2) ? `“${r.pick(zhFillers)}”，` : '';
	return `${r.pick(zhClauses)}，${number}${r.pick(zhSubjects)}${r.pick(zhVerbs)}${r.pick(zhObjects)}，${quote}${r.pick(zhFillers)}。`;
}

function enSentence(r: Random): string {
	const number = r.chance(0.3) ? ` about ${r.int(2, 980)} people were affected and` : '';
	const quote = r.chance(0.2) ? ` "We will not back down," one official said.` : '';
	return `${r.pick(enClauses)}${number} ${r.pick(enFillers)}.${quote}`;
}

function paragraph(r: Random, zh: boolean): string {
	const sentences = r.int(2, 5);
	const parts: string[] = [];
	for (let i = 0; i < sentences; i++) parts.push(zh ? zhSentence(r) : enSentence(r));
	return parts.join(zh ? '' : ' ');
}

function titleFor(r: Random, zh: boolean): string {
	return zh ? `${r.pick(zhSubjects)}${r.pick(zhVerbs)}${r.pick(zhObjects)}${r.pick(zhTails)}` : `${r.pick(enSubjects)} ${r.pick(enVerbs)} ${r.pick(enObjects)}${r.pick(enTails)}`;
}

function slugFor(title: string, zh: boolean, source: string): string {
	if (zh) {
		const slug = title.replace(/[\s\p{P}\p{S}]+/gu, '-').replace(/^-+|-+$/g, '');
		return `${source.toUpperCase()}-${[...slug].slice(0, 30).join('')}`;
	}
	return title
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
}

/** YAML scalar: plain when safe, otherwise double-quoted. */
function yamlString(value: string): string {
	if (/^[\w\u00A0-\uFFFF]/.test(value) && !/[:#[\]{},"'&*!|>%@`]|\s$/.test(value)) return value;
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

// --- dates ----------------------------------------------------------------------------------

const hour = 3_600_000;
const startEpoch = Date.UTC(2021, 0, 1, 0, 0, 0) - 8 * hour; // 2021-01-01 00:00 +08:00
const newestEpoch = Date.UTC(2024, 11, 31, 23, 50, 0) - 8 * hour; // 2024-12-31 23:50 +08:00
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Calendar fields in +08:00. */
function local(epoch: number) {
	const d = new Date(epoch + 8 * hour);
	return {y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hh: d.getUTCHours(), mm: d.getUTCMinutes(), ss: d.getUTCSeconds()};
}

function penDate(epoch: number): string {
	const t = local(epoch);
	return `${t.y}-${pad(t.m)}-${pad(t.d)} ${pad(t.hh)}:${pad(t.mm)}:${pad(t.ss)}.000000000 +08:00`;
}

// --- posts ----------------------------------------------------------------------------------

type Draft = {relPath: string; text: string};

/** Log-normal file size (median ~2.6 KB, most 1-5 KB), a rare large one, clamped to 300 B..400 KB. */
function targetSize(r: Random): number {
	if (r.chance(1 / 4000)) return Math.round(Math.exp(Math.log(50_000) + r.next() * (Math.log(380_000) - Math.log(50_000))));
	return Math.min(400_000, Math.max(300, Math.round(Math.exp(Math.log(2600) + 0.75 * r.normal()))));
}

function frontMatter(r: Random, fields: {title: string; epoch: number; style: 'pen' | 'waimei'; source: string; link: string}): string {
	const {title, epoch, style, source, link} = fields;
	if (style === 'pen') {
		return `---\nlayout: post\ntitle: ${yamlString(title)}\ndate: ${penDate(epoch)}\nlink: ${link}\ncategories: ${source}\n---\n\n`;
	}
	const tags = r.chance(0.3) ? `[ ${source}, ${r.pick(extraTags)} ]` : `[ ${source} ]`;
	return `---\nlayout: post\ntitle: "${title.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\ndate: ${new Date(epoch).toISOString()}\nauthor: ${yamlString(source)}\nfrom: ${link}\ntags: ${tags}\ncategories: [ ${source} ]\n---\n`;
}

/** Fills paragraphs until `bytes`, in the body style of the extension. */
function body(r: Random, options: {zh: boolean; html: boolean; style: 'pen' | 'waimei'; title: string; link: string; epoch: number; bytes: number; first?: string}): string {
	const {zh, html, style, title, link, epoch, bytes} = options;
	const out: string[] = [];
	let size = 0;
	const push = (chunk: string): void => {
		out.push(chunk);
		size += Buffer.byteLength(chunk);
	};
	const markdownRich = !html && r.chance(0.3);
	if (style === 'waimei') push(`<!--${epoch}-->\n[${title}](${link})\n------\n\n`);
	if (html) push(style === 'waimei' ? '<div>\n<div class="ad-slot" data-ad="top"></div>' : '<div>\n');
	if (options.first !== undefined) push(html ? `<p>${options.first}</p>\n` : `${options.first}\n\n`);
	while (size < bytes) {
		const text = paragraph(r, zh);
		if (html) {
			const roll = r.next();
			if (roll < 0.06) push(`<figure><img src="https://img.example.com/${r.int(1000, 99999)}.jpg" alt="${zh ? '资料图片' : 'File photo'}"><figcaption>${zh ? '图片来源：路透社' : 'Photo: Reuters'}</figcaption></figure>\n`);
			else if (roll < 0.09) push(`<h2>${zh ? r.pick(zhObjects) : r.pick(enObjects)}</h2>\n`);
			else if (roll < 0.11) push(`<ul><li><a href="https://example.com/more/${r.int(1, 9999)}">${zh ? '延伸阅读' : 'Read more'}&nbsp;&raquo;</a></li><li><a href="https://example.com/more/${r.int(1, 9999)}">${r.pick(enObjects)}</a></li></ul>\n`);
			else if (roll < 0.12 && style === 'waimei') push(`<p><a href="https://example.com/subscribe">${zh ? '订阅后阅读全文' : 'Subscribe to read'}</a></p><div class="ad-slot"></div>\n`);
			push(`                    <p>${text.replace(/&/g, '&amp;').replace(/“/g, '&#8220;').replace(/”/g, '&#8221;')}</p>\n`);
		} else if (markdownRich) {
			const roll = r.next();
			if (roll < 0.08) push(`## ${zh ? r.pick(zhObjects) : r.pick(enObjects)}\n\n`);
			else if (roll < 0.13) push(`> ${zh ? zhSentence(r) : enSentence(r)}\n\n`);
			else if (roll < 0.18) push(`- ${r.pick(zh ? zhFillers : enFillers)}\n- ${r.pick(zh ? zhFillers : enFillers)}\n- [${zh ? '原文链接' : 'Source'}](${link})\n\n`);
			push(`${text}\n\n`);
		} else {
			push(`${text}\n\n`);
		}
	}
	if (html) push(style === 'waimei' ? '<div class="ad-slot" data-ad="bottom"></div>\n</div>\n' : '</div>\n');
	return out.join('');
}

/** One line of Word-exported HTML, about `bytes` long; its first paragraph starts with `marker`. */
function wordBody(r: Random, marker: string, bytes: number): string {
	const parts: string[] = ['<div class=WordSection1>'];
	let size = parts[0]!.length;
	let index = 0;
	while (size < bytes) {
		const zh = index % 3 !== 2;
		const text = index === 0 ? `${marker}: 这是一份从 Word 导出的文件，整篇正文只有一行 HTML。` : zh ? paragraph(r, true) : paragraph(r, false);
		const span = zh
			? `<span lang=ZH-CN style='font-size:12.0pt;font-family:宋体;mso-ascii-font-family:Calibri;mso-hansi-font-family:Calibri;mso-bidi-font-family:"Times New Roman";mso-fareast-language:ZH-CN'>${text}</span>`
			: `<span lang=EN-US style='font-size:12.0pt;font-family:"Times New Roman",serif;mso-fareast-font-family:宋体;mso-ansi-language:EN-US'>${text}</span>`;
		const chunk = `<p class=MsoNormal style='text-indent:24.0pt;mso-char-indent-count:2.0;line-height:150%'>${span}<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>`;
		parts.push(chunk);
		size += Buffer.byteLength(chunk);
		index++;
	}
	parts.push('</div>\n');
	return parts.join('');
}

function knownNewest(r: Random, index: number): Draft & KnownPost {
	const epoch = newestEpoch - index * 7 * 60_000;
	const t = local(epoch);
	const id = pad(index);
	const title = `Bench post ${id} · 基准测试最新文章 ${id}`;
	const marker = `Marker-${id}-body`;
	const relPath = `${t.y}/${pad(t.m)}/rthk/${t.y}-${pad(t.m)}-${pad(t.d)}-bench-post-${id}.md`;
	const link = `https://news.rthk.hk/rthk/ch/component/k2/bench-${id}.htm`;
	const fm = frontMatter(r, {title, epoch, style: 'pen', source: 'rthk', link});
	// Post 00 is long (~60 KB: a few hundred rows at 120 columns) so the reader can scroll; the rest are typical.
	const bytes = index === 0 ? 60_000 : 2500 + r.int(0, 1500);
	const text = fm + body(r, {zh: index % 2 === 0, html: false, style: 'pen', title, link, epoch, bytes, first: `${marker} — 这是基准测试的第 ${index} 篇文章的开头。`});
	return {relPath, text, title, marker, bytes: Buffer.byteLength(text)};
}

function knownWord(r: Random): Draft & KnownPost {
	const epoch = Date.UTC(2023, 5, 15, 2, 0, 0);
	const title = 'Bench Word export 400 KB · 一行 Word HTML';
	const marker = 'Wordmark start';
	const relPath = '2023/06/zaobao/2023-06-15-bench-word-export-400k.html';
	const link = 'https://www.zaobao.com/news/bench-word-400k';
	const fm = frontMatter(r, {title, epoch, style: 'waimei', source: '联合早报', link});
	const text = fm + wordBody(r, marker, 400_000 - Buffer.byteLength(fm) - 1);
	return {relPath, text, title, marker, bytes: Buffer.byteLength(text)};
}

function* drafts(count: number, seed: number, known: {newest: KnownPost[]; word?: KnownPost}, small = false): Generator<Draft> {
	const r = makeRandom(seed);
	const knownCount = 11;
	for (let index = 0; index < knownCount; index++) {
		const post = knownNewest(r, index);
		known.newest.push({relPath: post.relPath, title: post.title, marker: post.marker, bytes: post.bytes});
		yield post;
	}
	const word = knownWord(r);
	known.word = {relPath: word.relPath, title: word.title, marker: word.marker, bytes: word.bytes};
	yield word;

	const used = new Set<string>([...known.newest.map(post => post.relPath), word.relPath]);
	const latest = newestEpoch - knownCount * 7 * 60_000 - hour;
	for (let index = knownCount + 1; index < count; index++) {
		const epoch = startEpoch + Math.floor(r.next() * (latest - startEpoch));
		const penStyle = r.chance(0.6);
		const source = penStyle ? r.pick(penSources) : r.pick(waimeiSources);
		const zh = penStyle ? r.chance(0.9) : /^[A-Z]/.test(source) ? r.chance(0.4) : true;
		const html = r.chance(penStyle ? 0.45 : 0.6);
		const title = titleFor(r, zh);
		const id = r.int(100000, 9999999);
		const link = penStyle ? `https://${penHosts[source]}/news/${id}.html` : `https://www.example-${r.int(1, 13)}.com/article/${id}`;
		const t = local(epoch);
		const folder = `${t.y}/${pad(t.m)}/${penStyle ? source : 'waimei'}`;
		const base = `${t.y}-${pad(t.m)}-${pad(t.d)}-${slugFor(title, zh, source)}`;
		let relPath = `${folder}/${base}.${html ? 'html' : 'md'}`;
		for (let n = 2; used.has(relPath); n++) relPath = `${folder}/${base}-${n}.${html ? 'html' : 'md'}`;
		used.add(relPath);
		const fm = frontMatter(r, {title, epoch, style: penStyle ? 'pen' : 'waimei', source, link});
		const bytes = Math.max(40, (small ? r.int(300, 900) : targetSize(r)) - Buffer.byteLength(fm));
		yield {relPath, text: fm + body(r, {zh, html, style: penStyle ? 'pen' : 'waimei', title, link, epoch, bytes})};
	}
}

// --- writing --------------------------------------------------------------------------------

function readManifest(root: string): Manifest | undefined {
	try {
		return JSON.parse(fs.readFileSync(path.join(root, manifestName), 'utf8')) as Manifest;
	} catch {
		return undefined;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Removes temporary folders left by generators that died (their pid is in the name). */
function removeStale(folder: string, name: string): void {
	let entries: string[];
	try {
		entries = fs.readdirSync(folder);
	} catch {
		return;
	}
	for (const entry of entries) {
		const match = new RegExp(`^\\.(?:tmp|old)-${name}-(\\d+)$`).exec(entry);
		if (match && !isAlive(Number(match[1]))) fs.rmSync(path.join(folder, entry), {recursive: true, force: true});
	}
}

/**
 * Returns the archive of `count` posts, generating it first unless one with a matching manifest
 * exists. Generation writes to a temporary sibling folder and renames it into place.
 */
export function ensureArchive(count: number, options: {seed?: number; small?: boolean; log?: (line: string) => void} = {}): ArchiveInfo {
	const seed = options.seed ?? defaultSeed;
	const log = options.log ?? (() => undefined);
	const folder = archivesFolder();
	// `small`: every post 300-900 bytes (the --huge scenario's million posts), the known posts as usual.
	const name = `synthetic-${options.small ? 'small-' : ''}${count}-v${generatorVersion}`;
	const root = path.join(folder, name);
	const existing = readManifest(root);
	if (existing && existing.generatorVersion === generatorVersion && existing.seed === seed && existing.count === count) {
		return {root, manifest: existing, reused: true};
	}

	fs.mkdirSync(folder, {recursive: true});
	removeStale(folder, name);
	const started = performance.now();
	const temporary = path.join(folder, `.tmp-${name}-${process.pid}`);
	fs.rmSync(temporary, {recursive: true, force: true});
	const known: {newest: KnownPost[]; word?: KnownPost} = {newest: []};
	const folders = new Set<string>();
	const sizes: number[] = [];
	let bytes = 0;
	let files = 0;
	log(`generating ${count.toLocaleString('en-US')} posts in ${root} …`);
	for (const draft of drafts(count, seed, known, options.small)) {
		const file = path.join(temporary, draft.relPath);
		const dir = path.dirname(file);
		if (!folders.has(dir)) {
			fs.mkdirSync(dir, {recursive: true});
			folders.add(dir);
		}
		fs.writeFileSync(file, draft.text);
		const size = Buffer.byteLength(draft.text);
		sizes.push(size);
		bytes += size;
		files++;
		if (files % 20_000 === 0) log(`  ${files.toLocaleString('en-US')} of ${count.toLocaleString('en-US')}`);
	}
	sizes.sort((a, b) => a - b);
	const manifest: Manifest = {
		generatorVersion,
		seed,
		count,
		files,
		bytes,
		folders: folders.size,
		largest: sizes.at(-1) ?? 0,
		medianBytes: sizes[Math.floor(sizes.length / 2)] ?? 0,
		newest: known.newest,
		word: known.word!,
		generatedAt: new Date().toISOString(),
		generationMs: Math.round(performance.now() - started),
	};
	fs.writeFileSync(path.join(temporary, manifestName), JSON.stringify(manifest, null, '\t') + '\n');
	if (fs.existsSync(root)) {
		const old = path.join(folder, `.old-${name}-${process.pid}`);
		fs.renameSync(root, old);
		fs.rmSync(old, {recursive: true, force: true});
	}
	fs.renameSync(temporary, root);
	log(`  done: ${files.toLocaleString('en-US')} files, ${(bytes / 1e6).toFixed(0)} MB in ${folders.size} folders, ${(manifest.generationMs / 1000).toFixed(1)} s`);
	return {root, manifest, reused: false};
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const counts = process.argv.slice(2).map(Number);
	for (const count of counts.length > 0 ? counts : [7000, 10_000, 100_000]) {
		if (!Number.isInteger(count) || count < 20) throw new Error(`count must be a whole number ≥ 20, not ${count}`);
		const info = ensureArchive(count, {log: line => console.log(line)});
		console.log(`${info.reused ? 'reused' : 'generated'} ${info.root} (${info.manifest.files} files, median ${info.manifest.medianBytes} B, largest ${info.manifest.largest} B)`);
	}
}
