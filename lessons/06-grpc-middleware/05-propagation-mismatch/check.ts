import { defineCheck } from '$lib/checks';
import { edgeChecks } from '../edge';

export default defineCheck((run) => edgeChecks(run));
