variable "name" {
  description = "Name prefix of the backup resources."
  type        = string
}

variable "kms_key_arn" {
  description = "CMK of the primary-region vault."
  type        = string
}

variable "table_arns" {
  description = "DynamoDB tables to back up."
  type        = list(string)
}

variable "selection_tag_key" {
  description = "Tag key that also selects resources for the plan."
  type        = string
  default     = "Backup"
}

variable "selection_tag_value" {
  description = "Tag value that also selects resources for the plan."
  type        = string
  default     = "chatbot-daily-hourly"
}

variable "hourly_retention_days" {
  description = "Days to keep hourly recovery points (and their DR copies)."
  type        = number
  default     = 2
}

variable "daily_retention_days" {
  description = "Days to keep daily recovery points (and their DR copies)."
  type        = number
  default     = 35
}

variable "monthly_retention_days" {
  description = "Days to keep monthly recovery points (and their DR copies)."
  type        = number
  default     = 365
}

variable "enable_vault_lock" {
  description = "Lock both vaults (governance mode) between the minimum and maximum retention."
  type        = bool
  default     = false
}

variable "manage_region_settings" {
  description = "Manage the account/region AWS Backup settings (enables DynamoDB advanced backup). Only one configuration per account and region may do this."
  type        = bool
  default     = false
}

variable "region_opt_in_preference" {
  description = "AWS Backup resource type opt-in preference of the region (when manage_region_settings); add the other types the account backs up."
  type        = map(bool)
  default = {
    "DynamoDB" = true
  }
}

variable "sns_topic_arn" {
  description = "Topic that receives backup/copy/restore job notifications (empty: none)."
  type        = string
  default     = ""
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
