variable "name" {
  description = "Name prefix (e.g. chatbot-staging)."
  type        = string
}

variable "deployment_strategy" {
  description = "rolling (ECS controller, circuit breaker), blue-green or canary (CodeDeploy)."
  type        = string
  default     = "blue-green"

  validation {
    condition     = contains(["rolling", "blue-green", "canary"], var.deployment_strategy)
    error_message = "deployment_strategy must be rolling, blue-green or canary."
  }
}

variable "container_image" {
  description = "Image of the first task definition revision (later revisions come from the pipeline)."
  type        = string
}

variable "container_name" {
  description = "Name of the service container."
  type        = string
  default     = "chatbot"
}

variable "container_port" {
  description = "Port the container listens on."
  type        = number
  default     = 8080
}

variable "cpu" {
  description = "Task CPU units."
  type        = number
  default     = 1024
}

variable "memory" {
  description = "Task memory (MiB)."
  type        = number
  default     = 2048
}

variable "cpu_architecture" {
  description = "X86_64 or ARM64; must match the image."
  type        = string
  default     = "X86_64"
}

variable "desired_count" {
  description = "Initial number of tasks (at least 2, spread over the AZs)."
  type        = number
  default     = 2

  validation {
    condition     = var.desired_count >= 2
    error_message = "Run at least two tasks for high availability."
  }
}

variable "min_capacity" {
  description = "Auto scaling minimum number of tasks."
  type        = number
  default     = 2

  validation {
    condition     = var.min_capacity >= 2
    error_message = "Keep at least two tasks for high availability."
  }
}

variable "max_capacity" {
  description = "Auto scaling maximum number of tasks."
  type        = number
  default     = 10
}

variable "cpu_target_percent" {
  description = "Target average CPU utilisation of the service."
  type        = number
  default     = 60
}

variable "requests_per_target" {
  description = "Target ALB requests per task per minute."
  type        = number
  default     = 1000
}

variable "health_check_command" {
  description = "Container health check command (the image must contain the tool it calls)."
  type        = list(string)
  default     = ["CMD-SHELL", "curl -fsS http://localhost:8080/actuator/health/liveness || exit 1"]
}

variable "environment_variables" {
  description = "Plain, non-secret environment variables of the container."
  type        = map(string)
  default     = {}
}

variable "secret_arns" {
  description = "Environment variable name => Secrets Manager secret ARN (injected through the task definition's secrets)."
  type        = map(string)
  default     = {}
}

variable "runtime_secret_arns" {
  description = "Secrets Manager secret ARNs the service reads by id while it runs (the task role may read exactly these)."
  type        = list(string)
  default     = []
}

variable "dynamodb_table_arns" {
  description = "ARNs of the tables the service reads and writes."
  type        = list(string)
}

variable "bedrock_model_id" {
  description = "Bedrock foundation model the service invokes."
  type        = string
}

variable "bedrock_model_arns" {
  description = "Explicit model / inference profile ARNs; empty derives the foundation-model ARN from bedrock_model_id."
  type        = list(string)
  default     = []
}

variable "ecr_repository_arn" {
  description = "ECR repository the image is pulled from."
  type        = string
}

variable "kms_key_arn" {
  description = "Environment CMK (logs, secrets, tables)."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the service logs."
  type        = number
  default     = 365
}

variable "private_subnet_ids" {
  description = "Private subnets of the tasks."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the tasks."
  type        = list(string)
}

variable "alb_arn_suffix" {
  description = "ARN suffix of the ALB (auto scaling resource label)."
  type        = string
}

variable "https_listener_arn" {
  description = "HTTPS listener (CodeDeploy production traffic route)."
  type        = string
}

variable "target_group_arns" {
  description = "Map with blue and green target group ARNs."
  type        = map(string)
}

variable "target_group_arn_suffixes" {
  description = "Map with blue and green target group ARN suffixes."
  type        = map(string)
}

variable "target_group_names" {
  description = "Map with blue and green target group names."
  type        = map(string)
}

variable "rollback_alarm_names" {
  description = "CloudWatch alarms that roll a deployment back (ECS deployment alarms / CodeDeploy alarm configuration)."
  type        = list(string)
  default     = []
}

variable "blue_termination_wait_minutes" {
  description = "Minutes CodeDeploy keeps the old task set after the traffic switch."
  type        = number
  default     = 10
}

variable "chaos_allowed" {
  description = "Tag the service and its tasks ChaosAllowed=true so FIS experiments may target them."
  type        = bool
  default     = false
}

variable "enable_fault_injection" {
  description = "Make the tasks targets of the FIS aws:ecs:task-* actions: ECS fault injection, pid_mode task, the SSM agent sidecar and its managed-instance role."
  type        = bool
  default     = false
}

variable "fault_injection_agent_image" {
  description = "Image of the SSM agent sidecar (enable_fault_injection): the AWS FIS user guide's amazon-ssm-agent image."
  type        = string
  default     = "public.ecr.aws/amazon-ssm-agent/amazon-ssm-agent:latest"
}

variable "fault_injection_agent_cpu" {
  description = "CPU units reserved for the SSM agent sidecar."
  type        = number
  default     = 128
}

variable "fault_injection_agent_memory" {
  description = "Hard memory limit (MiB) of the SSM agent sidecar (its start installs jq, procps and the AWS CLI with dnf)."
  type        = number
  default     = 512
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
