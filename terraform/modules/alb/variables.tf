variable "name" {
  description = "Name prefix of the load balancer resources."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the target groups."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets (two or more AZs) of the ALB."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the ALB."
  type        = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate of the HTTPS listener."
  type        = string
}

variable "service_port" {
  description = "Port of the service tasks."
  type        = number
  default     = 8080
}

variable "health_check_path" {
  description = "Target group health check path."
  type        = string
  default     = "/actuator/health/readiness"
}

variable "deregistration_delay" {
  description = "Seconds to drain a target before deregistering it."
  type        = number
  default     = 30
}

variable "idle_timeout" {
  description = "ALB idle timeout in seconds."
  type        = number
  default     = 60
}

variable "enable_deletion_protection" {
  description = "Protect the ALB against deletion."
  type        = bool
  default     = true
}

variable "access_log_retention_days" {
  description = "Days to keep ALB access logs."
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
