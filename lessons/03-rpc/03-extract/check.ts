import { defineCheck } from '$lib/checks';
import { oneTraceAcrossServices } from '../shape';

export default defineCheck((run) => oneTraceAcrossServices(run, `Hello, ${run.args[0] ?? 'Bryan'}!`));
