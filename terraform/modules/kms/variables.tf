variable "name" {
  description = "Alias name of the key (without the alias/ prefix)."
  type        = string
}

variable "description" {
  description = "Description of the key."
  type        = string
  default     = "Chatbot environment customer managed key"
}

variable "deletion_window_in_days" {
  description = "Waiting period before a scheduled key deletion completes."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
