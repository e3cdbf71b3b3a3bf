variable "name" {
  description = "Name prefix (e.g. chatbot-staging); alarms are named <name>-<key>."
  type        = string
}

variable "kms_key_arn" {
  description = "CMK of the topic, the log groups and the report bucket."
  type        = string
}

variable "alert_pager_endpoint" {
  description = "HTTPS endpoint of the pager (PagerDuty or Opsgenie CloudWatch integration URL) subscribed to the alert topic; empty: no pager."
  type        = string
  default     = ""
  sensitive   = true

  validation {
    condition     = var.alert_pager_endpoint == "" || startswith(var.alert_pager_endpoint, "https://")
    error_message = "The pager endpoint must be an https:// URL."
  }
}

variable "alert_email_addresses" {
  description = "E-mail subscribers of the alert topic (each confirms by mail)."
  type        = list(string)
  default     = []
}

variable "alb_arn_suffix" {
  description = "ARN suffix of the ALB."
  type        = string
}

variable "target_group_arn_suffixes" {
  description = "Map with the blue and green target group ARN suffixes."
  type        = map(string)
}

variable "ecs_cluster_name" {
  description = "ECS cluster name."
  type        = string
}

variable "ecs_service_name" {
  description = "ECS service name."
  type        = string
}

variable "codedeploy_application_name" {
  description = "CodeDeploy application whose failures are alerted on (empty: any)."
  type        = string
  default     = ""
}

variable "dynamodb_table_names" {
  description = "Logical table name => physical table name."
  type        = map(string)
}

variable "dynamodb_operations" {
  description = "DynamoDB operations whose SystemErrors are summed per table."
  type        = list(string)
  default     = ["GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "BatchGetItem", "BatchWriteItem"]
}

variable "app_log_group_name" {
  description = "Log group of the service containers."
  type        = string
}

variable "auth_failure_log_pattern" {
  description = "Metric filter pattern that matches one failed authentication in the service log."
  type        = string
  default     = "?AUTHENTICATION_FAILURE ?\"Authentication failed\""
}

variable "auth_failure_threshold" {
  description = "Failed authentications per 5 minutes drawn on the security dashboard; the alarm takes its threshold from alarms.yaml, which this must equal."
  type        = number
  default     = 50

  validation {
    condition     = var.auth_failure_threshold == local.alarm_definitions["auth-failures-spike"].threshold
    error_message = "The alarm thresholds are defined once, in alarms.yaml (auth-failures-spike); this variable only draws the dashboards' line and must equal it."
  }
}

variable "health_check_fqdn" {
  description = "Public domain of the API (api_domain_name) whose health endpoint the Route 53 health check calls over HTTPS: the availability SLO is measured there."
  type        = string

  validation {
    condition     = length(var.health_check_fqdn) > 0 && !startswith(var.health_check_fqdn, "http")
    error_message = "A domain name (api.example.org), not a URL."
  }
}

variable "health_check_path" {
  description = "Path the Route 53 health check requests: the one the load balancer's target groups check (module alb's health_check_path)."
  type        = string
  default     = "/actuator/health/readiness"

  validation {
    condition     = startswith(var.health_check_path, "/actuator/health")
    error_message = "The health check must call one of the service's health endpoints (/actuator/health...)."
  }
}

variable "regional_web_acl_name" {
  description = "Name of the ALB web ACL."
  type        = string
}

variable "regional_waf_log_group_name" {
  description = "Log group of the ALB web ACL."
  type        = string
}

variable "cloudfront_web_acl_name" {
  description = "Name of the CloudFront web ACL (empty: no CloudFront widgets)."
  type        = string
  default     = ""
}

variable "cloudfront_distribution_id" {
  description = "CloudFront distribution (empty: no CDN widgets)."
  type        = string
  default     = ""
}

variable "error_rate_threshold_percent" {
  description = "5xx rate (%) of the critical alarm as the dashboards draw it; the alarm takes its threshold from alarms.yaml, which this must equal."
  type        = number
  default     = 5

  validation {
    condition     = var.error_rate_threshold_percent == local.alarm_definitions["alb-5xx-rate"].threshold
    error_message = "The alarm thresholds are defined once, in alarms.yaml (alb-5xx-rate); this variable only draws the dashboards' line and must equal it."
  }
}

variable "p95_latency_threshold_seconds" {
  description = "p95 target response time (s) as the dashboards draw it; the alarm takes its threshold from alarms.yaml, which this must equal."
  type        = number
  default     = 3

  validation {
    condition     = var.p95_latency_threshold_seconds == local.alarm_definitions["alb-p95-latency"].threshold
    error_message = "The alarm thresholds are defined once, in alarms.yaml (alb-p95-latency); this variable only draws the dashboards' line and must equal it."
  }
}

variable "resource_utilisation_threshold_percent" {
  description = "CPU / memory utilisation (%) as the dashboards draw it; the alarms take their thresholds from alarms.yaml, which this must equal."
  type        = number
  default     = 80

  validation {
    condition     = var.resource_utilisation_threshold_percent == local.alarm_definitions["ecs-cpu-high"].threshold
    error_message = "The alarm thresholds are defined once, in alarms.yaml (ecs-cpu-high); this variable only draws the dashboards' line and must equal it."
  }
}

variable "log_retention_days" {
  description = "Retention of the deployment event log group."
  type        = number
  default     = 365
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
