output "alb_dns_name" {
  description = "DNS name of the ALB (target of the api domain)."
  value       = module.alb.alb_dns_name
}

output "cloudfront_domain_name" {
  description = "Domain of the CloudFront distribution (target of the assets domain)."
  value       = module.cdn.distribution_domain_name
}

output "table_names" {
  description = "Logical => physical DynamoDB table names."
  value       = module.dynamodb.table_names
}

output "alarm_arns" {
  description = "Alarm key => ARN."
  value       = module.monitoring.alarm_arns
}

output "dashboard_names" {
  description = "The executive, operations, security and performance dashboards."
  value       = module.monitoring.dashboard_names
}

output "fis_experiment_template_ids" {
  description = "Experiment id => FIS template id (staging)."
  value       = var.chaos_enabled ? module.fis[0].experiment_template_ids : {}
}

output "ci_role_arns" {
  description = "GitHub OIDC role ARNs."
  value       = module.github_oidc.role_arns
}

output "github_environment_variables" {
  description = "Variables to set on the GitHub environment named like this environment."
  value = {
    TF_APPLY_ROLE_ARN           = module.github_oidc.role_arns.terraform_apply
    APP_DEPLOY_ROLE_ARN         = module.github_oidc.role_arns.app_deploy
    ECR_REPOSITORY_URI          = module.ecr.repository_url
    ECS_CLUSTER                 = module.ecs_service.cluster_name
    ECS_SERVICE                 = module.ecs_service.service_name
    ECS_CONTAINER_NAME          = module.ecs_service.container_name
    CODEDEPLOY_APPLICATION      = module.ecs_service.codedeploy_application_name
    CODEDEPLOY_DEPLOYMENT_GROUP = module.ecs_service.codedeploy_deployment_group_name
    ALERT_TOPIC_ARN             = module.monitoring.alert_topic_arn
    NAME_PREFIX                 = local.name
    BASE_URL                    = "https://${var.api_domain_name}"
    ALB_ARN_SUFFIX              = module.alb.alb_arn_suffix
    CONTAINER_PORT              = tostring(var.container_port)
  }
}

output "github_repository_variables" {
  description = "Repository-level variables for the jobs that run outside a GitHub environment (PR plans, drift detection, game days, reports)."
  value = {
    "${upper(var.environment)}_TF_PLAN_ROLE_ARN"  = module.github_oidc.role_arns.terraform_plan
    "${upper(var.environment)}_ALERT_TOPIC_ARN"   = module.monitoring.alert_topic_arn
    "${upper(var.environment)}_GAME_DAY_ROLE_ARN" = module.github_oidc.role_arns.game_day
    "${upper(var.environment)}_BASE_URL"          = "https://${var.api_domain_name}"
    "${upper(var.environment)}_NAME_PREFIX"       = local.name
    REPORT_PUBLISHER_ROLE_ARN                     = module.github_oidc.role_arns.report_publisher
    REPORTS_BUCKET                                = module.monitoring.reports_bucket_name
  }
}
