variable "environment" {
  description = "Environment name (also the GitHub environment name)."
  type        = string
}

variable "aws_region" {
  description = "Primary region."
  type        = string
}

variable "dr_region" {
  description = "Disaster-recovery region (backup copies)."
  type        = string
}

variable "allowed_account_ids" {
  description = "Accounts this configuration may touch (guards against applying to the wrong account)."
  type        = list(string)
  default     = []
}

variable "github_repository" {
  description = "owner/name of the repository (CI sets TF_VAR_github_repository from github.repository)."
  type        = string
}

variable "state_bucket_name" {
  description = "Terraform state bucket (CI sets TF_VAR_state_bucket_name from vars.TF_STATE_BUCKET)."
  type        = string
}

variable "state_kms_key_arn" {
  description = "CMK of the state bucket (bootstrap output); empty for SSE-S3 (CI sets TF_VAR_state_kms_key_arn from vars.TF_STATE_KMS_KEY_ARN)."
  type        = string
  default     = ""
}

variable "create_oidc_provider" {
  description = "Create the GitHub OIDC provider (false when another environment in the same account owns it)."
  type        = bool
  default     = true
}

variable "existing_oidc_provider_arn" {
  description = "The GitHub OIDC provider when create_oidc_provider is false."
  type        = string
  default     = ""
}

variable "vpc_cidr" {
  description = "CIDR of the VPC."
  type        = string
}

variable "api_domain_name" {
  description = "API domain (ACM certificate ISSUED in aws_region)."
  type        = string
}

variable "assets_domain_name" {
  description = "Front-end domain (ACM certificate ISSUED in us-east-1)."
  type        = string
}

variable "route53_zone_id" {
  description = "Hosted zone for the alias records (empty: DNS elsewhere)."
  type        = string
  default     = ""
}

variable "deployment_strategy" {
  description = "rolling, blue-green or canary."
  type        = string
}

variable "container_image_tag" {
  description = "Tag of the first task definition's image."
  type        = string
  default     = "bootstrap"
}

variable "task_cpu" {
  description = "Task CPU units."
  type        = number
}

variable "task_memory" {
  description = "Task memory (MiB)."
  type        = number
}

variable "desired_count" {
  description = "Initial task count."
  type        = number
}

variable "min_capacity" {
  description = "Auto scaling minimum."
  type        = number
}

variable "max_capacity" {
  description = "Auto scaling maximum."
  type        = number
}

variable "bedrock_model_id" {
  description = "Bedrock model of the chat."
  type        = string
}

variable "jwt_rotation_lambda_name" {
  description = "Lambda that rotates the JWT signing key."
  type        = string
}

variable "alert_pager_endpoint" {
  description = "HTTPS endpoint of the pager (PagerDuty or Opsgenie CloudWatch integration URL) subscribed to the alert topic; empty: no pager."
  type        = string
  default     = ""
  sensitive   = true

  validation {
    condition     = var.alert_pager_endpoint == "" || startswith(var.alert_pager_endpoint, "https://")
    error_message = "The pager endpoint must be an https:// URL."
  }
}

variable "alert_email_addresses" {
  description = "E-mail subscribers of the alert topic."
  type        = list(string)
  default     = []
}

variable "chaos_enabled" {
  description = "FIS templates, game-day role and ChaosAllowed tags."
  type        = bool
}

variable "pipeline_reads_tables" {
  description = "The deploy jobs' harness may read the service's tables (the privacy sweep of the post-deployment validation)."
  type        = bool
}

variable "enable_backup_vault_lock" {
  description = "Lock the backup vaults."
  type        = bool
}

variable "manage_backup_region_settings" {
  description = "Own the account/region AWS Backup settings."
  type        = bool
}

variable "ecr_pull_principal_arns" {
  description = "Principals of other environments allowed to pull from this repository."
  type        = list(string)
  default     = []
}

variable "promotion_source_repository_arns" {
  description = "Repositories of other environments to promote images from."
  type        = list(string)
  default     = []
}
