output "state_bucket_name" {
  description = "Set as the GitHub variable TF_STATE_BUCKET."
  value       = aws_s3_bucket.state.id
}

output "state_kms_key_arn" {
  description = "Set as the GitHub variable TF_STATE_KMS_KEY_ARN."
  value       = aws_kms_key.state.arn
}

output "backend_config" {
  description = "Arguments for terraform init of the environments."
  value       = "-backend-config=\"bucket=${aws_s3_bucket.state.id}\" -backend-config=\"region=${var.aws_region}\""
}
