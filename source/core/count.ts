/**
 * Counts written with thousands separators ("12,345"). Number#toLocaleString does the same, but
 * its first call loads the locale data (over 10 ms), and the count is on the first frame.
 */

/** A whole number with a comma every three digits, as en-US writes it. */
export function formatCount(count: number): string {
	const digits = String(Math.trunc(count));
	return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}
