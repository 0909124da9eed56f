#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Installs the Debian packages Nuitée needs to build, test, run and benchmark; with --fuzz, only
# what `make fuzz` needs besides them (clang 16 and its libFuzzer runtime), so that the other
# targets never wait for a compiler they do not use.
# Idempotent: does nothing (and never touches the network) when everything is installed.
# Prints one line: what it installed, or "all present".
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PKGS=(
	build-essential cmake pkg-config mold
	postgresql libpq-dev
	libpistache-dev libsoci-dev libboost-dev
	libhowardhinnant-date-dev nlohmann-json3-dev
	libssl-dev openssl libcurl4-openssl-dev
	libgtest-dev libgmock-dev libbenchmark-dev
	libyaml-cpp-dev
	libpugixml-dev
	libpango1.0-dev libcairo2-dev libfontconfig-dev fonts-dejavu-core
	python3-aiosmtpd poppler-utils
	wrk
	chromium
)
# The web portal's end-to-end tests drive Debian's Chromium with playwright-core (npm); the
# machine's own Node.js is used when there is one, else Debian's.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || PKGS+=(nodejs npm)

# Debian 12's default clang is 14, which cannot instantiate libstdc++ 12's std::expected (P0848);
# libclang-rt-16-dev holds libFuzzer and the sanitizer runtimes.
FUZZ_PKGS=(clang-16 libclang-rt-16-dev)

what="dependencies"
case "${1:-}" in
"") ;;
--fuzz)
	PKGS=("${FUZZ_PKGS[@]}")
	what="fuzzing dependencies"
	;;
*) die "usage: $0 [--fuzz]" ;;
esac

missing=()
for p in "${PKGS[@]}"; do
	# `dpkg -s` alone also succeeds for removed-but-not-purged packages; require "installed".
	status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
	[[ "$status" == "install ok installed" ]] || missing+=("$p")
done

# The npm packages of tests/web (playwright-core, axe-core), as package-lock.json pins them;
# installed again only when the lock file changes.
install_web_test_packages() {
	[[ "$what" == "dependencies" ]] || return 0
	local dir="$NUITEE_ROOT/tests/web" stamp
	stamp="$dir/node_modules/.nuitee-lock.sha256"
	if [[ -f "$stamp" ]] && sha256sum --status -c "$stamp" 2>/dev/null; then
		return 0
	fi
	local t0 log
	t0="$(now)"
	log="$(mktemp /tmp/nuitee-npm.XXXXXX)"
	if ! (cd "$dir" && npm ci --no-audit --no-fund) >"$log" 2>&1; then
		tail -n 40 "$log" >&2
		rm -f "$log"
		die "npm ci failed in tests/web"
	fi
	rm -f "$log"
	(cd "$dir" && sha256sum package-lock.json) >"$stamp.tmp" && sed -i "s|  |  $dir/|" "$stamp.tmp" && mv "$stamp.tmp" "$stamp"
	info "web test packages: installed from tests/web/package-lock.json ($(elapsed_since "$t0") s)"
}

if ((${#missing[@]} == 0)); then
	info "$what: all present"
	install_web_test_packages
	exit 0
fi

SUDO=()
if ((EUID != 0)); then
	command -v sudo >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no sudo; as root run: apt-get install ${missing[*]}"
	SUDO=(sudo)
fi

t0="$(now)"
log="$(mktemp /tmp/nuitee-apt.XXXXXX)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! {
	"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q update &&
		"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 \
			install -y --no-install-recommends "${missing[@]}"
} >"$log" 2>&1; then
	tail -n 40 "$log" >&2
	die "apt-get failed while installing: ${missing[*]}"
fi
info "$what: installed ${missing[*]} ($(elapsed_since "$t0") s)"
install_web_test_packages
