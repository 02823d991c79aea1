/** Saves a file the page made (chart image, CSV) through a temporary link. */
export function downloadUrl(url: string, fileName: string): void {
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
}

export function downloadText(text: string, fileName: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	downloadUrl(url, fileName);
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
