variable "name" {
  description = "Name prefix of the CDN resources."
  type        = string
}

variable "domain_aliases" {
  description = "Alternate domain names of the distribution (covered by acm_certificate_arn)."
  type        = list(string)
  default     = []
}

variable "acm_certificate_arn" {
  description = "ACM certificate in us-east-1 for the distribution's aliases."
  type        = string
}

variable "api_origin_domain" {
  description = "Domain name of the ALB (matching its certificate) to route /api/* to; empty: assets only."
  type        = string
  default     = ""
}

variable "alb_arn" {
  description = "ALB protected by the regional web ACL."
  type        = string
}

variable "default_root_object" {
  description = "Object served for the root URL."
  type        = string
  default     = "index.html"
}

variable "price_class" {
  description = "CloudFront price class."
  type        = string
  default     = "PriceClass_100"
}

variable "rate_limit_per_5_minutes" {
  description = "Requests per client IP per 5 minutes before WAF blocks it."
  type        = number
  default     = 2000
}

variable "kms_key_arn" {
  description = "Environment CMK (regional WAF log group)."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the WAF logs."
  type        = number
  default     = 365
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
