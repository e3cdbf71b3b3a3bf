#!/usr/bin/env bash
# Automatic rollback: puts the previous task definition back into service and times it
# against the 5 minute rollback target (NFR).
#   ECS controller         -> update-service to the previous revision, wait for COMPLETED
#   CODE_DEPLOY controller -> stop the running deployment with auto-rollback if it is still in
#                             progress, otherwise re-deploy the previous revision (all at once)
# Usage: ecs-rollback.sh <previous task definition arn> [<codedeploy deployment id>]
# Env:   ECS_CLUSTER, ECS_SERVICE, ECS_CONTAINER_NAME, CONTAINER_PORT, CODEDEPLOY_APPLICATION,
#        CODEDEPLOY_DEPLOYMENT_GROUP
set -euo pipefail

previous=${1:?usage: ecs-rollback.sh <previous task definition arn> [deployment id]}
deployment_id=${2:-}
: "${ECS_CLUSTER:?}" "${ECS_SERVICE:?}"
port=${CONTAINER_PORT:-8080}
target_seconds=${ROLLBACK_TARGET_SECONDS:-300}
start=$(date +%s)

service=$(aws ecs describe-services --cluster "$ECS_CLUSTER" --services "$ECS_SERVICE" --output json)
controller=$(jq -r '.services[0].deploymentController.type // "ECS"' <<<"$service")
echo "::warning::Rolling ${ECS_SERVICE} back to ${previous} (controller ${controller})"

primary_td() {
  aws ecs describe-services --cluster "$ECS_CLUSTER" --services "$ECS_SERVICE" --output json \
    | jq -r '([.services[0].taskSets[]? | select(.status == "PRIMARY") | .taskDefinition] | first)
             // ([.services[0].deployments[] | select(.status == "PRIMARY") | .taskDefinition] | first)'
}

if [ "$controller" = "ECS" ]; then
  aws ecs update-service --cluster "$ECS_CLUSTER" --service "$ECS_SERVICE" \
    --task-definition "$previous" --output json >/dev/null
  aws ecs wait services-stable --cluster "$ECS_CLUSTER" --services "$ECS_SERVICE"
else
  status=""
  if [ -n "$deployment_id" ]; then
    status=$(aws deploy get-deployment --deployment-id "$deployment_id" --query 'deploymentInfo.status' --output text)
  fi
  case "$status" in
    Created | Queued | InProgress | Baking | Ready)
      echo "Stopping ${deployment_id} (${status}) with automatic rollback"
      aws deploy stop-deployment --deployment-id "$deployment_id" --auto-rollback-enabled --output json >/dev/null
      for _ in $(seq 1 60); do
        [ "$(primary_td)" = "$previous" ] && break
        sleep 5
      done
      ;;
  esac
  if [ "$(primary_td)" != "$previous" ]; then
    : "${CODEDEPLOY_APPLICATION:?}" "${CODEDEPLOY_DEPLOYMENT_GROUP:?}" "${ECS_CONTAINER_NAME:?}"
    appspec=$(jq -cn --arg td "$previous" --arg name "$ECS_CONTAINER_NAME" --argjson port "$port" '{
      version: 1,
      Resources: [{ TargetService: { Type: "AWS::ECS::Service", Properties: {
        TaskDefinition: $td,
        LoadBalancerInfo: { ContainerName: $name, ContainerPort: $port } } } }]
    }')
    revision=$(jq -cn --arg content "$appspec" '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}')
    rollback_id=$(aws deploy create-deployment \
      --application-name "$CODEDEPLOY_APPLICATION" \
      --deployment-group-name "$CODEDEPLOY_DEPLOYMENT_GROUP" \
      --deployment-config-name CodeDeployDefault.ECSAllAtOnce \
      --description "rollback to ${previous}" \
      --revision "$revision" \
      --query deploymentId --output text)
    echo "Rollback deployment ${rollback_id}"
    aws deploy wait deployment-successful --deployment-id "$rollback_id"
  fi
fi

duration=$(( $(date +%s) - start ))
now=$(primary_td)
{
  echo "### Automatic rollback"
  echo
  echo "| service | restored task definition | now serving | duration | target |"
  echo "|---|---|---|---:|---:|"
  echo "| ${ECS_SERVICE} | ${previous} | ${now} | ${duration}s | ${target_seconds}s |"
} >> "${GITHUB_STEP_SUMMARY:-/dev/null}"

if [ "$now" != "$previous" ]; then
  echo "::error::Rollback did not restore ${previous} (serving ${now})"
  exit 1
fi
if [ "$duration" -gt "$target_seconds" ]; then
  echo "::warning::Rollback took ${duration}s, over the ${target_seconds}s target"
fi
echo "Rolled back to ${previous} in ${duration}s"
