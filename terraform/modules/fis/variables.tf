variable "name" {
  description = "Name prefix (e.g. chatbot-staging)."
  type        = string
}

variable "experiments_dir" {
  description = "Folder of the experiment files (*.json); null means chaos-experiments/ of this repository."
  type        = string
  default     = null
}

variable "alarm_arns" {
  description = "Monitoring alarm key => alarm ARN (stop conditions)."
  type        = map(string)
}

variable "default_stop_alarm_key" {
  description = "Alarm key used as stop condition when an experiment declares none."
  type        = string
  default     = "alb-5xx-rate"
}

variable "chaos_tag_key" {
  description = "Tag a resource must carry to be an FIS target."
  type        = string
  default     = "ChaosAllowed"
}

variable "chaos_tag_value" {
  description = "Value of the chaos tag."
  type        = string
  default     = "true"
}

variable "kms_key_arn" {
  description = "CMK of the experiment log group."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the experiment logs."
  type        = number
  default     = 365
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
