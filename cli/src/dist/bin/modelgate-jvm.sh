# Java options shared by the launchers (sourced, not run). A command-line scan is short, so the JVM's start-up
# is a large part of it: the launchers keep an application class-data sharing (CDS) archive of the classes a
# scan loads, created by the first scan of this installation and used by every later run, and pick a collector
# that suits a short-lived process with a modest heap.
#
# The archive lives in ${MODELGATE_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/modelgate}/cds, keyed by the Java
# installation and the jars (path, size, modification time), so a rebuilt or upgraded ModelGate or Java gets a
# new one. An archive is used only once a trial start with it has succeeded, and its size is part of its name
# (a truncated archive crashes the JVM instead of being ignored). Set MODELGATE_CDS=off to run without one.

# stat_lines FILE...: "path size mtime" per file (GNU or BSD stat).
modelgate_stat_lines() {
  stat -c '%n %s %Y' -- "$@" 2>/dev/null || stat -f '%N %z %m' -- "$@" 2>/dev/null
}

# modelgate_jvm_options JAVA COMMAND JAR...: sets jvm_opts (an array) and cds_new (the archive path to create
# in this run, empty if none).
modelgate_jvm_options() {
  local java_cmd="$1" command="$2"
  shift 2
  # Serial collection: no collector threads competing with the scan on small machines, a smaller footprint.
  # A small young generation: what a scan keeps is small (about 2.5 KiB per file), what it allocates is
  # short-lived, and a large nursery only shows as resident memory (270 MiB instead of 175 for 20,000 files).
  # The optimising compiler only for what is really hot (ten times the default thresholds): in a short scan it
  # otherwise spends more CPU compiling start-up code than it saves (a small scan: 1.7 s of CPU to 1.3 s), while
  # hashing and the pickle machine still reach it within the first megabytes.
  # Shallow inlining in both compilers: in a cold scan compiling is about half the CPU (20,000 small pickles:
  # 3.7 s of 7.4), most of it the optimising compiler inlining deeply. Limited, a cold scan of 20,000 pickles took
  # 3.3 s instead of 4.1; a warm one lost 4% of files/s; hashing is an intrinsic, unaffected (docs/benchmarks.md).
  # No perf-data file in /tmp. Class-data sharing warnings (e.g. an archive made stale by an upgrade) would
  # reach the user's terminal: the archive is an optimisation, a stale one is silently ignored.
  # Unknown options are ignored rather than fatal: a later Java may retire one of these tuning flags.
  jvm_opts=(-XX:+IgnoreUnrecognizedVMOptions -XX:+UseSerialGC -Xmn24m -XX:Tier4InvocationThreshold=50000
    -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000
    -XX:MaxInlineLevel=3 -XX:FreqInlineSize=50 -XX:InlineSmallCode=500 -XX:C1MaxInlineLevel=3 -XX:C1MaxInlineSize=20
    -XX:-UsePerfData -Xshare:auto -Xlog:cds=off,cds+dynamic=off)
  cds_new=""
  [[ "${MODELGATE_CDS:-on}" == "off" ]] && return 0
  local cache="${MODELGATE_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/modelgate}"
  local dir="$cache/cds" java_path java_home key
  java_path="$(command -v -- "$java_cmd" 2>/dev/null)" || return 0
  java_path="$(resolve "$java_path")"
  java_home="$(dirname -- "$(dirname -- "$java_path")")"
  key="$({ modelgate_stat_lines "$java_path" "$java_home/lib/modules"; modelgate_stat_lines "$@"; } | cksum | cut -d' ' -f1)"
  [[ -n "$key" ]] || return 0
  local archive size
  for archive in "$dir/modelgate-$key"-*.jsa; do
    [[ -f "$archive" ]] || continue
    size="${archive##*-}"
    size="${size%.jsa}"
    if [[ "$(modelgate_stat_lines "$archive" | awk '{print $(NF-1)}')" == "$size" ]]; then
      jvm_opts+=("-XX:SharedArchiveFile=$archive")
      return 0
    fi
  done
  # No archive yet: the first scan records the classes it loads (the archive is written when the JVM exits).
  case "$command" in scan|sbom) ;; *) return 0 ;; esac
  mkdir -p -- "$dir" 2>/dev/null && [[ -w "$dir" ]] || return 0
  cds_new="$dir/.modelgate-$key.$$.jsa"
  jvm_opts+=("-XX:ArchiveClassesAtExit=$cds_new")
}

# modelgate_keep_archive JAVA CLASSPATH: after the run that wrote $cds_new, tries a start with it and keeps it
# under its final name only if that start succeeds; drops archives not renewed for 30 days.
modelgate_keep_archive() {
  local java_cmd="$1" classpath="$2"
  [[ -n "$cds_new" && -s "$cds_new" ]] || { rm -f -- "$cds_new" 2>/dev/null; return 0; }
  # In a subshell with its error output dropped: a damaged archive crashes the JVM, and neither the crash report
  # nor the shell's "Aborted" line should reach the user.
  if ( "$java_cmd" -Xshare:on -Xlog:disable -XX:ErrorFile=/dev/null -XX:SharedArchiveFile="$cds_new" \
      -cp "$classpath" -version && exit 0; exit 1 ) >/dev/null 2>&1; then
    local size key
    size="$(modelgate_stat_lines "$cds_new" | awk '{print $(NF-1)}')"
    key="${cds_new##*/.modelgate-}"
    key="${key%%.*}"
    mv -f -- "$cds_new" "$(dirname -- "$cds_new")/modelgate-$key-$size.jsa" 2>/dev/null || rm -f -- "$cds_new"
  else
    rm -f -- "$cds_new"
  fi
  find "$(dirname -- "$cds_new")" -maxdepth 1 -name 'modelgate-*.jsa' -mtime +30 -delete 2>/dev/null
  return 0
}
