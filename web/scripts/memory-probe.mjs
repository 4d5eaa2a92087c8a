// Preloaded (`node --expose-gc --import ./memory-probe.mjs server.mjs`) into a server the
// benchmark measures (scripts/bench-reads.mjs): on the IPC message "memory?" it answers with the
// process's memory after full collections, so the figures are what stays, not garbage.
process.on('message', (message) => {
  if (message !== 'memory?') return;
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  process.send?.({ memory: { rss, heapUsed, external, arrayBuffers } });
});
// The channel must not keep a server alive that is told to stop.
process.channel?.unref();
