#!/usr/bin/env bash
# Post-deployment validation of one environment:
#   1. health: the readiness endpoint answers 200 "UP" several times in a row;
#   2. alarms: no alarm of the environment is in ALARM after a settling period;
#   3. metrics: p95 response time and 5xx rate of the last minutes against the NFR thresholds
#      (when ALB_ARN_SUFFIX is set).
# Usage: validate-deployment.sh <base url> <name prefix>
# Env:   HEALTH_PATH (default /actuator/health/readiness), SETTLE_SECONDS (default 120),
#        ALB_ARN_SUFFIX (optional), P95_THRESHOLD_SECONDS (3), ERROR_RATE_THRESHOLD_PERCENT (5)
set -euo pipefail

base_url=${1:?usage: validate-deployment.sh <base url> <name prefix>}
prefix=${2:?usage: validate-deployment.sh <base url> <name prefix>}
health_path=${HEALTH_PATH:-/actuator/health/readiness}
settle=${SETTLE_SECONDS:-120}
p95_max=${P95_THRESHOLD_SECONDS:-3}
error_max=${ERROR_RATE_THRESHOLD_PERCENT:-5}
failures=0
summary=${GITHUB_STEP_SUMMARY:-/dev/null}

echo "### Post-deployment validation: ${base_url}" >> "$summary"

# 1. Health -----------------------------------------------------------------------------------
ok_in_a_row=0
for attempt in $(seq 1 36); do
  body=$(curl -fsS --max-time 10 "${base_url}${health_path}" 2>/dev/null || true)
  if grep -q '"UP"' <<<"$body"; then
    ok_in_a_row=$((ok_in_a_row + 1))
    [ "$ok_in_a_row" -ge 5 ] && break
  else
    ok_in_a_row=0
  fi
  echo "health attempt ${attempt}: ${ok_in_a_row} consecutive UP"
  sleep 5
done
if [ "$ok_in_a_row" -ge 5 ]; then
  echo "- :white_check_mark: health: ${health_path} UP 5 times in a row" >> "$summary"
else
  echo "- :x: health: ${health_path} not reliably UP" >> "$summary"
  echo "::error::Health check of ${base_url}${health_path} failed"
  failures=$((failures + 1))
fi

# 2. Alarms -----------------------------------------------------------------------------------
echo "Letting metrics settle for ${settle}s"
sleep "$settle"
alarms=$(aws cloudwatch describe-alarms --alarm-name-prefix "${prefix}-" --state-value ALARM \
  --query 'MetricAlarms[].AlarmName' --output text)
if [ -z "$alarms" ] || [ "$alarms" = "None" ]; then
  echo "- :white_check_mark: alarms: none of ${prefix}-* in ALARM" >> "$summary"
else
  echo "- :x: alarms in ALARM: ${alarms}" >> "$summary"
  echo "::error::Alarms in ALARM after the deployment: ${alarms}"
  failures=$((failures + 1))
fi

# 3. Metrics ----------------------------------------------------------------------------------
if [ -n "${ALB_ARN_SUFFIX:-}" ]; then
  end=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  begin=$(date -u -d '-10 minutes' +%Y-%m-%dT%H:%M:%SZ)
  queries=$(jq -cn --arg lb "$ALB_ARN_SUFFIX" '[
    {Id: "p95", MetricStat: {Metric: {Namespace: "AWS/ApplicationELB", MetricName: "TargetResponseTime",
      Dimensions: [{Name: "LoadBalancer", Value: $lb}]}, Period: 600, Stat: "p95"}},
    {Id: "req", MetricStat: {Metric: {Namespace: "AWS/ApplicationELB", MetricName: "RequestCount",
      Dimensions: [{Name: "LoadBalancer", Value: $lb}]}, Period: 600, Stat: "Sum"}},
    {Id: "err", MetricStat: {Metric: {Namespace: "AWS/ApplicationELB", MetricName: "HTTPCode_Target_5XX_Count",
      Dimensions: [{Name: "LoadBalancer", Value: $lb}]}, Period: 600, Stat: "Sum"}}
  ]')
  data=$(aws cloudwatch get-metric-data --metric-data-queries "$queries" \
    --start-time "$begin" --end-time "$end" --output json)
  value() { jq -r --arg id "$1" '[.MetricDataResults[] | select(.Id == $id) | .Values[0] // 0] | first // 0' <<<"$data"; }
  p95=$(value p95) req=$(value req) err=$(value err)
  rate=$(awk -v e="$err" -v r="$req" 'BEGIN { if (r > 0) printf "%.2f", 100 * e / r; else print "0" }')
  if awk -v p="$p95" -v m="$p95_max" 'BEGIN { exit !(p <= m) }'; then
    echo "- :white_check_mark: p95 response time ${p95}s (<= ${p95_max}s)" >> "$summary"
  else
    echo "- :x: p95 response time ${p95}s (> ${p95_max}s)" >> "$summary"
    failures=$((failures + 1))
  fi
  if awk -v r="$rate" -v m="$error_max" 'BEGIN { exit !(r <= m) }'; then
    echo "- :white_check_mark: 5xx rate ${rate}% of ${req} requests (<= ${error_max}%)" >> "$summary"
  else
    echo "- :x: 5xx rate ${rate}% of ${req} requests (> ${error_max}%)" >> "$summary"
    failures=$((failures + 1))
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "::error::Post-deployment validation failed (${failures} check(s))"
  exit 1
fi
echo "Post-deployment validation passed"
