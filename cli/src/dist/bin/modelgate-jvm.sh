# Java options shared by the launchers (sourced, not run). A command-line scan is short, so the JVM's start-up
# is a large part of it: the launchers keep an application class-data sharing (CDS) archive of the classes a
# scan loads, made after the first scan of this installation and used by every later run, and pick a collector
# that suits a short-lived process with a modest heap.
#
# The archive is a static one (-Xshare:dump over a class list): on Java 17 only a static archive can hold
# classes compiled for Java 5, as picocli's are, and building the command line was a third of a small scan.
# The first scan records the classes it loads; the archive is then dumped from that list and the JDK's own in
# the background (about 3 s of CPU, once), so that no run waits for it. MODELGATE_CDS=wait dumps it before the
# launcher exits instead (for a container image built with the archive in it); MODELGATE_CDS=off runs without.
#
# The archive lives in ${MODELGATE_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/modelgate}/cds, keyed by the Java
# installation and the jars (path, size, modification time), so a rebuilt or upgraded ModelGate or Java gets a
# new one. An archive is used only once a trial start with it has succeeded, and its size is part of its name
# (a truncated archive crashes the JVM instead of being ignored).

# modelgate_utf8_locale: file names are bytes; Java decodes them with the locale's charset, and under LANG=C
# (common in CI containers) a non-ASCII name cannot be represented. Runs Java under a UTF-8 locale whatever the
# caller's: a locale that already names UTF-8 is kept; C.UTF-8 is looked for where glibc keeps it before asking
# `locale` (two processes, a few milliseconds of every run).
modelgate_utf8_locale() {
  case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
    *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) return 0 ;;
  esac
  if [[ -d /usr/lib/locale/C.utf8 || -d /usr/lib/locale/C.UTF-8 ]] \
      || { [[ "$(locale charmap 2>/dev/null)" != "UTF-8" ]] && locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; }; then
    export LC_ALL=C.UTF-8
  fi
  return 0
}

