// HTTP load on one portal node's resolution pages for `npm run bench -- --portal`, with autocannon (a well-kept
// HTTP load generator, pinned in package.json), in a process of its own. Each connection cycles through the paths.
//   tsx bench/portal-pages.ts <node url> <connections> <duration s> <path> [<path> …]
// Prints one JSON line: requests per second (mean over the run's seconds), latency percentiles, non-2xx, errors,
// and its own peak memory and CPU.
import autocannon from 'autocannon';

const [url, connectionsArg, durationArg, ...paths] = process.argv.slice(2);
const result = await autocannon({
  url: url!,
  connections: Number(connectionsArg),
  duration: Number(durationArg),
  requests: paths.map((path) => ({ method: 'GET' as const, path })),
});
process.stdout.write(
  `${JSON.stringify({
    url,
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    status2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerSecond: result.throughput.average,
    // This process's own figures: it exits before the benchmark could read them from /proc.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuS: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1e5) / 10,
  })}\n`,
);
process.exit(0);
