#!/usr/bin/env bash
# Reproduces every figure of docs/benchmarks.md in one go, side by side with picklescan and openssl, on this
# machine. Needs: java 17, mvn (first build), python3, openssl, hyperfine, GNU time (/usr/bin/time).
#
#   PICKLESCAN_SRC=/path/to/picklescan/src docs/bench/run.sh [WORK_DIR]
#
# PICKLESCAN_SRC is the src folder of a picklescan checkout (https://github.com/mmaitre314/picklescan), run
# with the system's python3 (PYTHON, default /usr/bin/python3); without it the picklescan rows are left out.
# WORK_DIR (default /tmp/modelgate-bench) receives the generated inputs (about 4.5 GB). MEMORY=1 adds the peak memory
# of scans of 100,000 files with each report (about 1.5 GB more of small files). JMH=1 also runs the JMH benchmarks
# (bench/, built with -P bench). RUNS sets hyperfine's runs for the short commands (default 10). BASELINE=DIR
# adds the same scans by another built ModelGate checkout (DIR/modelgate), e.g. an earlier commit.
set -euo pipefail

repo="$(cd "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/modelgate-bench}"
runs="${RUNS:-10}"
mg="$repo/modelgate"
python="${PYTHON:-/usr/bin/python3}"
mkdir -p "$work"
export MODELGATE_CACHE_DIR="$work/launcher-cache"

for tool in java "${PYTHON:-/usr/bin/python3}" openssl hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 64; }
done

echo "== machine"
echo "date:       $(date -u +%FT%TZ)"
echo "cpu:        $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) cores available)"
echo "sha-ni:     $(grep -q -m1 sha_ni /proc/cpuinfo && echo yes || echo no)"
echo "memory:     $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "java:       $(java -version 2>&1 | head -1)"
echo "openssl:    $(openssl version)"
echo "python3:    $("$python" --version 2>&1) ($python)"
echo "load:       $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
echo "modelgate:  $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"

echo "== inputs in $work"
"$python" - "$work" <<'PY'
import os, pickle, random, struct, json, sys
work = sys.argv[1]
random.seed(14)
os.makedirs(f"{work}/one", exist_ok=True)
if not os.path.exists(f"{work}/one/model.pkl"):
    with open(f"{work}/one/model.pkl", "wb") as f:
        pickle.dump({"w": [1.0, 2.0, 3.0], "name": "x"}, f, protocol=4)
small = f"{work}/pickles"
if not os.path.exists(f"{small}/f19999.pkl"):
    os.makedirs(small, exist_ok=True)
    for i in range(20000):
        obj = {f"layer{j}": [random.random() for _ in range(random.randint(1, 20))]
               for j in range(random.randint(1, 8))}
        obj["meta"] = ("abc", i, None, True)
        with open(f"{small}/f{i:05d}.pkl", "wb") as f:
            pickle.dump(obj, f, protocol=i % 6)

def safetensors(path, size):
    if os.path.exists(path) and os.path.getsize(path) > size:
        return
    n = size // 4 // 8
    header, offset = {"__metadata__": {"format": "pt"}}, 0
    for i in range(8):
        header[f"model.layers.{i}.weight"] = {"dtype": "F32", "shape": [n // 1024, 1024],
                                              "data_offsets": [offset, offset + n * 4]}
        offset += n * 4
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    rnd = random.Random(size)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h)
        left = offset
        while left:
            chunk = min(left, 64 << 20)
            f.write(rnd.randbytes(chunk))
            left -= chunk

safetensors(f"{work}/big.safetensors", 2 << 30)
os.makedirs(f"{work}/sharded", exist_ok=True)
for k in range(4):
    safetensors(f"{work}/sharded/model-{k + 1:05d}-of-00004.safetensors", 512 << 20)
PY

picklescan() {
  [[ -n "${PICKLESCAN_SRC:-}" ]] || return 0
  echo "env PYTHONPATH=$PICKLESCAN_SRC $python -m picklescan -p $1"
}

echo "== build"
"$mg" --version
MODELGATE_CDS=wait "$mg" scan --quiet "$work/one/model.pkl" >/dev/null 2>&1 || true   # makes the class-data sharing archive
if [[ -n "${BASELINE:-}" ]]; then   # the baseline's own archive too, or its first timed runs make it
  MODELGATE_CDS=wait "$BASELINE/modelgate" scan --quiet "$work/one/model.pkl" >/dev/null 2>&1 || true
fi

peak() {  # peak resident memory of one run, MiB
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f MiB", $1/1024}'
}

echo "== 1. one small file (wall-clock medians, hyperfine)"
cmds=("$mg scan --quiet $work/one/model.pkl")
[[ -n "${BASELINE:-}" ]] && cmds+=("$BASELINE/modelgate scan --quiet $work/one/model.pkl")
[[ -n "${PICKLESCAN_SRC:-}" ]] && cmds+=("$(picklescan "$work/one/model.pkl")")
hyperfine -N -i -w 2 -r "$runs" "${cmds[@]}" 2>&1 | grep -v '^ *$'
echo "peak RSS modelgate:  $(peak "$mg" scan --quiet "$work/one/model.pkl")"
[[ -n "${BASELINE:-}" ]] && echo "peak RSS baseline:   $(peak "$BASELINE/modelgate" scan --quiet "$work/one/model.pkl")"
[[ -n "${PICKLESCAN_SRC:-}" ]] && echo "peak RSS picklescan: $(peak env PYTHONPATH="$PICKLESCAN_SRC" "$python" -m picklescan -p "$work/one/model.pkl")"

