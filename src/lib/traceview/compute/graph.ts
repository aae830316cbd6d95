// Graph inputs and layout. The trace graph folds spans into nodes (see TraceGraphGrouping) with a
// count and total time, and an edge per parent → child node pair with how many spans made it.
// The dependency graph has one node per service and the call counts of jaeger-query's /dependencies.
// Layout is @dagrejs/dagre (top to bottom), run here so components only draw the result.
import { plural } from '$lib/words';
import dagre from '@dagrejs/dagre';
import type { DependencyLink } from '$lib/model';
import type { PreparedTrace } from './prepare';
import { formatDuration } from './format';

export interface GraphNode {
	id: string;
	label: string;
	sub: string;
	/** colour index (service) */
	service: number;
	error: boolean;
}
export interface GraphEdge {
	from: string;
	to: string;
	label: string;
	count: number;
}
export interface PlacedNode extends GraphNode {
	x: number;
	y: number;
	width: number;
	height: number;
}
export interface PlacedEdge extends GraphEdge {
	points: { x: number; y: number }[];
	labelX: number;
	labelY: number;
}
export interface GraphLayout {
	nodes: PlacedNode[];
	edges: PlacedEdge[];
	width: number;
	height: number;
}

/**
 * How spans become nodes. 'path' (Jaeger UI's trace graph): spans with the same service and operation
 * under the same parent node are one node, so the graph is the call tree with repeats folded — always
 * a DAG. 'operation': one node per service and operation anywhere in the trace — far fewer nodes in a
 * big trace, but recursion shows as a loop.
 */
export type TraceGraphGrouping = 'path' | 'operation';

export function traceGraph(p: PreparedTrace, grouping: TraceGraphGrouping = 'path'): { nodes: GraphNode[]; edges: GraphEdge[] } {
	const nodes = new Map<string, GraphNode & { count: number; total: number }>();
	const edges = new Map<string, GraphEdge>();
	// the node each span went into (pre-order visits a parent before its children)
	const nodeOf: string[] = new Array(p.tree.size);
	for (let k = 0; k < p.tree.size; k++) {
		const i = p.tree.order[k];
		const up = p.tree.parent[i];
		const here = `${p.serviceOf[i]}\u0000${p.trace.spans[i].operationName}`;
		const id = grouping === 'path' && up >= 0 ? `${nodeOf[up]}\u0002${here}` : grouping === 'path' ? `root\u0002${here}` : here;
		nodeOf[i] = id;
		let n = nodes.get(id);
		if (!n) {
			n = { id, label: p.services[p.serviceOf[i]], sub: p.trace.spans[i].operationName, service: p.serviceOf[i], error: false, count: 0, total: 0 };
			nodes.set(id, n);
		}
		n.count++;
		n.total += p.trace.spans[i].duration;
		if (p.error[i]) n.error = true;
		if (up >= 0) {
			const from = nodeOf[up];
			const ek = `${from}\u0001${id}`;
			const e = edges.get(ek);
			if (e) e.label = String(++e.count);
			else edges.set(ek, { from, to: id, count: 1, label: '1' });
		}
	}
	return {
		nodes: [...nodes.values()].map(({ count, total, ...n }) => ({ ...n, sub: `${n.sub} ×${count} · ${formatDuration(total)}` })),
		edges: [...edges.values()]
	};
}

export function dependencyGraph(links: DependencyLink[], services: string[] = []): { nodes: GraphNode[]; edges: GraphEdge[] } {
	const names = [...services];
	const seen = new Set(names);
	for (const l of links)
		for (const s of [l.parent, l.child])
			if (!seen.has(s)) {
				seen.add(s);
				names.push(s);
			}
	return {
		nodes: names.map((s, k) => ({ id: s, label: s, sub: '', service: k, error: false })),
		edges: links.map((l) => ({ from: l.parent, to: l.child, count: l.callCount, label: plural(l.callCount, 'call') }))
	};
}

/** Node sizes are estimated from label length (7 px per character at 12 px monospace-ish text). */
export function layoutGraph(nodes: GraphNode[], edges: GraphEdge[], charWidth = 7): GraphLayout {
	const g = new dagre.graphlib.Graph({ multigraph: false });
	g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 48, marginx: 12, marginy: 12 });
	g.setDefaultEdgeLabel(() => ({}));
	for (const n of nodes) {
		const width = Math.max(60, Math.max(n.label.length, n.sub.length) * charWidth + 20);
		g.setNode(n.id, { width, height: n.sub ? 44 : 30 });
	}
	for (const e of edges) if (e.from !== e.to) g.setEdge(e.from, e.to, { width: e.label.length * charWidth, height: 14, labelpos: 'c' });
	dagre.layout(g);
	const placed: PlacedNode[] = nodes.map((n) => {
		const v = g.node(n.id) as { x: number; y: number; width: number; height: number };
		return { ...n, x: v.x, y: v.y, width: v.width, height: v.height };
	});
	const placedEdges: PlacedEdge[] = edges
		.filter((e) => e.from !== e.to)
		.map((e) => {
			const v = g.edge(e.from, e.to) as { points: { x: number; y: number }[]; x?: number; y?: number };
			const mid = v.points[Math.floor(v.points.length / 2)] ?? { x: 0, y: 0 };
			return { ...e, points: v.points, labelX: v.x ?? mid.x, labelY: v.y ?? mid.y };
		});
	const graph = g.graph() as { width?: number; height?: number };
	return { nodes: placed, edges: placedEdges, width: graph.width ?? 0, height: graph.height ?? 0 };
}

/** An SVG path through dagre's edge points. */
export function edgePath(points: { x: number; y: number }[]): string {
	return points.map((q, k) => `${k ? 'L' : 'M'}${q.x.toFixed(1)},${q.y.toFixed(1)}`).join(' ');
}
