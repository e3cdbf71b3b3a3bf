variable "name_prefix" {
  description = "Prefix of the physical table names: <name_prefix>-<table.name>."
  type        = string
}

variable "tables_file" {
  description = "Path of the table definition shared with the service; null means service/src/main/resources/dynamodb/tables.json of this repository."
  type        = string
  default     = null
}

variable "kms_key_arn" {
  description = "Customer managed key that encrypts the tables."
  type        = string
}

variable "deletion_protection" {
  description = "Protect the tables against deletion."
  type        = bool
  default     = true
}

variable "pitr_recovery_period_days" {
  description = "Point-in-time recovery window (1-35 days)."
  type        = number
  default     = 35

  validation {
    condition     = var.pitr_recovery_period_days >= 1 && var.pitr_recovery_period_days <= 35
    error_message = "The PITR recovery period is 1 to 35 days."
  }
}

variable "backup_tag_key" {
  description = "Tag key that selects resources for the AWS Backup plan."
  type        = string
  default     = "Backup"
}

variable "backup_tag_value" {
  description = "Tag value that selects resources for the AWS Backup plan."
  type        = string
  default     = "chatbot-daily-hourly"
}

variable "tags" {
  description = "Tags for every table."
  type        = map(string)
  default     = {}
}
