import { defineCheck, printed, spanReported, text } from '$lib/checks';
import { destination, producerKind, publishCarriesContext, PUBLISH, QUEUE } from '../shape';

export default defineCheck((run) => [
	printed(run, 'kitchen', `cooking ${run.args[0] ?? 'ramen'}`, text('The kitchen should still cook the order it takes off the queue.', '厨房应该照常烹制它从队列里取出的订单。')),
	spanReported(run, PUBLISH, text('Keep the publish-order span, and finish it after sending.', '保留 publish-order span，并在发送之后结束它。')),
	producerKind(run),
	destination(run, PUBLISH, QUEUE, 'rabbitmq'),
	publishCarriesContext(run)
]);
