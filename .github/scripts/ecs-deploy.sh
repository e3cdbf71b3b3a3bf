#!/usr/bin/env bash
# Deploys an image to the ECS service of one environment with the requested strategy:
#   rolling    -> ECS rolling update (circuit breaker + alarm rollback configured in Terraform)
#   blue-green -> CodeDeploy, CodeDeployDefault.ECSAllAtOnce
#   canary     -> CodeDeploy, CodeDeployDefault.ECSCanary10Percent5Minutes
# The service's deployment controller comes from terraform (var deployment_strategy): rolling
# needs the ECS controller, blue-green and canary need CODE_DEPLOY.
#
# Usage: ecs-deploy.sh <image uri> <strategy>
# Env:   ECS_CLUSTER, ECS_SERVICE, ECS_CONTAINER_NAME, CONTAINER_PORT (default 8080),
#        CODEDEPLOY_APPLICATION, CODEDEPLOY_DEPLOYMENT_GROUP (blue-green / canary)
# Writes to $GITHUB_OUTPUT: controller, previous_task_definition, task_definition,
#        deployment_id, duration_seconds
set -euo pipefail

image=${1:?usage: ecs-deploy.sh <image uri> <strategy>}
strategy=${2:?usage: ecs-deploy.sh <image uri> <strategy>}
: "${ECS_CLUSTER:?}" "${ECS_SERVICE:?}" "${ECS_CONTAINER_NAME:?}"
port=${CONTAINER_PORT:-8080}
out=${GITHUB_OUTPUT:-/dev/stdout}

service=$(aws ecs describe-services --cluster "$ECS_CLUSTER" --services "$ECS_SERVICE" --output json)
controller=$(jq -r '.services[0].deploymentController.type // "ECS"' <<<"$service")
previous=$(jq -r '
  ([.services[0].taskSets[]? | select(.status == "PRIMARY") | .taskDefinition] | first)
  // .services[0].taskDefinition' <<<"$service")
echo "controller=${controller}" >> "$out"
echo "previous_task_definition=${previous}" >> "$out"
echo "Current task definition: ${previous} (controller ${controller})"

case "${strategy}:${controller}" in
  rolling:ECS | blue-green:CODE_DEPLOY | canary:CODE_DEPLOY) ;;
  *)
    echo "::error::Strategy '${strategy}' needs the $([ "$strategy" = rolling ] && echo ECS || echo CODE_DEPLOY) deployment controller, but ${ECS_SERVICE} uses ${controller}. Set deployment_strategy in terraform/environments/*/terraform.tfvars and apply first."
    exit 1
    ;;
esac

# New revision = current revision with the new image (everything else stays Terraform's).
current=$(aws ecs describe-task-definition --task-definition "$previous" --include TAGS --output json)
definition=$(jq --arg image "$image" --arg name "$ECS_CONTAINER_NAME" '
  .tags as $tags
  | .taskDefinition
  | .containerDefinitions |= map(if .name == $name then .image = $image else . end)
  | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities,
        .registeredAt, .registeredBy, .deregisteredAt)
  | if ($tags | length) > 0 then .tags = $tags else . end' <<<"$current")
if ! jq -e --arg name "$ECS_CONTAINER_NAME" '.containerDefinitions | any(.name == $name)' <<<"$definition" >/dev/null; then
  echo "::error::Container ${ECS_CONTAINER_NAME} not found in ${previous}"
  exit 1
fi
new_td=$(aws ecs register-task-definition --cli-input-json "$definition" \
  --query 'taskDefinition.taskDefinitionArn' --output text)
echo "task_definition=${new_td}" >> "$out"
echo "Registered ${new_td}"

start=$(date +%s)
if [ "$controller" = "ECS" ]; then
  aws ecs update-service --cluster "$ECS_CLUSTER" --service "$ECS_SERVICE" \
    --task-definition "$new_td" --output json >/dev/null
  echo "deployment_id=" >> "$out"
  # Wait until the new deployment is COMPLETED, or FAILED (circuit breaker / alarm rollback).
  deadline=$(( start + ${DEPLOY_TIMEOUT_SECONDS:-1800} ))
  while :; do
    state=$(aws ecs describe-services --cluster "$ECS_CLUSTER" --services "$ECS_SERVICE" --output json \
      | jq -r --arg td "$new_td" '[.services[0].deployments[] | select(.taskDefinition == $td)] | first | .rolloutState // "GONE"')
    echo "rollout: ${state}"
    case "$state" in
      COMPLETED) break ;;
      FAILED | GONE)
        echo "::error::Rolling deployment of ${new_td} failed; ECS rolled back to ${previous}."
        exit 1 ;;
    esac
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "::error::Rolling deployment did not complete in time."
      exit 1
    fi
    sleep 15
  done
else
  : "${CODEDEPLOY_APPLICATION:?}" "${CODEDEPLOY_DEPLOYMENT_GROUP:?}"
  config=CodeDeployDefault.ECSAllAtOnce
  [ "$strategy" = canary ] && config=CodeDeployDefault.ECSCanary10Percent5Minutes
  appspec=$(jq -cn --arg td "$new_td" --arg name "$ECS_CONTAINER_NAME" --argjson port "$port" '{
    version: 1,
    Resources: [{ TargetService: { Type: "AWS::ECS::Service", Properties: {
      TaskDefinition: $td,
      LoadBalancerInfo: { ContainerName: $name, ContainerPort: $port } } } }]
  }')
  revision=$(jq -cn --arg content "$appspec" '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}')
  deployment_id=$(aws deploy create-deployment \
    --application-name "$CODEDEPLOY_APPLICATION" \
    --deployment-group-name "$CODEDEPLOY_DEPLOYMENT_GROUP" \
    --deployment-config-name "$config" \
    --description "${GITHUB_REPOSITORY:-local}@${GITHUB_SHA:-unknown} (${strategy})" \
    --revision "$revision" \
    --query deploymentId --output text)
  echo "deployment_id=${deployment_id}" >> "$out"
  echo "CodeDeploy ${strategy} deployment ${deployment_id} (${config})"
  if ! aws deploy wait deployment-successful --deployment-id "$deployment_id"; then
    info=$(aws deploy get-deployment --deployment-id "$deployment_id" --output json)
    echo "::error::CodeDeploy deployment ${deployment_id} ended $(jq -r '.deploymentInfo.status' <<<"$info"): $(jq -r '.deploymentInfo.errorInformation.message // "no message"' <<<"$info")"
    exit 1
  fi
fi

duration=$(( $(date +%s) - start ))
echo "duration_seconds=${duration}" >> "$out"
echo "Deployed ${new_td} with ${strategy} in ${duration}s"
