/** What of a page is never article text: scripts, styles, forms, media, ads, paywalls. */

/** Elements that are never part of an article's text. */
const boilerplateTags = new Set([
	'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'form', 'button', 'input',
	'select', 'textarea', 'nav', 'video', 'audio', 'source', 'track', 'map',
]);
// Ad slots of the archives this reader meets most, and paywall or subscription blocks.
const boilerplateId = /^(?:dfp-ad|innity|adslot|div-gpt-ad)|^dotcom-mpu$|paywall|subscribe/i;
const boilerplateClass = /dfp-|innity|adslot|self-promo|bottomArticleBanner|paywall|subscribe|(?:^|\s)(?:dotcom-ad|advertisement|ad-slot|adsbygoogle)(?:\s|$)/i;

/** An element as the boilerplate test sees it: its tag name and attributes. */
export type ElementFacts = {readonly name?: string; readonly attribs?: Readonly<Record<string, string>>};

/**
 * Whether an element is boilerplate (scripts, ads, paywalls, navigation), left out with all it
 * holds. Checked element by element (by the cleaner's formatters, by search's text extraction)
 * rather than by CSS selectors, which cost more to compile and to match.
 */
export function isBoilerplate(element: ElementFacts): boolean {
	const name = element.name ?? '';
	if (boilerplateTags.has(name)) return true;
	const attributes = element.attribs;
	if (attributes === undefined) return false;
	if (attributes.id && (boilerplateId.test(attributes.id) || (name === 'section' && attributes.id === 'imu'))) return true;
	if (attributes.class && boilerplateClass.test(attributes.class)) return true;
	if (name === 'img') return /paywall/i.test(`${attributes.src ?? ''} ${attributes['data-src'] ?? ''}`);
	if (name === 'a') return (attributes.href ?? '').includes('//subscribe.');
	return false;
}
