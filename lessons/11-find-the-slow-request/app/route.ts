// HotROD's route service: how long a driver needs to reach the customer.
import { serve } from 'tour/http';
import { initTracer, traced } from './lib/tracing';
import { work } from './lib/delay';

const tracer = initTracer('route');

/** "x,y" → [x, y] */
const point = (s: string) => s.split(',').map(Number);

serve(8083, {
  'GET /route': async (req) => {
    const [x1, y1] = point(String(req.query.pickup));
    const [x2, y2] = point(String(req.query.dropoff));
    await work(2, 0.5); // the route calculation
    const etaSeconds = Math.round(Math.hypot(x2 - x1, y2 - y1) / 2);
    return { status: 200, body: { etaSeconds } };
  },
}, traced(tracer));
