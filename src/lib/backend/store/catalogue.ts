// The services and operations jaeger-query lists. Real Jaeger's memory store remembers them for
// ever; ours lists only what live traces contain, so a learner loop inventing operation names
// cannot grow it without bound and the lists match what a search can actually find.

export interface OperationEntry {
	name: string;
	/** The span.kind tag value ('server', 'client' …), '' when the span has none. */
	spanKind: string;
}

export class Catalogue {
	private readonly byService = new Map<string, Map<string, OperationEntry>>();
	private readonly byKey = new Map<string, { service: string; entryKey: string }>();

	/** Called when the first live trace with (service, operation, kind) arrives under index key `key`. */
	added(key: string, service: string, name: string, spanKind: string): void {
		let ops = this.byService.get(service);
		if (!ops) this.byService.set(service, (ops = new Map()));
		const entryKey = name + '\u0000' + spanKind;
		ops.set(entryKey, { name, spanKind });
		this.byKey.set(key, { service, entryKey });
	}

	/** Called when the last live trace with the combination under `key` is evicted. */
	removed(key: string): void {
		const where = this.byKey.get(key);
		if (!where) return;
		this.byKey.delete(key);
		const ops = this.byService.get(where.service);
		if (!ops) return;
		ops.delete(where.entryKey);
		if (ops.size === 0) this.byService.delete(where.service);
	}

	services(): string[] {
		return [...this.byService.keys()].sort();
	}

	/** Operations of a service, sorted by name then kind; optionally only one span kind. */
	operations(service: string, spanKind?: string): OperationEntry[] {
		const ops = this.byService.get(service);
		if (!ops) return [];
		const list = [...ops.values()].filter((o) => spanKind === undefined || o.spanKind === spanKind);
		return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.spanKind < b.spanKind ? -1 : 1));
	}

	clear(): void {
		this.byService.clear();
		this.byKey.clear();
	}
}
