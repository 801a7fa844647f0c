/** Post fixtures built in code for UI tests, and fakes for the App's side-effect props. */
import type {Article, Post} from '../../source/core/types.js';

const day = 24 * 60 * 60 * 1000;
/** 2024-11-20 12:00 local time: the newest fixture post. */
export const newest = new Date(2024, 10, 20, 12, 0).getTime();

/** One post; every field can be overridden. */
export function makePost(overrides: Partial<Post> = {}): Post {
	return {
		path: `/archive/${overrides.title ?? 'post'}.md`,
		title: 'A post',
		date: newest,
		hasTime: true,
		categories: [],
		tags: [],
		link: 'https://example.com/post',
		author: undefined,
		warnings: [],
		size: 100,
		mtimeMs: 0,
		...overrides,
	};
}

/**
 * `count` posts, newest first, titled "Post 1", "Post 2", …, two a day (12:00 and 06:00),
 * links https://example.com/1 …; categories cycle through `categories` when given.
 */
export function makePosts(count: number, categories: readonly string[] = []): Post[] {
	const posts: Post[] = [];
	for (let index = 0; index < count; index++) {
		const number = index + 1;
		posts.push({
			path: `/archive/post-${number}.md`,
			title: `Post ${number}`,
			date: newest - Math.floor(index / 2) * day - (index % 2) * 6 * 60 * 60 * 1000,
			hasTime: true,
			categories: categories.length > 0 ? [categories[index % categories.length]!] : [],
			tags: [],
			link: `https://example.com/${number}`,
			author: undefined,
			warnings: [],
			size: 100,
			mtimeMs: 0,
		});
	}
	return posts;
}

/** A loadArticle that returns `lines` numbered lines: "<title>", then "<title> line 2", … */
export function fakeLoadArticle(lines = 100): (post: Post, width: number) => Article {
	return post => ({
		lines: Array.from({length: lines}, (_, index) =>
			index === 0 ? {text: post.title, style: 'title' as const} : {text: `${post.title} line ${index + 1}`},
		),
		links: [],
	});
}

/** A spy for onOpenLink: records the URLs and resolves with "Opened <url>". */
export function openLinkSpy(): {calls: string[]; onOpenLink: (url: string) => Promise<string>} {
	const calls: string[] = [];
	return {
		calls,
		async onOpenLink(url) {
			calls.push(url);
			return `Opened ${url}`;
		},
	};
}

/** Lets ink handle written input and render. */
export async function tick(ms = 20): Promise<void> {
	await new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}
