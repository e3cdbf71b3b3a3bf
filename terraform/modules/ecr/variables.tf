variable "name" {
  description = "Repository name (e.g. chatbot-staging/chatbot-service)."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed key that encrypts the images."
  type        = string
}

variable "max_tagged_images" {
  description = "Tagged images to keep."
  type        = number
  default     = 50
}

variable "untagged_expiry_days" {
  description = "Days before untagged images expire."
  type        = number
  default     = 7
}

variable "pull_principal_arns" {
  description = "Principals of other environments allowed to pull (image promotion), e.g. the production app-deploy role."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
