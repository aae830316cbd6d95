// Where an embed's "Open in Trace Tour" goes: the full page, carrying the files the reader has now.
import { encodeShare, sameFiles } from '$lib/course';

/** The step's full page; with a `#files/…` hash once the files differ from the step's start files. */
export function fullStepHref(chapter: string, step: string, files: Record<string, string>, start: Record<string, string>): string {
	return `/tutorial/${chapter}/${step}${sameFiles(files, start) ? '' : encodeShare(files)}`;
}

/** /playground with the files in the hash (`#code/…` for a single main.ts, else `#files/…`). */
export function fullPlaygroundHref(files: Record<string, string>, example: Record<string, string>): string {
	return `/playground${sameFiles(files, example) ? '' : encodeShare(files)}`;
}
