output "alb_dns_name" {
  description = "DNS name of the ALB."
  value       = module.platform.alb_dns_name
}

output "cloudfront_domain_name" {
  description = "Domain of the CloudFront distribution."
  value       = module.platform.cloudfront_domain_name
}

output "table_names" {
  description = "Logical => physical DynamoDB table names."
  value       = module.platform.table_names
}

output "dashboard_names" {
  description = "CloudWatch dashboards."
  value       = module.platform.dashboard_names
}

output "fis_experiment_template_ids" {
  description = "FIS experiment templates."
  value       = module.platform.fis_experiment_template_ids
}

output "github_environment_variables" {
  description = "Variables for the GitHub environment of this environment."
  value       = module.platform.github_environment_variables
}

output "github_repository_variables" {
  description = "Repository-level GitHub variables."
  value       = module.platform.github_repository_variables
}
