variable "name" {
  description = "Name prefix of the network resources."
  type        = string
}

variable "cidr_block" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Number of availability zones (2 or more for high availability)."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2
    error_message = "Use at least two availability zones."
  }
}

variable "service_port" {
  description = "Port the service container listens on."
  type        = number
  default     = 8080
}

variable "interface_endpoints" {
  description = "AWS services reached by the tasks through interface VPC endpoints."
  type        = list(string)
  default = [
    "bedrock-runtime",
    "ecr.api",
    "ecr.dkr",
    "logs",
    "secretsmanager",
  ]
}

variable "ssm_agent_endpoints" {
  description = "Add the ssm, ssmmessages and ec2messages endpoints the SSM agent sidecar of fault injection needs."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "CMK that encrypts the flow log group."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the VPC flow logs."
  type        = number
  default     = 365
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
