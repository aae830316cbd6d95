/** A diagnostic to show in the editor at a learner's file:line:col (1-based, as Monaco counts). */
export interface EditorMarker {
	file: string;
	line: number;
	column: number;
	endLine?: number;
	endColumn?: number;
	message: string;
	severity: 'error' | 'warning';
}
