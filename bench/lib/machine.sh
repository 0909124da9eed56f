# shellcheck shell=bash
# Shared by the HTTP benchmarks (bench/*.sh): measuring on a busy machine. Source it, don't run it
# (scripts/bench.sh runs bench/*.sh, not this folder).
#
# Other sessions build C++ on the same 2 cores, and a compiler next door halves the figures. So:
# wait a little for idle CPUs before starting, measure for each run the CPU that processes other
# than ours took, and run again a run that another process disturbed.
#
# The caller defines `say` (its logger) and sets BENCH_OWN_PIDS to the pids of its servers; the
# cluster of NUITEE_BENCH_PG (its postmaster and backends) and the caller's children (wrk,
# pgbench, psql) count as ours too.
# Knobs: NUITEE_BENCH_IDLE_WAIT (60: seconds to wait for idle CPUs at the start),
# NUITEE_BENCH_RETRIES (6: runs done again when other processes took >= 10 % of the CPUs).

BENCH_OWN_PIDS=()
bench_retries_left="${NUITEE_BENCH_RETRIES:-6}"

bench_cpu_idle_percent() { # over 2 seconds, from /proc/stat
	local _c u1 n1 s1 i1 w1 x1 y1 z1 u2 n2 s2 i2 w2 x2 y2 z2
	read -r _c u1 n1 s1 i1 w1 x1 y1 z1 _ </proc/stat
	sleep 2
	read -r _c u2 n2 s2 i2 w2 x2 y2 z2 _ </proc/stat
	local total=$(((u2 + n2 + s2 + i2 + w2 + x2 + y2 + z2) - (u1 + n1 + s1 + i1 + w1 + x1 + y1 + z1)))
	echo $((100 * (i2 + w2 - i1 - w1) / (total > 0 ? total : 1)))
}

# Waits up to NUITEE_BENCH_IDLE_WAIT seconds for the CPUs to calm down, and says how idle they were.
bench_wait_for_idle_cpus() {
	local idle waited=0
	idle="$(bench_cpu_idle_percent)"
	while ((idle < 85 && waited < ${NUITEE_BENCH_IDLE_WAIT:-60})); do
		say "CPUs only ${idle}% idle (other processes are busy); waiting"
		sleep 8
		waited=$((waited + 10))
		idle="$(bench_cpu_idle_percent)"
	done
	say "CPUs ${idle}% idle before the run; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

bench_postmaster() {
	local sock_dir pg_port
	sock_dir="$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$NUITEE_BENCH_PG")"
	pg_port="$(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$NUITEE_BENCH_PG")"
	head -n 1 "$sock_dir/.s.PGSQL.${pg_port:-5432}.lock" 2>/dev/null || true
}
BENCH_POSTMASTER="$(bench_postmaster)"

bench_busy_ticks() { local _c u n s i w q sq st _; read -r _c u n s i w q sq st _ </proc/stat; echo $((u + n + s + q + sq + st)); }
bench_all_ticks() { local _c u n s i w q sq st _; read -r _c u n s i w q sq st _ </proc/stat; echo $((u + n + s + i + w + q + sq + st)); }
bench_pid_ticks() { # pid [with_children]: utime+stime (+ cutime+cstime) from /proc/PID/stat
	local stat f
	stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
	read -r -a f <<<"${stat##*) }"
	if [[ -n "${2:-}" ]]; then echo $((f[11] + f[12] + f[13] + f[14])); else echo $((f[11] + f[12])); fi
}
bench_own_ticks() { # the servers, the cluster (postmaster and its children), this shell's children
	local total pid
	total=$(bench_pid_ticks $$ children)
	for pid in "${BENCH_OWN_PIDS[@]}"; do total=$((total + $(bench_pid_ticks "$pid"))); done
	if [[ -n "$BENCH_POSTMASTER" ]]; then
		# With children: parallel workers and other short-lived backends are reaped by the postmaster.
		total=$((total + $(bench_pid_ticks "$BENCH_POSTMASTER" children)))
		for pid in $(pgrep -P "$BENCH_POSTMASTER" || true); do total=$((total + $(bench_pid_ticks "$pid"))); done
	fi
	echo "$total"
}

# bench_measure OUT OTHER LABEL COMMAND...: runs COMMAND, its stdout into the variable named OUT,
# and the CPU share (%) other processes took meanwhile into OTHER. A run that others disturbed
# (>= 10 %) is run again after a calm-down, while retries are left (one budget per script).
bench_measure() {
	local -n bench_out_ref="$1" bench_other_ref="$2"
	local label="$3" b0 a0 o0
	shift 3
	while :; do
		b0="$(bench_busy_ticks)" a0="$(bench_all_ticks)" o0="$(bench_own_ticks)"
		# shellcheck disable=SC2034  # a nameref: the caller's variable
		bench_out_ref="$("$@")"
		bench_other_ref=$(((($(bench_busy_ticks) - b0) - ($(bench_own_ticks) - o0)) * 100 / ($(bench_all_ticks) - a0 + 1)))
		((bench_other_ref < 0)) && bench_other_ref=0
		((bench_other_ref >= 10 && bench_retries_left > 0)) || break
		bench_retries_left=$((bench_retries_left - 1))
		say "other processes used ${bench_other_ref}% of the CPUs during '$label': run again ($bench_retries_left retries left)"
		for _ in 1 2 3 4 5 6 7 8 9 10; do (($(bench_cpu_idle_percent) >= 85)) && break; sleep 1; done
	done
}
