// Baseline for `mdp bench policy`: node-casbin deciding the same requests against the same grants,
// with an equivalent model (a grant permits its account to act on its project up to its level).
// Usage: node decide.js MODEL.conf GRANTS.csv REQUESTS.json MAX_SECONDS
// Prints one JSON object: {"decisions": n, "seconds": s, "p50us": x, "p99us": y, "permits": k}.
'use strict';
const { newEnforcer } = require('casbin');

async function main() {
  const [model, grants, requestsFile, maxSeconds] = process.argv.slice(2);
  const requests = JSON.parse(require('fs').readFileSync(requestsFile, 'utf8'));
  const enforcer = await newEnforcer(model, grants);
  const latencies = [];
  let permits = 0;
  const limit = Number(maxSeconds) * 1e9;
  const start = process.hrtime.bigint();
  for (const [sub, proj, lvl, act] of requests) {
    const t0 = process.hrtime.bigint();
    if (await enforcer.enforce(sub, proj, lvl, act)) permits++;
    const t1 = process.hrtime.bigint();
    latencies.push(Number(t1 - t0) / 1000);
    if (Number(t1 - start) > limit) break;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  process.stdout.write(JSON.stringify({
    decisions: latencies.length, seconds, p50us: at(0.5), p99us: at(0.99), permits,
    version: require('casbin/package.json').version,
  }) + '\n');
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
