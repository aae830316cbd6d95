// The tracing systems the course's reading page compares, in both of the course's languages. Facts
// as of August 2026, each entry with the sources it was checked against; `corrects` names what the
// comparison table that circulates in Chinese overview articles gets wrong or leaves out of date.
import type { Locale } from '../types';

type Words = Record<Locale, string>;

export interface Source {
	label: string;
	url: string;
}

export interface TracingSystemSource {
	id: string;
	name: string;
	/** a running system with a backend, or an API/standard that other systems implement */
	kind: 'system' | 'standard';
	origin: Words;
	language: Words;
	instrumentation: Words;
	storage: Words;
	status: Words;
	corrects?: Words;
	sources: Source[];
}

/** One system as a page in one language shows it. */
export interface TracingSystem {
	id: string;
	name: string;
	kind: 'system' | 'standard';
	origin: string;
	language: string;
	instrumentation: string;
	storage: string;
	status: string;
	corrects?: string;
	sources: Source[];
}

export const TRACING_SYSTEMS: TracingSystemSource[] = [
	{
		id: 'dapper',
		name: 'Dapper',
		kind: 'system',
		origin: { en: "Google's in-house tracing system, described in a 2010 technical report by Sigelman et al.", 'zh-CN': 'Google 内部的追踪系统，由 Sigelman 等人在 2010 年的一份技术报告中描述。' },
		language: { en: 'C++ and Java inside Google (per the paper).', 'zh-CN': 'Google 内部的 C++ 和 Java（据论文所述）。' },
		instrumentation: {
			en: 'Built into a few shared libraries — RPC, threading, control flow — so applications are traced without changing their code; sampling keeps the overhead low.',
			'zh-CN': '内置在少数几个公共库里——RPC、线程、控制流——所以应用不改代码就能被追踪；靠采样把开销压低。'
		},
		storage: { en: 'Spans written to local log files, collected by daemons into Bigtable, one row per trace.', 'zh-CN': 'span 先写入本机日志文件，再由守护进程收集进 Bigtable，每条 trace 一行。' },
		status: {
			en: 'Never open-sourced. Its paper is the model Zipkin, Jaeger, Appdash and Pinpoint followed.',
			'zh-CN': '从未开源。它的论文是 Zipkin、Jaeger、Appdash 和 Pinpoint 效仿的模型。'
		},
		sources: [{ label: 'Dapper paper (Google Research, 2010)', url: 'http://research.google.com/pubs/pub36356.html' }]
	},
	{
		id: 'zipkin',
		name: 'Zipkin',
		kind: 'system',
		origin: { en: 'Created at Twitter and open-sourced in 2012; now maintained by the OpenZipkin community.', 'zh-CN': '诞生于 Twitter，2012 年开源；现在由 OpenZipkin 社区维护。' },
		language: { en: 'The first server was written in Scala; today\'s server is Java (Spring Boot).', 'zh-CN': '最早的服务端用 Scala 编写；如今的服务端是 Java（Spring Boot）。' },
		instrumentation: {
			en: 'Tracer libraries in the application — Brave for Java, and others — propagating context in B3 headers.',
			'zh-CN': '应用里的追踪库——Java 用 Brave，以及其他语言的库——用 B3 请求头传播上下文。'
		},
		storage: { en: 'In-memory, MySQL, Cassandra or Elasticsearch; a Spark job (zipkin-dependencies) builds the dependency links.', 'zh-CN': '内存、MySQL、Cassandra 或 Elasticsearch；一个 Spark 作业（zipkin-dependencies）生成依赖关系。' },
		status: { en: 'Active.', 'zh-CN': '仍在活跃开发。' },
		corrects: {
			en: 'It speaks its own Zipkin model, not OpenTracing: OpenTracing bridges were separate libraries.',
			'zh-CN': '它说的是自己的 Zipkin 模型，而不是 OpenTracing：OpenTracing 桥接是单独的库。'
		},
		sources: [
			{ label: 'openzipkin/zipkin', url: 'https://github.com/openzipkin/zipkin' },
			{ label: 'B3 propagation', url: 'https://github.com/openzipkin/b3-propagation' }
		]
	},
	{
		id: 'jaeger',
		name: 'Jaeger',
		kind: 'system',
		origin: {
			en: 'Built at Uber (used internally from 2015), open-sourced in 2017; a CNCF project since September 2017, graduated in 2019.',
			'zh-CN': '由 Uber 打造（2015 年起内部使用），2017 年开源；2017 年 9 月加入 CNCF，2019 年毕业。'
		},
		language: { en: 'Backend in Go; UI in React/TypeScript.', 'zh-CN': '后端用 Go；界面用 React/TypeScript。' },
		instrumentation: {
			en: 'Originally its own OpenTracing clients (deprecated in 2022); now the OpenTelemetry SDKs, sending OTLP.',
			'zh-CN': '最初是它自己的 OpenTracing 客户端（2022 年弃用）；现在用 OpenTelemetry SDK，发送 OTLP。'
		},
		storage: {
			en: 'Elasticsearch/OpenSearch, Cassandra, Badger, ClickHouse (v2), in-memory, or a remote gRPC store; Kafka only as a buffer in front of storage.',
			'zh-CN': 'Elasticsearch/OpenSearch、Cassandra、Badger、ClickHouse（v2）、内存，或远程 gRPC 存储；Kafka 只是存储前的缓冲。'
		},
		status: {
			en: 'Active. Jaeger v2 (November 2024) is built on the OpenTelemetry Collector; v1 reached end of life on 31 December 2025.',
			'zh-CN': '仍在活跃开发。Jaeger v2（2024 年 11 月）构建在 OpenTelemetry Collector 之上；v1 已于 2025 年 12 月 31 日停止维护。'
		},
		corrects: {
			en: 'Kafka is not one of its storage back ends: it is a buffer, read by jaeger-ingester.',
			'zh-CN': 'Kafka 不是它的存储后端之一：它只是缓冲，由 jaeger-ingester 读取。'
		},
		sources: [
			{ label: 'Jaeger documentation', url: 'https://www.jaegertracing.io/docs/' },
			{ label: 'CNCF: Jaeger joins (2017)', url: 'https://www.cncf.io/blog/2017/09/13/cncf-hosts-jaeger/' },
			{ label: 'jaegertracing/jaeger', url: 'https://github.com/jaegertracing/jaeger' }
		]
	},
	{
		id: 'skywalking',
		name: 'Apache SkyWalking',
		kind: 'system',
		origin: {
			en: 'Started by Wu Sheng, later an Apache Software Foundation project. (Early READMEs list him at Huawei, which is where "Huawei" in some tables comes from.)',
			'zh-CN': '由吴晟发起，后来成为 Apache 软件基金会的项目。（早期 README 里写着他当时在华为，一些表格里的“华为”由此而来。）'
		},
		language: { en: 'OAP server in Java.', 'zh-CN': 'OAP 服务端用 Java。' },
		instrumentation: {
			en: 'Mostly automatic: agents for Java, .NET Core, Node.js, PHP and Python, SDKs for Go and C++, a Lua agent for Nginx; it also takes in Zipkin, Jaeger and OpenTelemetry data.',
			'zh-CN': '以自动为主：Java、.NET Core、Node.js、PHP 和 Python 的探针，Go 和 C++ 的 SDK，Nginx 的 Lua 探针；也能接收 Zipkin、Jaeger 和 OpenTelemetry 的数据。'
		},
		storage: {
			en: 'BanyanDB (the default in recent versions), MySQL/PostgreSQL, Elasticsearch/OpenSearch; H2 was removed in 10.2.0.',
			'zh-CN': 'BanyanDB（新版本的默认）、MySQL/PostgreSQL、Elasticsearch/OpenSearch；H2 在 10.2.0 中被移除。'
		},
		status: { en: 'Active.', 'zh-CN': '仍在活跃开发。' },
		corrects: {
			en: 'Not a Huawei product. Its own protocol is not OpenTracing; only SkyWalking 3 offered an OpenTracing tracer for manual spans.',
			'zh-CN': '不是华为的产品。它自己的协议也不是 OpenTracing；只有 SkyWalking 3 提供过一个用于手动 span 的 OpenTracing tracer。'
		},
		sources: [
			{ label: 'apache/skywalking', url: 'https://github.com/apache/skywalking' },
			{ label: 'SkyWalking backend storage', url: 'https://skywalking.apache.org/docs/main/latest/en/setup/backend/backend-storage/' }
		]
	},
	{
		id: 'pinpoint',
		name: 'Pinpoint',
		kind: 'system',
		origin: { en: 'NAVER; the repository moved from naver/pinpoint to pinpoint-apm/pinpoint. Modelled on Dapper.', 'zh-CN': 'NAVER；仓库从 naver/pinpoint 迁到了 pinpoint-apm/pinpoint。以 Dapper 为模型。' },
		language: { en: 'Java.', 'zh-CN': 'Java 语言。' },
		instrumentation: {
			en: 'A bytecode-instrumenting agent (-javaagent): no code changes, with an overhead its docs put at about 3%.',
			'zh-CN': '一个做字节码插桩的探针（-javaagent）：不用改代码，文档给出的开销约为 3%。'
		},
		storage: { en: 'HBase, behind the Pinpoint Collector and Web.', 'zh-CN': 'HBase，前面是 Pinpoint Collector 和 Web。' },
		status: { en: 'Active.', 'zh-CN': '仍在活跃开发。' },
		sources: [
			{ label: 'pinpoint-apm/pinpoint', url: 'https://github.com/pinpoint-apm/pinpoint' },
			{ label: 'Pinpoint installation (1.8.4)', url: 'https://pinpoint-apm.github.io/pinpoint/1.8.4/installation.html' }
		]
	},
	{
		id: 'cat',
		name: 'CAT',
		kind: 'system',
		origin: { en: 'Dianping, now Meituan-Dianping.', 'zh-CN': '大众点评，现为美团点评。' },
		language: { en: 'Java server; clients for Java, C/C++, Node.js, Python and Go.', 'zh-CN': 'Java 服务端；客户端支持 Java、C/C++、Node.js、Python 和 Go。' },
		instrumentation: {
			en: 'Explicit API calls (intrusive), usually built into a company\'s own frameworks; its model is Transaction, Event, Heartbeat and Metric.',
			'zh-CN': '显式调用 API（侵入式），通常集成进公司自己的框架；它的模型是 Transaction、Event、Heartbeat 和 Metric。'
		},
		storage: {
			en: 'Message trees ("logview") in local files or HDFS; MySQL for configuration and reports. Reports are real-time, by the minute; metrics are aggregated on the client, traces sampled.',
			'zh-CN': '消息树（logview）存在本地文件或 HDFS；配置和报表用 MySQL。报表实时、按分钟生成；指标在客户端聚合，trace 做采样。'
		},
		status: { en: 'Open source on GitHub (dianping/cat).', 'zh-CN': '在 GitHub 上开源（dianping/cat）。' },
		sources: [{ label: 'dianping/cat', url: 'https://github.com/dianping/cat' }]
	},
	{
		id: 'appdash',
		name: 'Appdash',
		kind: 'system',
		origin: { en: 'Sourcegraph, "based on Google\'s Dapper and Twitter\'s Zipkin".', 'zh-CN': 'Sourcegraph，“基于 Google 的 Dapper 和 Twitter 的 Zipkin”。' },
		language: { en: 'Go; clients in Go, Python and Ruby.', 'zh-CN': 'Go；客户端有 Go、Python 和 Ruby。' },
		instrumentation: { en: 'Its own recorder API, plus an OpenTracing implementation.', 'zh-CN': '它自己的 recorder API，外加一个 OpenTracing 实现。' },
		storage: {
			en: 'In-process stores only (memory, a persisted file, recent/limited views) — no distributed storage, which is why it does not suit large deployments.',
			'zh-CN': '只有进程内存储（内存、持久化到文件、最近/限量视图）——没有分布式存储，这正是它不适合大规模部署的原因。'
		},
		status: { en: 'Unmaintained: the last commit is from October 2021.', 'zh-CN': '已无人维护：最后一次提交是在 2021 年 10 月。' },
		sources: [{ label: 'sourcegraph/appdash', url: 'https://github.com/sourcegraph/appdash' }]
	},
	{
		id: 'opentracing',
		name: 'OpenTracing',
		kind: 'standard',
		origin: { en: 'A vendor-neutral tracing API; CNCF\'s third project, from October 2016.', 'zh-CN': '一套与厂商无关的追踪 API；2016 年 10 月起成为 CNCF 的第三个项目。' },
		language: { en: 'API libraries for Go, Java, JavaScript, Python and more — the ones this course uses.', 'zh-CN': 'Go、Java、JavaScript、Python 等语言的 API 库——也就是本课程使用的那些。' },
		instrumentation: {
			en: 'An API only: your code and contrib libraries call it, and a tracer (Jaeger\'s, for example) does the work.',
			'zh-CN': '只是一套 API：你的代码和 contrib 库调用它，由某个 tracer（比如 Jaeger 的）干活。'
		},
		storage: { en: 'None of its own: whatever backend the tracer reports to.', 'zh-CN': '自己没有存储：tracer 上报到哪个后端就是哪个。' },
		status: {
			en: 'Archived by the CNCF on 31 January 2022. OpenTelemetry\'s OpenTracing compatibility was deprecated in March 2026.',
			'zh-CN': '2022 年 1 月 31 日被 CNCF 归档。OpenTelemetry 对 OpenTracing 的兼容在 2026 年 3 月被标为弃用。'
		},
		corrects: {
			en: '"OpenTracing compatible" was a useful column in 2019. Today the column that matters is "takes OTLP".',
			'zh-CN': '“兼容 OpenTracing”这一列在 2019 年有用。如今要看的是“能否接收 OTLP”。'
		},
		sources: [
			{ label: 'CNCF archives OpenTracing (2022)', url: 'https://www.cncf.io/blog/2022/01/31/cncf-archives-the-opentracing-project/' },
			{ label: 'OpenTracing specification', url: 'https://github.com/opentracing/specification' },
			{ label: 'OpenTelemetry: OpenTracing compatibility', url: 'https://github.com/open-telemetry/opentelemetry-specification/blob/main/specification/compatibility/opentracing.md' }
		]
	},
	{
		id: 'opencensus',
		name: 'OpenCensus',
		kind: 'standard',
		origin: { en: 'Started at Google: libraries for traces and metrics together, with exporters to many backends.', 'zh-CN': '始于 Google：同时处理 trace 和指标的库，带有通往多种后端的导出器。' },
		language: { en: 'Go, Java, C++, Python, Node.js, and more.', 'zh-CN': 'Go、Java、C++、Python、Node.js 等。' },
		instrumentation: {
			en: 'Libraries and framework integrations in the application; an agent and collector (the OpenCensus Service) to forward data.',
			'zh-CN': '应用里的库和框架集成；用 agent 和 collector（OpenCensus Service）转发数据。'
		},
		storage: { en: 'None of its own: exporters to Zipkin, Jaeger, Prometheus, Stackdriver and others.', 'zh-CN': '自己没有存储：通过导出器发往 Zipkin、Jaeger、Prometheus、Stackdriver 等。' },
		status: {
			en: 'Merged with OpenTracing into OpenTelemetry (announced 2019); its repositories were archived on 31 July 2023.',
			'zh-CN': '与 OpenTracing 合并为 OpenTelemetry（2019 年宣布）；它的仓库在 2023 年 7 月 31 日被归档。'
		},
		sources: [{ label: 'Sunsetting OpenCensus (2023)', url: 'https://opentelemetry.io/blog/2023/sunsetting-opencensus/' }]
	},
	{
		id: 'opentelemetry',
		name: 'OpenTelemetry',
		kind: 'standard',
		origin: { en: 'The CNCF project formed in 2019 from OpenTracing and OpenCensus.', 'zh-CN': '2019 年由 OpenTracing 和 OpenCensus 合并而成的 CNCF 项目。' },
		language: { en: 'API and SDK in most languages (Java, Go, JavaScript, Python, .NET, C++ …); the Collector is written in Go.', 'zh-CN': '大多数语言都有 API 和 SDK（Java、Go、JavaScript、Python、.NET、C++……）；Collector 用 Go 编写。' },
		instrumentation: {
			en: 'Manual API, instrumentation libraries, and zero-code agents (the Java agent, for one); W3C traceparent and baggage by default.',
			'zh-CN': '手动 API、插桩库，以及无需改代码的探针（比如 Java agent）；默认使用 W3C traceparent 和 baggage。'
		},
		storage: {
			en: 'None of its own: OTLP (ports 4317 gRPC, 4318 HTTP) to a backend — Jaeger, Zipkin, SkyWalking or a vendor.',
			'zh-CN': '自己没有存储：通过 OTLP（4317 gRPC、4318 HTTP 端口）发往后端——Jaeger、Zipkin、SkyWalking 或商业服务。'
		},
		status: { en: 'Active; the standard new instrumentation is written against.', 'zh-CN': '仍在活跃开发；新的插桩都以它为标准。' },
		sources: [
			{ label: 'OpenTelemetry', url: 'https://opentelemetry.io/' },
			{ label: 'OTLP specification', url: 'https://github.com/open-telemetry/opentelemetry-proto/blob/main/docs/specification.md' }
		]
	}
];

/** Every system, in one language. */
export function systemsIn(locale: Locale): TracingSystem[] {
	return TRACING_SYSTEMS.map((s) => ({
		id: s.id,
		name: s.name,
		kind: s.kind,
		origin: s.origin[locale],
		language: s.language[locale],
		instrumentation: s.instrumentation[locale],
		storage: s.storage[locale],
		status: s.status[locale],
		corrects: s.corrects?.[locale],
		sources: s.sources
	}));
}
