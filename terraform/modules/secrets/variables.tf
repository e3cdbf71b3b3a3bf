variable "name" {
  description = "Name prefix of the secrets (e.g. chatbot-staging)."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed key that encrypts the secrets."
  type        = string
}

variable "rotation_lambda_arn" {
  description = "ARN of the Lambda function that rotates the JWT signing key."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:lambda:", var.rotation_lambda_arn))
    error_message = "rotation_lambda_arn must be a Lambda function ARN."
  }
}

variable "rotation_days" {
  description = "Days between automatic rotations."
  type        = number
  default     = 30
}

variable "recovery_window_days" {
  description = "Days a deleted secret can still be restored."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
