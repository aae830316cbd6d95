// The project as a zip, built in memory (fflate: no network, no worker), every file under one folder.
import { strToU8, zipSync, type Zippable } from 'fflate';

/** A fixed date keeps the zip's bytes the same for the same files (the format has no time zone). */
const MTIME = new Date('2020-01-01T00:00:00');

export function zipProject(folder: string, files: Record<string, string>): Uint8Array {
	const tree: Zippable = {};
	for (const [path, text] of Object.entries(files)) tree[`${folder}/${path}`] = [strToU8(text), { mtime: MTIME }];
	return zipSync(tree, { level: 6 });
}
