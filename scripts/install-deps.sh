#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Installs the Debian packages Nuitée needs to build, test, run and benchmark.
# Idempotent: does nothing (and never touches the network) when everything is installed.
# Prints one line: what it installed, or "all present".
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PKGS=(
	build-essential cmake pkg-config
	postgresql libpq-dev
	libpistache-dev libsoci-dev libboost-dev
	libhowardhinnant-date-dev nlohmann-json3-dev
	libssl-dev openssl libcurl4-openssl-dev
	libgtest-dev libgmock-dev libbenchmark-dev
	libyaml-cpp-dev
	libpugixml-dev
	python3-aiosmtpd
	wrk
)

missing=()
for p in "${PKGS[@]}"; do
	# `dpkg -s` alone also succeeds for removed-but-not-purged packages; require "installed".
	status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
	[[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
	info "dependencies: all present"
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
info "dependencies: installed ${missing[*]} ($(elapsed_since "$t0") s)"
