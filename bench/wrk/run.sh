#!/usr/bin/env bash
# HTTP load with Debian's wrk against the real server on loopback (figures in docs/benchmarks.md).
# Needs wrk: apt-get install -y wrk. Usage: bench/wrk/run.sh [duration, default 30s] [connections, default 8]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30s}
connections=${2:-8}
port=5099
store=$(mktemp -d)/wrk.db

dotnet build -c Release src/RagPapers.Server -v quiet -nologo >/dev/null
dotnet src/RagPapers.Server/bin/Release/net10.0/RagPapers.Server.dll --urls "http://127.0.0.1:$port" \
  --Store:Sqlite:Path="$store" --Server:RateLimit:Enabled=false >/dev/null 2>&1 &
server=$!
trap 'kill $server; wait $server 2>/dev/null; rm -rf "$(dirname "$store")"' EXIT

for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.1
done

rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); server RSS $(rss)"
for scenario in search ask; do
  wrk -t1 -c"$connections" -d5s -s "bench/wrk/$scenario.lua" "http://127.0.0.1:$port" >/dev/null   # warm-up
  echo "== $scenario ($connections connections, $duration)"
  wrk -t1 -c"$connections" -d"$duration" --latency -s "bench/wrk/$scenario.lua" "http://127.0.0.1:$port"
  echo "server RSS after: $(rss)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
