// Saved progress that cannot be read is never thrown away: every such text is kept under its own
// dated key, never overwritten, so a later version of the site (or a person) can still recover it.

/** The part of the Web Storage API the progress store uses; `length`/`key` let it list backups. */
export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
	readonly length?: number;
	key?(index: number): string | null;
}

/** The one backup older versions kept (and overwrote): still listed, as an undated backup. */
export const BACKUP_KEY = 'trace-tour:progress:unreadable';
/** `trace-tour:progress:unreadable:<ISO date>`, one key per text set aside */
export const BACKUP_PREFIX = `${BACKUP_KEY}:`;

export interface ProgressBackup {
	key: string;
	/** when it was set aside (ISO); null for the old undated backup */
	date: string | null;
	text: string;
}

export const isBackupKey = (key: string) => key === BACKUP_KEY || key.startsWith(BACKUP_PREFIX);

function keysOf(storage: KeyValueStorage): string[] {
	if (typeof storage.length !== 'number' || !storage.key) return [BACKUP_KEY];
	const keys: string[] = [];
	for (let i = 0; i < storage.length; i++) {
		const k = storage.key(i);
		if (k !== null) keys.push(k);
	}
	return keys;
}

/** Every backup, newest first; the undated one last. */
export function listBackups(storage: KeyValueStorage | null): ProgressBackup[] {
	if (!storage) return [];
	const out: ProgressBackup[] = [];
	try {
		for (const key of keysOf(storage).filter(isBackupKey)) {
			const text = storage.getItem(key);
			if (text !== null) out.push({ key, date: key === BACKUP_KEY ? null : key.slice(BACKUP_PREFIX.length, BACKUP_PREFIX.length + 24), text });
		}
	} catch {
		/* storage went away: nothing to list */
	}
	return out.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.key.localeCompare(a.key));
}

/** Keeps `text` under a new dated key (unless the same text is kept already); returns its key, or null when it could not be written. */
export function setAside(storage: KeyValueStorage, text: string, now: number): string | null {
	const kept = listBackups(storage).find((b) => b.text === text);
	if (kept) return kept.key;
	const stamp = new Date(now).toISOString();
	let key = BACKUP_PREFIX + stamp;
	try {
		for (let n = 2; storage.getItem(key) !== null; n++) key = `${BACKUP_PREFIX}${stamp}-${n}`;
		storage.setItem(key, text);
		return key;
	} catch {
		return null;
	}
}
