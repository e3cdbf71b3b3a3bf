#!/usr/bin/env bash
# Waits while a game day (.github/workflows/game-days.yml) is running, so that no deployment to staging starts in the
# middle of its fault-injection experiments. Game days and deployments no longer share one concurrency group: GitHub
# keeps a single pending job per group and cancels the older one when another queues, so a game day waiting behind a
# deployment (or a deployment behind a game day) could vanish. Each side waits for the other instead: the game day's
# pre-flight for a running deployment, deployments here for a running game day.
# Usage: await-no-game-day.sh [max minutes, default 160]   Env: GH_TOKEN, GITHUB_REPOSITORY
set -euo pipefail

max_minutes=${1:-160}
deadline=$(( $(date +%s) + max_minutes * 60 ))
while :; do
  running=$(gh run list --repo "$GITHUB_REPOSITORY" --workflow game-days.yml --status in_progress --json databaseId --jq 'length')
  if [ "$running" = "0" ]; then
    echo "No game day is running on staging."
    exit 0
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "::error::A game day has been running on staging for more than ${max_minutes} minutes; not deploying into it."
    exit 1
  fi
  echo "A game day is running on staging; waiting for it to end."
  sleep 60
done
