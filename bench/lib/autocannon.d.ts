/** The part of autocannon 9's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
	interface Options {
		url: string;
		connections: number;
		duration: number;
		requests?: { method: 'GET'; path: string }[];
		timeout?: number;
	}
	interface Histogram {
		average: number;
		mean: number;
		p50: number;
		p90: number;
		p99: number;
		max: number;
		total: number;
	}
	interface Result {
		requests: Histogram & { sent: number };
		latency: Histogram;
		throughput: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
		duration: number;
		statusCodeStats?: Record<string, { count: number }>;
		errorCodes?: Record<string, number>;
	}
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