# modelgate_which COMMAND: sets REPLY to the path of COMMAND as the shell would run it, without a subshell.
modelgate_which() {
  REPLY="$1"
  if [[ "$1" == */* ]]; then
    [[ -x "$1" ]]
    return
  fi
  local entry entries=()
  # read, not word splitting: an entry with a wildcard in it is not expanded
  IFS=: read -ra entries <<<"$PATH"
  for entry in ${entries[@]+"${entries[@]}"}; do
    REPLY="${entry:-.}/$1"
    [[ -f "$REPLY" && -x "$REPLY" ]] && return 0
  done
  return 1
}

# stat_lines FILE...: "path size mtime" per file, links followed (GNU or BSD stat).
modelgate_stat_lines() {
  stat -L -c '%n %s %Y' -- "$@" 2>/dev/null || stat -L -f '%N %z %m' -- "$@" 2>/dev/null
}

# modelgate_stat_sizes ARRAY LINE...: sets ARRAY to the sizes of modelgate_stat_lines' LINEs (name size time).
modelgate_stat_sizes() {
  local -n into="$1"
  shift
  local line
  into=()
  for line in "$@"; do
    line="${line% *}"
    into+=("${line##* }")
  done
}

# modelgate_jvm_options JAVA COMMAND JAR...: sets jvm_opts (an array) and cds_list (the class list this run
# records for a new archive, empty if none).
modelgate_jvm_options() {
  local java_cmd="$1" command="$2"
  shift 2
  # Serial collection: no collector threads competing with the scan on small machines, a smaller footprint.
  # A small young generation: what a scan keeps is small (about 2.5 KiB per file), what it allocates is
  # short-lived, and a large nursery only shows as resident memory (270 MiB instead of 175 for 20,000 files).
  # The optimising compiler only for what is really hot (ten times the default thresholds): in a short scan it
  # otherwise spends more CPU compiling start-up code than it saves (a small scan: 1.7 s of CPU to 1.3 s), while
  # hashing and the pickle machine still reach it within the first megabytes.
  # Smaller inlining in both compilers: in a cold scan compiling is about half the CPU (20,000 small pickles:
  # 3.7 s of 7.4), most of it the optimising compiler inlining large methods. With small methods only (the depth
  # left as it is: the digest's call chain is deep), a cold scan of 20,000 pickles took 3.4 s instead of 4.0;
  # long warm runs over large pickles lose up to 12% of their speed; hashing is unaffected (docs/benchmarks.md).
  # The digest's own code, though, is compiled at a hundredth of the usual thresholds: SHA-256 is fast only
  # once the optimising compiler has replaced it with the CPU's instructions, and under the raised thresholds a
  # 2 GiB file took 0.1 to 0.2 s longer to hash (docs/benchmarks.md). `quiet` keeps the JVM from echoing
  # these commands on standard output.
  # No perf-data file in /tmp. Class-data sharing warnings (e.g. an archive made stale by an upgrade) would
  # reach the user's terminal: the archive is an optimisation, a stale one is silently ignored.
  # Unknown options are ignored rather than fatal: a later Java may retire one of these tuning flags.
  jvm_opts=(-XX:+IgnoreUnrecognizedVMOptions -XX:+UseSerialGC -Xmn24m -XX:Tier4InvocationThreshold=50000
    -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000
    -XX:FreqInlineSize=50 -XX:InlineSmallCode=500 -XX:C1MaxInlineLevel=3 -XX:C1MaxInlineSize=20
    -XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.*::*,0.01
    -XX:CompileCommand=CompileThresholdScaling,io.modelgate.scanner.digest.Sha256::*,0.01
    -XX:-UsePerfData -Xshare:auto -Xlog:cds=off,cds+dynamic=off)
  # Transparent huge pages for the heap where the kernel gives them on request: a scan's heap is fresh memory,
  # and in a virtual machine every 4 KiB page's first touch is a costly fault (20,000 small pickles 7% faster,
  # one small file 382 to 353 ms, 100,000 pickles 14% faster). Asked only where the kernel has them:
  # elsewhere the JVM would print a warning on standard output, into a JSON report.
  local thp=""
  [[ -r /sys/kernel/mm/transparent_hugepage/enabled ]] && read -r thp </sys/kernel/mm/transparent_hugepage/enabled
  [[ "$thp" == *"[always]"* || "$thp" == *"[madvise]"* ]] && jvm_opts+=(-XX:+UseTransparentHugePages)
  cds_list=""
  [[ "${MODELGATE_CDS:-on}" == "off" ]] && return 0
  # Every process started here costs a few milliseconds of a small scan: shell expansions instead of dirname,
  # one stat for the key and the archives there are, one cksum.
  local cache="${MODELGATE_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/modelgate}"
  local dir="$cache/cds" java_path key archive archives=() stats lines=() line size
  modelgate_which "$java_cmd" || return 0
  java_path="$REPLY"
  for archive in "$dir"/modelgate-*.jsa; do
    [[ -f "$archive" ]] && archives+=("$archive")
  done
  # The java command's own file (links followed: /usr/bin/java is usually a chain of them) changes with any
  # upgrade of the installation; an archive of another Java would be refused by the JVM anyway.
  # The scan's own files are stated here too, for modelgate_lean_compiler: a process less.
  local named=${#scan_files[@]}
  stats="$(modelgate_stat_lines "$java_path" "$@" ${archives[@]+"${archives[@]}"} \
    ${scan_files[@]+"${scan_files[@]}"})" || return 0
  mapfile -t lines <<<"$stats"
  local inputs=$(($# + 1)) listed=$((${#lines[@]} - named))
  scan_file_sizes=()
  ((named > 0 && listed >= inputs)) && modelgate_stat_sizes scan_file_sizes "${lines[@]:listed}"
  printf -v key '%s\n' "${lines[@]:0:inputs}"
  key="$(cksum <<<"${key%$'\n'}")"
  key="${key%% *}"
  [[ -n "$key" ]] || return 0
  # An archive is used only when its size is the one in its name: a truncated one crashes the JVM.
  local i
  for ((i = inputs; i < listed; i++)); do
    line="${lines[i]% *}"
    size="${line##* }"
    archive="${line% *}"
    if [[ "$archive" == "$dir/modelgate-$key-$size.jsa" ]]; then
      jvm_opts+=("-XX:SharedArchiveFile=$archive")
      return 0
    fi
  done
  # No archive yet: the first scan records the classes it loads, unless another run is making the archive.
  case "$command" in scan|sbom) ;; *) return 0 ;; esac
  mkdir -p -- "$dir" 2>/dev/null && [[ -w "$dir" ]] || return 0
  # A maker's lock older than ten minutes is a maker killed half-way (e.g. with its CI container).
  find "$dir" -maxdepth 1 -name ".making-$key" -mmin +10 -exec rmdir {} + 2>/dev/null
  # A Java that could not make one (a failed dump or trial start leaves a marker) is not asked again for a day.
  [[ -d "$dir/.making-$key" || -n "$(find "$dir" -maxdepth 1 -name ".failed-$key" -mtime -1 2>/dev/null)" ]] \
    && return 0
  cds_list="$dir/.modelgate-$key.$$.classlist"
  cds_java_path="$java_path"
  jvm_opts+=("-XX:DumpLoadedClassList=$cds_list")
}

scan_files=()
scan_folders=()
scan_file_sizes=()

# modelgate_scan_inputs COMMAND ARG...: the files and folders that the arguments of a scan or sbom command name
# (scan_files, scan_folders; option values too, which only errs towards more data), without starting a process.
# scan_file_sizes is left for modelgate_jvm_options to fill from the stat it runs anyway.
modelgate_scan_inputs() {
  scan_files=()
  scan_folders=()
  scan_file_sizes=()
  case "${1:-}" in scan|sbom) ;; *) return 0 ;; esac
  shift
  local arg
  for arg in "$@"; do
    [[ "$arg" == -* ]] && arg="./$arg"
    if [[ "$arg" == *$'\n'* ]]; then
      scan_folders+=("$arg") # one stat line per name would not hold; find reads it whole
    elif [[ -d "$arg" ]]; then
      scan_folders+=("$arg")
    elif [[ -f "$arg" ]]; then
      scan_files+=("$arg")
    fi
  done
}

# The fast compiler alone; loops compiled on the stack after 6,000 rounds instead of 60,000: the assessment's
# passes over every unit of a scan run once each, and interpreted (20,000 pickles: 2.6% faster).
modelgate_quick_compiler=(-XX:TieredStopAtLevel=1 -XX:Tier3BackEdgeThreshold=6000)

# modelgate_lean_compiler: a scan of little data runs on the fast compiler (C1) alone. Most of the CPU of a scan
# of many small files went to the optimising compiler (C2) compiling code the scan was about to leave (20,000
# small pickles: 1.8 s of 4.3 s), while only C2 turns SHA-256 into the processor's instructions: on C1 alone
# hashing is about ten times slower. So the launcher adds up the sizes of the scan's inputs (modelgate_scan_inputs;
# the files under folders with links followed) and keeps C2 when that is more than 2 MiB plus 4 KiB a file, or
# 64 MiB in all, or when it cannot tell (no GNU find). MODELGATE_JIT=quick or full decides instead of the sizes.
modelgate_lean_compiler() {
  case "${MODELGATE_JIT:-auto}" in
    quick) jvm_opts+=("${modelgate_quick_compiler[@]}"); return 0 ;;
    full) return 0 ;;
  esac
  local count=$((${#scan_files[@]} + ${#scan_folders[@]})) bytes=0 limit=$((64 << 20)) size sizes=()
  ((count > 0)) || return 0
  if ((${#scan_files[@]})); then
    sizes=(${scan_file_sizes[@]+"${scan_file_sizes[@]}"})
    if ((${#sizes[@]} != ${#scan_files[@]})); then
      local lines=()
      mapfile -t lines < <(modelgate_stat_lines "${scan_files[@]}")
      modelgate_stat_sizes sizes ${lines[@]+"${lines[@]}"}
    fi
    ((${#sizes[@]} == ${#scan_files[@]})) || return 0
    for size in "${sizes[@]}"; do
      [[ "$size" =~ ^[0-9]+$ ]] || return 0
      bytes=$((bytes + size))
    done
    ((bytes <= limit)) || return 0
  fi
  if ((${#scan_folders[@]})); then
    local totals
    # stops reading at the limit; a find that fails (not GNU, a link loop, an unreadable folder) decides nothing
    totals="$( { find -L "${scan_folders[@]}" -type f -printf '%s\n' 2>/dev/null || echo fail; } 2>/dev/null \
      | awk -v bytes="$bytes" -v limit="$limit" '$0 !~ /^[0-9]+$/ { exit 1 }
          { files++; bytes += $1; if (bytes > limit) exit 1 } END { print files + 0, bytes }')" || return 0
    count=$((${#scan_files[@]} + ${totals% *}))
    bytes=${totals#* }
  fi
  ((bytes <= limit && bytes <= (2 << 20) + 4096 * count)) && jvm_opts+=("${modelgate_quick_compiler[@]}")
  return 0
}

# modelgate_archive_key FILE: the installation key in the name of a class list or archive being made
# (.modelgate-KEY.PID.*).
modelgate_archive_key() {
  local key="${1##*/.modelgate-}"
  printf '%s\n' "${key%%.*}"
}

# modelgate_make_archive JAVA CLASSPATH EXIT_CODE: after the run that recorded $cds_list, makes the archive
# from it, in the background unless MODELGATE_CDS=wait; one maker per key at a time (a lock folder). Only a
# run that scanned (exit code 0 to 3) is a model for the archive: one that stopped at a usage error or printed
# its help loaded a fraction of the classes, and an archive of those made every later scan slower than none
# (0.66 s against 0.48 s for a small file).
modelgate_make_archive() {
  local java_cmd="$1" classpath="$2" code="${3:-0}"
  if [[ -z "$cds_list" || ! -s "$cds_list" || ! "$code" =~ ^[0-3]$ ]]; then
    [[ -n "$cds_list" ]] && rm -f -- "$cds_list" 2>/dev/null
    return 0
  fi
  local lock
  lock="$(dirname -- "$cds_list")/.making-$(modelgate_archive_key "$cds_list")"
  if ! mkdir -- "$lock" 2>/dev/null; then
    rm -f -- "$cds_list"
    return 0
  fi
  if [[ "${MODELGATE_CDS:-on}" == "wait" ]]; then
    modelgate_dump_archive "$java_cmd" "$classpath" "$lock"
  else
    # Detached from the caller's terminal and pipes: a CI step must not wait for it.
    ( trap '' HUP; modelgate_dump_archive "$java_cmd" "$classpath" "$lock" ) </dev/null >/dev/null 2>&1 &
  fi
  return 0
}

# modelgate_dump_archive JAVA CLASSPATH LOCK: the JDK's class list then this scan's, dumped into a static
# archive, kept by modelgate_keep_archive; a failure leaves the marker that stops further attempts for a day.
# Releases LOCK.
modelgate_dump_archive() {
  local java_cmd="$1" classpath="$2" lock="$3"
  local merged="${cds_list%.classlist}.all" niced=()
  # In the background, at a lower priority than the scans that may follow.
  command -v nice >/dev/null 2>&1 && [[ "${MODELGATE_CDS:-on}" != "wait" ]] && niced=(nice -n 10)
  cds_new="${cds_list%.classlist}.jsa"
  local java_home
  java_home="$(resolve "$cds_java_path")"
  java_home="${java_home%/bin/*}"
  { cat -- "$java_home/lib/classlist" 2>/dev/null; cat -- "$cds_list"; } | awk '!seen[$0]++' >"$merged"
  if ! { ${niced[@]+"${niced[@]}"} "$java_cmd" -XX:+UseSerialGC -Xshare:dump -Xlog:disable -XX:ErrorFile=/dev/null \
      -XX:SharedClassListFile="$merged" -XX:SharedArchiveFile="$cds_new" -cp "$classpath" >/dev/null 2>&1 \
      && modelgate_keep_archive "$java_cmd" "$classpath"; }; then
    touch -- "$(dirname -- "$cds_list")/.failed-$(modelgate_archive_key "$cds_list")"
  fi
  rm -f -- "$cds_list" "$merged" "$cds_new"
  rmdir -- "$lock" 2>/dev/null
  return 0
}

# modelgate_keep_archive JAVA CLASSPATH: once $cds_new is written, tries a start with it and keeps it
# under its final name only if that start succeeds (the status says whether it was kept); then prunes the
# archive folder.
modelgate_keep_archive() {
  local java_cmd="$1" classpath="$2" kept=1
  [[ -n "$cds_new" && -s "$cds_new" ]] || { rm -f -- "$cds_new" 2>/dev/null; return 1; }
  # In a subshell with its error output dropped: a damaged archive crashes the JVM, and neither the crash report
  # nor the shell's "Aborted" line should reach the user.
  if ( "$java_cmd" -Xshare:on -Xlog:disable -XX:ErrorFile=/dev/null -XX:SharedArchiveFile="$cds_new" \
      -cp "$classpath" -version && exit 0; exit 1 ) >/dev/null 2>&1; then
    local size
    size="$(modelgate_stat_lines "$cds_new" | awk '{print $(NF-1)}')"
    mv -f -- "$cds_new" "$(dirname -- "$cds_new")/modelgate-$(modelgate_archive_key "$cds_new")-$size.jsa" \
      2>/dev/null && kept=0 || rm -f -- "$cds_new"
  else
    rm -f -- "$cds_new"
  fi
  modelgate_prune_archives "$(dirname -- "$cds_new")"
  return "$kept"
}

# modelgate_prune_archives DIR: drops archives not renewed for 30 days and all but the four newest (each upgrade,
# or each rebuild of a checkout, makes one of 15 to 30 MB), and what a killed run left behind.
modelgate_prune_archives() {
  local dir="$1" count=0 old
  find "$dir" -maxdepth 1 \( -name 'modelgate-*.jsa' -o -name '.failed-*' \) -mtime +30 -delete 2>/dev/null
  find "$dir" -maxdepth 1 -name '.modelgate-*' -mmin +600 -delete 2>/dev/null
  while IFS= read -r old; do
    count=$((count + 1))
    if ((count > 4)); then rm -f -- "$old"; fi
  done < <(ls -1t -- "$dir"/modelgate-*.jsa 2>/dev/null)
  return 0
}