echo "== 2. 20,000 small pickles, one invocation"
cmds=("$mg scan --quiet $work/pickles")
[[ -n "${PICKLESCAN_SRC:-}" ]] && cmds+=("$(picklescan "$work/pickles")")
hyperfine -N -i -w 1 -r 3 "${cmds[@]}" 2>&1 | grep -v '^ *$'
echo "peak RSS modelgate:  $(peak "$mg" scan --quiet "$work/pickles")"
if [[ -n "${BASELINE:-}" ]]; then  # one run: the baseline may take minutes here
  /usr/bin/time -f 'baseline, one run: %e s wall, %U s user, %S s system, %M KiB peak RSS' \
    "$BASELINE/modelgate" scan --quiet "$work/pickles" 2>&1 >/dev/null | tail -1
fi
/usr/bin/time -f 'modelgate, one run: %e s wall, %U s user, %S s system, %M KiB peak RSS' \
  "$mg" scan --quiet "$work/pickles" 2>&1 >/dev/null | tail -1
[[ -n "${PICKLESCAN_SRC:-}" ]] && echo "peak RSS picklescan: $(peak env PYTHONPATH="$PICKLESCAN_SRC" "$python" -m picklescan -p "$work/pickles")"
rm -rf "$work/result-cache"
"$mg" scan --quiet --cache "$work/result-cache" "$work/pickles" >/dev/null 2>&1 || true
hyperfine -N -i -w 1 -r 3 "$mg scan --quiet --cache $work/result-cache $work/pickles" 2>&1 | grep -v '^ *$'

echo "== 3. 2 GiB safetensors: whole scan against openssl dgst -sha256 (file in the page cache)"
cat "$work/big.safetensors" >/dev/null
cmds=("openssl dgst -sha256 $work/big.safetensors" "$mg scan --quiet $work/big.safetensors")
[[ -n "${BASELINE:-}" ]] && cmds+=("$BASELINE/modelgate scan --quiet $work/big.safetensors")
hyperfine -N -i -w 1 -r 5 "${cmds[@]}" 2>&1 | grep -v '^ *$'
echo "peak RSS modelgate:  $(peak "$mg" scan --quiet "$work/big.safetensors")"

echo "== 4. sharded model, 4 x 512 MiB: whole scan against openssl over the shards"
cat "$work"/sharded/* >/dev/null
hyperfine -i -w 1 -r 5 "openssl dgst -sha256 $work/sharded/*" "$mg scan --quiet $work/sharded" 2>&1 | grep -v '^ *$'
"$mg" bench --threads 1,2 "$work/sharded"

if [[ "${MEMORY:-0}" == "1" ]]; then
  echo "== 5. memory of large scans: 100,000 files (peak resident memory, one run each)"
  "$python" - "$work" <<'PY'
import os, shutil, sys
work = sys.argv[1]
many = os.path.join(work, "pickles-100k")   # the 20,000 pickles five times
if not os.path.isdir(many):
    for copy in range(5):
        shutil.copytree(os.path.join(work, "pickles"), os.path.join(many, f"c{copy}"))
sources = os.path.join(work, "sources-100k")  # small files that are no model
if not os.path.isdir(sources):
    for d in range(100):
        os.makedirs(os.path.join(sources, f"d{d}"))
        for i in range(1000):
            name, text = [(f"f{i}.py", f"def f{i}(x):\n    return x * {i}\n"), (f"f{i}.json", '{"a": %d}\n' % i),
                          (f"f{i}.txt", f"hello {i}\n"), (f"f{i}.js", f"module.exports = {i};\n")][i % 4]
            with open(os.path.join(sources, f"d{d}", name), "w") as out:
                out.write(text)
PY
  out="$work/memory-out"
  mkdir -p "$out"
  for report in "--format json -o $out/scan.json" "--report cyclonedx=$out/bom.json" "--report spdx=$out/spdx.json" \
      "--report sarif=$out/scan.sarif" "--report junit=$out/junit.xml"; do
    # shellcheck disable=SC2086
    echo "100,000 pickles, $report: $(peak "$mg" scan --quiet $report "$work/pickles-100k")"
  done
  echo "100,000 source files, --format json: $(peak "$mg" scan --quiet --format json -o "$out/sources.json" "$work/sources-100k")"
fi

if [[ "${JMH:-0}" == "1" ]]; then
  echo "== 6. JMH (bench/)"
  (cd "$repo" && mvn -B -q -P bench -pl bench -am package -DskipTests)
  java -cp "$repo/bench/target/classes:$repo/bench/target/lib/*" org.openjdk.jmh.Main -f 1
fi
