// The output panels' module, one dynamic import further away. SvelteKit puts the CSS of a page's
// direct dynamic imports into the page's own (inlined) styles; the trace view's 17 KB of rules then
// took part in the lesson's first layout (50–130 ms on a fresh renderer) for panels not yet shown.
// Two hops away, the CSS comes with the chunk when the panels load (Vite adds it before they render).
export const loadOutputPanels = () => import('./OutputPanels.svelte');
