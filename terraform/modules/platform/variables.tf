variable "environment" {
  description = "Environment name: staging or production (also the GitHub environment name)."
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "name_prefix" {
  description = "Prefix of every resource name (e.g. chatbot-staging)."
  type        = string
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose workflows may assume the CI/CD roles."
  type        = string
}

variable "create_oidc_provider" {
  description = "Create the GitHub OIDC provider in this account."
  type        = bool
  default     = true
}

variable "existing_oidc_provider_arn" {
  description = "Existing GitHub OIDC provider when create_oidc_provider is false."
  type        = string
  default     = ""
}

variable "state_bucket_name" {
  description = "Terraform state bucket (terraform/bootstrap)."
  type        = string
}

variable "state_key" {
  description = "Key of this environment's state object (must match the backend block)."
  type        = string
}

variable "state_kms_key_arn" {
  description = "CMK of the state bucket (terraform/bootstrap output); empty for SSE-S3."
  type        = string
  default     = ""
}

variable "vpc_cidr" {
  description = "CIDR of the environment VPC."
  type        = string
}

variable "az_count" {
  description = "Availability zones."
  type        = number
  default     = 2
}

variable "api_domain_name" {
  description = "Domain of the API (ALB); an ISSUED ACM certificate for it must exist in the region."
  type        = string
}

variable "assets_domain_name" {
  description = "Domain of the front end (CloudFront); an ISSUED ACM certificate for it must exist in us-east-1."
  type        = string
}

variable "route53_zone_id" {
  description = "Hosted zone for the api and assets alias records (empty: DNS managed elsewhere)."
  type        = string
  default     = ""
}

variable "route_api_through_cdn" {
  description = "Also route /api/* through CloudFront (uncached) to the ALB."
  type        = bool
  default     = true
}

variable "deployment_strategy" {
  description = "rolling, blue-green or canary (see modules/ecs-service)."
  type        = string
  default     = "blue-green"
}

variable "container_image_tag" {
  description = "Image tag of the first task definition revision (later ones come from application-cd)."
  type        = string
  default     = "bootstrap"
}

variable "container_port" {
  description = "Port of the service."
  type        = number
  default     = 8080
}

variable "container_health_check_command" {
  description = "Container health check (the image must contain the tool it calls)."
  type        = list(string)
  default     = ["CMD-SHELL", "curl -fsS http://localhost:8080/actuator/health/liveness || exit 1"]
}

variable "task_cpu" {
  description = "Task CPU units."
  type        = number
  default     = 1024
}

variable "task_memory" {
  description = "Task memory (MiB)."
  type        = number
  default     = 2048
}

variable "cpu_architecture" {
  description = "X86_64 or ARM64 (must match the image)."
  type        = string
  default     = "X86_64"
}

variable "desired_count" {
  description = "Initial task count (>= 2)."
  type        = number
  default     = 2
}

variable "min_capacity" {
  description = "Auto scaling minimum (>= 2)."
  type        = number
  default     = 2
}

variable "max_capacity" {
  description = "Auto scaling maximum."
  type        = number
  default     = 10
}

variable "bedrock_model_id" {
  description = "Bedrock model the service invokes."
  type        = string
}

variable "bedrock_model_arns" {
  description = "Explicit model / inference profile ARNs (empty: derived from bedrock_model_id)."
  type        = list(string)
  default     = []
}

variable "jwt_rotation_lambda_name" {
  description = "Name of the Lambda function (same account and region) that rotates the JWT signing key."
  type        = string
}

variable "jwt_rotation_days" {
  description = "Days between JWT signing key rotations."
  type        = number
  default     = 30
}

variable "extra_environment_variables" {
  description = "Further plain (non-secret) container environment variables."
  type        = map(string)
  default     = {}
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

variable "deletion_protection" {
  description = "Deletion protection of the tables and the ALB."
  type        = bool
  default     = true
}

variable "chaos_enabled" {
  description = "Build the FIS templates and the game-day role, and tag the service ChaosAllowed=true (staging only)."
  type        = bool
  default     = false
}

variable "pipeline_reads_tables" {
  description = "Let the app-deploy role's harness read the service's tables (the privacy sweep of the post-deployment validation); false: no pipeline role reads them."
  type        = bool
  default     = false
}

variable "enable_backup_vault_lock" {
  description = "Lock the backup vaults (governance mode)."
  type        = bool
  default     = false
}

variable "manage_backup_region_settings" {
  description = "Let this configuration own the account/region AWS Backup settings."
  type        = bool
  default     = false
}

variable "ecr_pull_principal_arns" {
  description = "Principals of other environments allowed to pull from this environment's repository (promotion)."
  type        = list(string)
  default     = []
}

variable "promotion_source_repository_arns" {
  description = "Repositories of other environments this environment's app-deploy role may pull from (promotion)."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
