import { describe, expect, it } from 'vitest';
import { actualProtocol } from './request-protocol';

/** adapter-node's URL when neither ORIGIN nor a protocol header names a protocol: https. */
const GUESSED = new URL('https://10.1.2.3:3000/login');
const none = new Headers();

describe('actualProtocol (what adapter-node guessed, checked against the connection)', () => {
	it('is http for a plain connection on a fresh install (no ORIGIN, no PROTOCOL_HEADER)', () => {
		expect(actualProtocol(GUESSED, none, false, {})).toBe('http:');
	});

	it('is https for a TLS connection to this process', () => {
		expect(actualProtocol(GUESSED, none, true, {})).toBe('https:');
	});

	it('follows ORIGIN when it is set, whatever the connection', () => {
		expect(actualProtocol(GUESSED, none, false, { origin: 'https://dasbor.example.go.id' })).toBe(
			'https:'
		);
		const plain = new URL('http://127.0.0.1:3000/');
		expect(actualProtocol(plain, none, false, { origin: 'http://127.0.0.1:3000' })).toBe('http:');
	});

	it('follows the proxy’s protocol header when the request carries it', () => {
		const headers = new Headers({ 'x-forwarded-proto': 'https' });
		expect(actualProtocol(GUESSED, headers, false, { protocolHeader: 'x-forwarded-proto' })).toBe(
			'https:'
		);
	});

	it('does not trust the guess when the configured protocol header is missing (a direct request)', () => {
		expect(actualProtocol(GUESSED, none, false, { protocolHeader: 'x-forwarded-proto' })).toBe(
			'http:'
		);
	});

	it('keeps the URL’s protocol when there is no Node socket to ask (the Vite dev server)', () => {
		expect(actualProtocol(new URL('http://localhost:5173/'), none, undefined, {})).toBe('http:');
	});
});
