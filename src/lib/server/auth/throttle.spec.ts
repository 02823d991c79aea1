import { describe, expect, it } from 'vitest';
import { KnownBrowsers, LoginThrottle } from './throttle';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A throttle on a clock the test moves by hand. */
function throttleAt(start = 1_800_000_000_000) {
	let now = start;
	const throttle = new LoginThrottle(() => now);
	return {
		throttle,
		advance(ms: number) {
			now += ms;
		}
	};
}

function failTimes(throttle: LoginThrottle, name: string, times: number) {
	for (let i = 0; i < times; i++) throttle.fail(name);
}

describe('LoginThrottle', () => {
	it('lets an account fail 5 times without waiting', () => {
		const { throttle } = throttleAt();
		for (let i = 0; i < 4; i++) {
			throttle.fail('analis');
			expect(throttle.waitFor('analis')).toBe(0);
		}
		throttle.fail('analis');
		expect(throttle.waitFor('analis')).toBeGreaterThan(0);
	});

	it('makes the account wait 30 s after the 5th failure, and doubles the wait with each further failure', () => {
		const { throttle, advance } = throttleAt();
		failTimes(throttle, 'analis', 5);
		expect(throttle.waitFor('analis')).toBe(30 * SECOND);
		const waits: number[] = [];
		for (let i = 0; i < 4; i++) {
			advance(throttle.waitFor('analis'));
			expect(throttle.waitFor('analis')).toBe(0);
			throttle.fail('analis');
			waits.push(throttle.waitFor('analis'));
		}
		expect(waits).toEqual([60 * SECOND, 120 * SECOND, 240 * SECOND, 480 * SECOND]);
	});

	it('never makes an account wait longer than 15 minutes', () => {
		const { throttle } = throttleAt();
		failTimes(throttle, 'analis', 40);
		expect(throttle.waitFor('analis')).toBe(15 * MINUTE);
	});

	it('counts the wait down as time passes', () => {
		const { throttle, advance } = throttleAt();
		failTimes(throttle, 'analis', 5);
		advance(10 * SECOND);
		expect(throttle.waitFor('analis')).toBe(20 * SECOND);
		advance(20 * SECOND);
		expect(throttle.waitFor('analis')).toBe(0);
	});

	it('forgets the failures after a successful login', () => {
		const { throttle, advance } = throttleAt();
		failTimes(throttle, 'analis', 5);
		advance(30 * SECOND);
		throttle.succeed('analis');
		failTimes(throttle, 'analis', 4);
		expect(throttle.waitFor('analis')).toBe(0);
	});

	it('forgets the failures once 15 minutes pass without another one', () => {
		const { throttle, advance } = throttleAt();
		failTimes(throttle, 'analis', 5);
		advance(15 * MINUTE + 1);
		expect(throttle.waitFor('analis')).toBe(0);
		failTimes(throttle, 'analis', 4);
		expect(throttle.waitFor('analis')).toBe(0);
	});

	it('restarts the count when a failure comes more than 15 minutes after the previous one', () => {
		const { throttle, advance } = throttleAt();
		failTimes(throttle, 'analis', 4);
		advance(15 * MINUTE + 1);
		throttle.fail('analis');
		expect(throttle.waitFor('analis')).toBe(0);
	});

	it('still counts failures spread inside the window', () => {
		const { throttle, advance } = throttleAt();
		for (let i = 0; i < 4; i++) {
			throttle.fail('analis');
			advance(3 * MINUTE);
		}
		throttle.fail('analis');
		advance(2 * SECOND);
		expect(throttle.waitFor('analis')).toBe(28 * SECOND);
	});

	it('throttles per account name, ignoring letter case, and leaves other accounts alone', () => {
		const { throttle } = throttleAt();
		failTimes(throttle, 'Analis', 3);
		failTimes(throttle, 'ANALIS', 2);
		expect(throttle.waitFor('analis')).toBe(30 * SECOND);
		expect(throttle.waitFor('admin')).toBe(0);
	});
});

describe('LoginThrottle.attempt (counted before the password is checked)', () => {
	it('lets 5 of 30 attempts started at once through to the check, and makes the rest wait', () => {
		const { throttle } = throttleAt();
		const started = Array.from({ length: 30 }, () => throttle.attempt('analis\n10.0.0.9'));
		expect(started.filter((wait) => wait === 0)).toHaveLength(5);
		expect(started.slice(5).every((wait) => wait === 30 * SECOND)).toBe(true);
	});

	it('forgets the counted attempt when it succeeds', () => {
		const { throttle } = throttleAt();
		for (let i = 0; i < 4; i++) throttle.attempt('analis\n10.0.0.9');
		expect(throttle.attempt('analis\n10.0.0.9')).toBe(0);
		throttle.succeed('analis\n10.0.0.9');
		for (let i = 0; i < 5; i++) expect(throttle.attempt('analis\n10.0.0.9')).toBe(0);
	});

	it('keeps keys apart: failures from one address do not make another wait', () => {
		const { throttle } = throttleAt();
		for (let i = 0; i < 10; i++) throttle.attempt('analis\n10.0.0.66');
		expect(throttle.waitFor('analis\n10.0.0.66')).toBeGreaterThan(0);
		expect(throttle.attempt('analis\n10.0.0.9')).toBe(0);
	});
});

describe('KnownBrowsers', () => {
	it('knows a browser only for the accounts it logged in to, ignoring letter case', () => {
		const browsers = new KnownBrowsers();
		browsers.remember('hash-a', 'Analis');
		expect(browsers.knows('hash-a', 'analis')).toBe(true);
		expect(browsers.knows('hash-a', 'admin')).toBe(false);
		expect(browsers.knows('hash-b', 'analis')).toBe(false);
		browsers.remember('hash-a', 'admin');
		expect(browsers.knows('hash-a', 'admin')).toBe(true);
		expect(browsers.knows('hash-a', 'analis')).toBe(true);
	});
});
