/**
 * A password for `npm run users`: at a terminal it is asked twice without echo; from a pipe or a
 * file it is the first line (`printf 'pw\n' |` and `printf 'pw\npw\n' |` both give `pw`).
 */
async function firstLineOfStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Typed ahead of a question (or pasted with both answers at once): kept for the next one. */
let pending = '';

/** One line from the terminal, echoing nothing; Ctrl-C or Ctrl-D gives up. */
function askHidden(prompt: string): Promise<string> {
	const stdin = process.stdin;
	process.stderr.write(prompt);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	return new Promise((resolve, reject) => {
		let typed = '';
		const done = (rest: string, error?: Error) => {
			pending = rest;
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stderr.write('\n');
			if (error) reject(error);
			else resolve(typed);
		};
		const onData = (text: string) => {
			const chars = [...text];
			for (const [i, ch] of chars.entries()) {
				const rest = chars.slice(i + 1).join('');
				if (ch === '\r' || ch === '\n') return done(rest.replace(/^\n/, ''));
				if (ch === '\u0003' || ch === '\u0004') return done('', new Error('Dibatalkan.'));
				if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
				else if (ch >= ' ') typed += ch;
			}
		};
		stdin.on('data', onData);
		stdin.resume();
		if (pending) onData(pending);
	});
}

export async function readPassword(name: string): Promise<string> {
	if (!process.stdin.isTTY) return firstLineOfStdin();
	const first = await askHidden(`Kata sandi baru untuk ${name}: `);
	const second = await askHidden('Ulangi kata sandi: ');
	if (first !== second) throw new Error('Kedua kata sandi tidak sama; tidak ada yang diubah.');
	return first;
}
