#!/usr/bin/env bash
# terraform init of one environment against the S3 backend (native lock file, encrypted).
# Usage: terraform-init.sh <environment dir>
# Env:   TF_STATE_BUCKET (required), AWS_REGION (required), TF_STATE_KMS_KEY_ARN (optional)
set -euo pipefail

dir=${1:?usage: terraform-init.sh <environment dir>}
: "${TF_STATE_BUCKET:?set the repository variable TF_STATE_BUCKET (terraform/bootstrap output)}"
: "${AWS_REGION:?set the repository variable AWS_REGION}"

args=(
  -input=false
  -backend-config="bucket=${TF_STATE_BUCKET}"
  -backend-config="region=${AWS_REGION}"
)
if [ -n "${TF_STATE_KMS_KEY_ARN:-}" ]; then
  args+=(-backend-config="kms_key_id=${TF_STATE_KMS_KEY_ARN}")
fi

terraform -chdir="$dir" init "${args[@]}"
