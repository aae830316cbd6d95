// The run's service graph as Jaeger's Dependencies view draws it: one call per span whose
// dependency parent (first same-trace CHILD_OF, else same-trace FOLLOWS_FROM) is in another
// service — the rule of the memory store and of the spark-dependencies job alike. A reference to a
// span in another trace draws nothing.
import { dependencyLinks, type DependencyLink } from '$lib/model';
import type { RunOutput } from './types';

/** Every parent → child service edge of the run's traces, with its call count. */
export function dependencyEdges(run: RunOutput): DependencyLink[] {
	return dependencyLinks(run.traces);
}

/** Calls from `parent` to `child` in the run's dependencies (0: no edge). */
export function callsBetween(run: RunOutput, parent: string, child: string): number {
	return dependencyEdges(run).find((l) => l.parent === parent && l.child === child)?.callCount ?? 0;
}
