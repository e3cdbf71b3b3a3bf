#!/usr/bin/env bash
# Writes a Markdown summary of a saved plan: resource changes by action, the changed resources,
# and the (truncated) plan text. Also prints it to the job summary.
# Usage: terraform-plan-summary.sh <environment dir> <plan file> <environment name> <exit code of plan> <output.md>
set -euo pipefail

dir=$1 plan=$2 env=$3 plan_rc=$4 out=$5
max_chars=${PLAN_COMMENT_MAX_CHARS:-20000}

{
  echo "### Terraform plan: \`${env}\`"
  echo
  if [ "$plan_rc" != "0" ] && [ "$plan_rc" != "2" ]; then
    echo ":x: **terraform plan failed** (exit code ${plan_rc}); see the job log."
  elif [ ! -f "$dir/$plan" ]; then
    echo ":warning: no plan file was produced."
  else
    json=$(terraform -chdir="$dir" show -json "$plan")
    jq -r '
      [.resource_changes[]? | .change.actions | join("/")] as $a
      | "| create | update | replace | destroy | no-op |",
        "|---:|---:|---:|---:|---:|",
        "| \([$a[] | select(. == "create")] | length) | \([$a[] | select(. == "update")] | length) | \([$a[] | select(. == "delete/create" or . == "create/delete")] | length) | \([$a[] | select(. == "delete")] | length) | \([$a[] | select(. == "no-op")] | length) |"
    ' <<<"$json"
    echo
    changed=$(jq -r '.resource_changes[]? | select(.change.actions != ["no-op"] and .change.actions != ["read"]) | "- `\(.change.actions | join("/"))` \(.address)"' <<<"$json")
    if [ -n "$changed" ]; then
      echo "<details><summary>Changed resources</summary>"
      echo
      echo "$changed" | head -n 200
      echo
      echo "</details>"
    else
      echo "No changes: the infrastructure matches the configuration."
    fi
    echo
    text=$(terraform -chdir="$dir" show -no-color "$plan")
    echo "<details><summary>Plan output</summary>"
    echo
    echo '```hcl'
    if [ "${#text}" -gt "$max_chars" ]; then
      printf '%s\n' "${text:0:$max_chars}"
      echo "... (truncated, full plan in the workflow artifact)"
    else
      printf '%s\n' "$text"
    fi
    echo '```'
    echo
    echo "</details>"
  fi
} > "$out"

cat "$out" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
