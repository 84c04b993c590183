-- wrk reports p50/p75/p90/p99 only; the portal's targets are stated at p95, so print our own summary.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format("BENCH rps=%.1f p50=%.3f p95=%.3f p99=%.3f requests=%d errors=%d non2xx=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
