/** Milliseconds since the previous lap (or the start), rounded: for per-step timings in logs. */
export function stopwatch(): () => number {
	let mark = performance.now();
	return () => {
		const now = performance.now();
		const ms = Math.round(now - mark);
		mark = now;
		return ms;
	};
}
