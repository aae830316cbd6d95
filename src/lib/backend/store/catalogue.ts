// The services and operations jaeger-query lists. Real Jaeger's memory store remembers them for
// ever; ours lists only what live traces contain, so a learner loop inventing operation names
// cannot grow it without bound and the lists match what a search can actually find. Entries are
// keyed by the postings list that counts their live traces: created with it, dropped with it.
import type { Posting } from './postings';

export interface OperationEntry {
	name: string;
	/** The span.kind tag value ('server', 'client' …), '' when the span has none. */
	spanKind: string;
}

export class Catalogue {
	private readonly byService = new Map<string, Map<Posting, OperationEntry>>();

	added(posting: Posting, service: string, name: string, spanKind: string): void {
		let ops = this.byService.get(service);
		if (!ops) this.byService.set(service, (ops = new Map()));
		ops.set(posting, { name, spanKind });
	}

	removed(posting: Posting, service: string): void {
		const ops = this.byService.get(service);
		if (!ops) return;
		ops.delete(posting);
		if (ops.size === 0) this.byService.delete(service);
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
	}
}
