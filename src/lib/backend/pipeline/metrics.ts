// The names Jaeger exposes on /metrics for each loss point (Prometheus form, as in Jaeger's
// performance-tuning and troubleshooting pages), so the Backend panel teaches the names a learner
// will grep for in Grafana. One place, so the panel, the README and the lesson text agree.
export const METRICS = {
	reporter: {
		/** client spans by outcome: ok, dropped (queue full / too large), err (send failed) */
		spans: 'jaeger_tracer_reporter_spans_total',
		queueLength: 'jaeger_tracer_reporter_queue_length',
		/** what Thrift clients tell the agent about their own drops */
		clientDropped: 'jaeger_agent_client_stats_spans_dropped_total'
	},
	agent: {
		packetsProcessed: 'jaeger_agent_thrift_udp_server_packets_processed_total',
		packetsDropped: 'jaeger_agent_thrift_udp_server_packets_dropped_total',
		queueSize: 'jaeger_agent_thrift_udp_server_queue_size',
		readErrors: 'jaeger_agent_thrift_udp_server_read_errors_total',
		/** batches the agent could not hand to the collector */
		reporterFailures: 'jaeger_agent_reporter_batches_failures_total'
	},
	collector: {
		received: 'jaeger_collector_spans_received_total',
		dropped: 'jaeger_collector_spans_dropped_total',
		queueLength: 'jaeger_collector_queue_length',
		rejected: 'jaeger_collector_spans_rejected_total',
		saved: 'jaeger_collector_spans_saved_by_svc_total'
	},
	kafka: {
		written: 'jaeger_kafka_spans_written_total',
		consumed: 'jaeger_ingester_messages_total'
	},
	storage: {
		/** failed writes: the collector's saved-by-service counter with result="err" */
		failed: 'jaeger_collector_spans_saved_by_svc_total{result="err"}'
	},
	query: {
		requests: 'jaeger_query_requests_total'
	}
} as const;
