variable "aws_region" {
  description = "Region of the state bucket."
  type        = string
  default     = "eu-central-1"
}

variable "state_bucket_name" {
  description = "Globally unique name of the state bucket (becomes vars.TF_STATE_BUCKET)."
  type        = string
}

variable "noncurrent_version_retention_days" {
  description = "Days to keep previous state versions."
  type        = number
  default     = 365
}

variable "state_backup_retention_days" {
  description = "Days to keep the pre-apply copies under state-backups/."
  type        = number
  default     = 180
}
