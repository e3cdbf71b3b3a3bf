module "platform" {
  source = "../../modules/platform"
  providers = {
    aws           = aws
    aws.dr        = aws.dr
    aws.us_east_1 = aws.us_east_1
  }

  environment       = var.environment
  name_prefix       = "chatbot-${var.environment}"
  github_repository = var.github_repository

  create_oidc_provider       = var.create_oidc_provider
  existing_oidc_provider_arn = var.existing_oidc_provider_arn

  state_bucket_name = var.state_bucket_name
  state_key         = "chatbot/staging/terraform.tfstate"
  state_kms_key_arn = var.state_kms_key_arn

  vpc_cidr              = var.vpc_cidr
  api_domain_name       = var.api_domain_name
  assets_domain_name    = var.assets_domain_name
  route53_zone_id       = var.route53_zone_id
  route_api_through_cdn = true

  deployment_strategy = var.deployment_strategy
  container_image_tag = var.container_image_tag
  task_cpu            = var.task_cpu
  task_memory         = var.task_memory
  desired_count       = var.desired_count
  min_capacity        = var.min_capacity
  max_capacity        = var.max_capacity

  bedrock_model_id         = var.bedrock_model_id
  jwt_rotation_lambda_name = var.jwt_rotation_lambda_name
  alert_email_addresses    = var.alert_email_addresses
  alert_pager_endpoint     = var.alert_pager_endpoint

  deletion_protection           = true
  chaos_enabled                 = var.chaos_enabled
  pipeline_reads_tables         = var.pipeline_reads_tables
  enable_backup_vault_lock      = var.enable_backup_vault_lock
  manage_backup_region_settings = var.manage_backup_region_settings

  ecr_pull_principal_arns          = var.ecr_pull_principal_arns
  promotion_source_repository_arns = var.promotion_source_repository_arns
}
