variable "name" {
  description = "Name prefix of the environment (e.g. chatbot-staging); roles are <name>-gh-<purpose>."
  type        = string
}

variable "github_repository" {
  description = "GitHub repository allowed to assume the roles, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name, without wildcards."
  }
}

variable "github_environment" {
  description = "GitHub environment whose jobs may apply and deploy (staging or production)."
  type        = string
}

variable "environment_tag_value" {
  description = "Value of the Environment tag (provider default_tags) on this environment's resources; scopes key management."
  type        = string
}

variable "default_branch" {
  description = "Branch whose runs may plan, run game days and publish reports."
  type        = string
  default     = "main"
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (one per account: false in a second environment of the same account)."
  type        = bool
  default     = true
}

variable "existing_oidc_provider_arn" {
  description = "ARN of the existing GitHub OIDC provider when create_oidc_provider is false."
  type        = string
  default     = ""
}

variable "state_bucket_name" {
  description = "S3 bucket of the Terraform state."
  type        = string
}

variable "state_key" {
  description = "Key of this environment's state object."
  type        = string
}

variable "state_backup_prefix" {
  description = "Prefix of the pre-apply state backups in the state bucket."
  type        = string
  default     = "state-backups"
}

variable "state_kms_key_arn" {
  description = "CMK of the state bucket (empty: SSE-S3)."
  type        = string
  default     = ""
}

variable "alert_topic_arn" {
  description = "SNS alert topic (drift, deployment and game-day notifications)."
  type        = string
}

variable "kms_key_arn" {
  description = "Environment CMK."
  type        = string
}

variable "ecr_repository_arn" {
  description = "The one image repository app-deploy may push to."
  type        = string
}

variable "promotion_source_repository_arns" {
  description = "Repositories of other environments app-deploy may pull from to promote an image."
  type        = list(string)
  default     = []
}

variable "ecs_cluster_arn" {
  description = "ECS cluster of the service."
  type        = string
}

variable "ecs_service_arn" {
  description = "The one ECS service app-deploy may update."
  type        = string
}

variable "task_definition_family" {
  description = "Task definition family app-deploy may register revisions of."
  type        = string
}

variable "task_role_arns" {
  description = "Task and execution roles app-deploy may pass to ECS."
  type        = list(string)
}

variable "codedeploy_application_arn" {
  description = "CodeDeploy application (empty for rolling)."
  type        = string
  default     = ""
}

variable "codedeploy_deployment_group_arn" {
  description = "CodeDeploy deployment group (empty for rolling)."
  type        = string
  default     = ""
}

variable "rotation_lambda_arn" {
  description = "Rotation Lambda the apply role may grant Secrets Manager invoke permission on."
  type        = string
}

variable "route53_zone_id" {
  description = "Hosted zone the apply role may write alias records to (empty: none)."
  type        = string
  default     = ""
}

variable "jwt_signing_key_secret_arn" {
  description = "The JWT signing key secret: the launch-verification harness of the deploy jobs and the game days reads it to issue test users' tokens (the only secret value a pipeline role may read)."
  type        = string
}

variable "harness_table_arns" {
  description = "Tables the app-deploy role's harness may read (the post-deployment validation's privacy sweep), with their indexes; empty (production): none."
  type        = list(string)
  default     = []
}

variable "create_game_day_role" {
  description = "Create the game-day role (staging only)."
  type        = bool
  default     = false
}

variable "table_arns" {
  description = "Tables the game-day role may restore from in recovery drills."
  type        = list(string)
  default     = []
}

variable "backup_vault_arn" {
  description = "Vault the game-day role may restore from (empty: none)."
  type        = string
  default     = ""
}

variable "backup_role_arn" {
  description = "AWS Backup role passed to restore jobs (empty: none)."
  type        = string
  default     = ""
}

variable "reports_bucket_arn" {
  description = "Bucket the report-publisher role writes to."
  type        = string
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
