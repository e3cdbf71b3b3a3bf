output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "service_name" {
  description = "Name of the ECS service."
  value       = local.service_name
}

output "service_arn" {
  description = "ARN of the ECS service."
  value       = local.service_arn
}

output "container_name" {
  description = "Name of the service container."
  value       = var.container_name
}

output "task_definition_family" {
  description = "Task definition family."
  value       = aws_ecs_task_definition.this.family
}

output "task_role_arn" {
  description = "Task role (the application's permissions)."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "Task execution role."
  value       = aws_iam_role.execution.arn
}

output "log_group_name" {
  description = "Log group of the service."
  value       = aws_cloudwatch_log_group.service.name
}

output "deployment_strategy" {
  description = "Active deployment strategy."
  value       = var.deployment_strategy
}

output "codedeploy_application_name" {
  description = "CodeDeploy application (empty for rolling)."
  value       = local.use_codedeploy ? aws_codedeploy_app.this[0].name : ""
}

output "codedeploy_deployment_group_name" {
  description = "CodeDeploy deployment group (empty for rolling)."
  value       = local.use_codedeploy ? aws_codedeploy_deployment_group.this[0].deployment_group_name : ""
}

output "codedeploy_application_arn" {
  description = "CodeDeploy application ARN (empty for rolling)."
  value       = local.use_codedeploy ? aws_codedeploy_app.this[0].arn : ""
}

output "codedeploy_deployment_group_arn" {
  description = "CodeDeploy deployment group ARN (empty for rolling)."
  value       = local.use_codedeploy ? aws_codedeploy_deployment_group.this[0].arn : ""
}

output "managed_instance_role_name" {
  description = "Role SSM gives the tasks the fault-injection sidecar registers (empty without enable_fault_injection)."
  value       = var.enable_fault_injection ? aws_iam_role.managed_instance[0].name : ""
}
