# The whole chatbot platform of one environment. terraform/environments/<env> call this module
# with their own values, so staging and production are built from the same code (parity).

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  name       = var.name_prefix
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  rotation_lambda_arn = "arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${var.jwt_rotation_lambda_name}"
  container_image     = "${module.ecr.repository_url}:${var.container_image_tag}"

  tags = merge(var.tags, {
    Environment = var.environment
  })
}

data "aws_acm_certificate" "api" {
  domain      = var.api_domain_name
  statuses    = ["ISSUED"]
  most_recent = true
}

data "aws_acm_certificate" "assets" {
  provider = aws.us_east_1

  domain      = var.assets_domain_name
  statuses    = ["ISSUED"]
  most_recent = true
}

module "kms" {
  source = "../kms"

  name        = local.name
  description = "${local.name}: tables, secrets, logs, alerts, images, backups"
  tags        = local.tags
}

module "network" {
  source = "../network"

  name         = local.name
  cidr_block   = var.vpc_cidr
  az_count     = var.az_count
  service_port = var.container_port
  kms_key_arn  = module.kms.key_arn
  # the FIS SSM agent sidecar of the tasks (module.ecs_service, enable_fault_injection) talks to SSM
  ssm_agent_endpoints = var.chaos_enabled
  tags                = local.tags
}

module "alb" {
  source = "../alb"

  name                       = local.name
  vpc_id                     = module.network.vpc_id
  public_subnet_ids          = module.network.public_subnet_ids
  security_group_ids         = [module.network.alb_security_group_id]
  certificate_arn            = data.aws_acm_certificate.api.arn
  service_port               = var.container_port
  enable_deletion_protection = var.deletion_protection
  tags                       = local.tags
}

module "dynamodb" {
  source = "../dynamodb"

  name_prefix               = local.name
  kms_key_arn               = module.kms.key_arn
  deletion_protection       = var.deletion_protection
  pitr_recovery_period_days = 35
  tags                      = local.tags
}

module "secrets" {
  source = "../secrets"

  name                = local.name
  kms_key_arn         = module.kms.key_arn
  rotation_lambda_arn = local.rotation_lambda_arn
  rotation_days       = var.jwt_rotation_days
  tags                = local.tags
}

module "ecr" {
  source = "../ecr"

  name                = "${local.name}/chatbot-service"
  kms_key_arn         = module.kms.key_arn
  pull_principal_arns = var.ecr_pull_principal_arns
  tags                = local.tags
}

module "monitoring" {
  source = "../monitoring"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name                        = local.name
  kms_key_arn                 = module.kms.key_arn
  alert_email_addresses       = var.alert_email_addresses
  alert_pager_endpoint        = var.alert_pager_endpoint
  alb_arn_suffix              = module.alb.alb_arn_suffix
  target_group_arn_suffixes   = module.alb.target_group_arn_suffixes
  ecs_cluster_name            = "${local.name}-cluster"
  ecs_service_name            = "${local.name}-service"
  codedeploy_application_name = var.deployment_strategy == "rolling" ? "" : "${local.name}-app"
  dynamodb_table_names        = module.dynamodb.table_names
  app_log_group_name          = module.ecs_service.log_group_name
  regional_web_acl_name       = module.cdn.regional_web_acl_name
  regional_waf_log_group_name = module.cdn.regional_waf_log_group_name
  cloudfront_web_acl_name     = module.cdn.cloudfront_web_acl_name
  cloudfront_distribution_id  = module.cdn.distribution_id
  health_check_fqdn           = var.api_domain_name
  health_check_path           = module.alb.health_check_path
  tags                        = local.tags
}

module "ecs_service" {
  source = "../ecs-service"

  name                 = local.name
  deployment_strategy  = var.deployment_strategy
  container_image      = local.container_image
  container_port       = var.container_port
  cpu                  = var.task_cpu
  memory               = var.task_memory
  cpu_architecture     = var.cpu_architecture
  desired_count        = var.desired_count
  min_capacity         = var.min_capacity
  max_capacity         = var.max_capacity
  health_check_command = var.container_health_check_command

  environment_variables = merge({
    SPRING_PROFILES_ACTIVE = var.environment
    APP_ENVIRONMENT        = var.environment
    DYNAMODB_TABLE_PREFIX  = "${local.name}-"
    JWT_ISSUER             = local.name
    # the signing key is read by the secret's id at runtime (and re-read every 30 s): a rotation
    # reaches the running tasks without a new deployment
    CHATBOT_SECURITY_JWT_SECRETID = module.secrets.jwt_signing_key_secret_arn
  }, var.extra_environment_variables)

  secret_arns = {
    CHATBOT_PRIVACY_PSEUDONYMKEY = module.secrets.pseudonym_key_secret_arn
  }
  runtime_secret_arns = [module.secrets.jwt_signing_key_secret_arn]

  dynamodb_table_arns       = module.dynamodb.table_arn_list
  bedrock_model_id          = var.bedrock_model_id
  bedrock_model_arns        = var.bedrock_model_arns
  ecr_repository_arn        = module.ecr.repository_arn
  kms_key_arn               = module.kms.key_arn
  private_subnet_ids        = module.network.private_subnet_ids
  security_group_ids        = [module.network.service_security_group_id]
  alb_arn_suffix            = module.alb.alb_arn_suffix
  https_listener_arn        = module.alb.https_listener_arn
  target_group_arns         = module.alb.target_group_arns
  target_group_arn_suffixes = module.alb.target_group_arn_suffixes
  target_group_names        = module.alb.target_group_names
  rollback_alarm_names      = module.monitoring.rollback_alarm_names
  chaos_allowed             = var.chaos_enabled
  enable_fault_injection    = var.chaos_enabled
  tags                      = local.tags
}

module "cdn" {
  source = "../cdn"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name                = local.name
  domain_aliases      = [var.assets_domain_name]
  acm_certificate_arn = data.aws_acm_certificate.assets.arn
  api_origin_domain   = var.route_api_through_cdn ? var.api_domain_name : ""
  alb_arn             = module.alb.alb_arn
  kms_key_arn         = module.kms.key_arn
  tags                = local.tags
}

module "backup" {
  source = "../backup"
  providers = {
    aws    = aws
    aws.dr = aws.dr
  }

  name                   = local.name
  kms_key_arn            = module.kms.key_arn
  table_arns             = module.dynamodb.table_arn_list
  sns_topic_arn          = module.monitoring.alert_topic_arn
  enable_vault_lock      = var.enable_backup_vault_lock
  manage_region_settings = var.manage_backup_region_settings
  tags                   = local.tags
}

module "fis" {
  source = "../fis"
  count  = var.chaos_enabled ? 1 : 0

  name        = local.name
  alarm_arns  = module.monitoring.alarm_arns
  kms_key_arn = module.kms.key_arn
  tags        = local.tags
}

module "github_oidc" {
  source = "../github-oidc"

  name                             = local.name
  github_repository                = var.github_repository
  github_environment               = var.environment
  environment_tag_value            = var.environment
  create_oidc_provider             = var.create_oidc_provider
  existing_oidc_provider_arn       = var.existing_oidc_provider_arn
  state_bucket_name                = var.state_bucket_name
  state_key                        = var.state_key
  state_kms_key_arn                = var.state_kms_key_arn
  alert_topic_arn                  = module.monitoring.alert_topic_arn
  kms_key_arn                      = module.kms.key_arn
  ecr_repository_arn               = module.ecr.repository_arn
  promotion_source_repository_arns = var.promotion_source_repository_arns
  ecs_cluster_arn                  = module.ecs_service.cluster_arn
  ecs_service_arn                  = module.ecs_service.service_arn
  task_definition_family           = module.ecs_service.task_definition_family
  task_role_arns                   = [module.ecs_service.task_role_arn, module.ecs_service.execution_role_arn]
  codedeploy_application_arn       = module.ecs_service.codedeploy_application_arn
  codedeploy_deployment_group_arn  = module.ecs_service.codedeploy_deployment_group_arn
  rotation_lambda_arn              = local.rotation_lambda_arn
  route53_zone_id                  = var.route53_zone_id
  create_game_day_role             = var.chaos_enabled
  jwt_signing_key_secret_arn       = module.secrets.jwt_signing_key_secret_arn
  harness_table_arns               = var.pipeline_reads_tables ? module.dynamodb.table_arn_list : []
  table_arns                       = module.dynamodb.table_arn_list
  backup_vault_arn                 = module.backup.primary_vault_arn
  backup_role_arn                  = module.backup.backup_role_arn
  reports_bucket_arn               = module.monitoring.reports_bucket_arn
  tags                             = local.tags
}

# Optional DNS: api.<domain> -> ALB, assets domain -> CloudFront.
resource "aws_route53_record" "api" {
  count = var.route53_zone_id == "" ? 0 : 1

  zone_id = var.route53_zone_id
  name    = var.api_domain_name
  type    = "A"

  alias {
    name                   = module.alb.alb_dns_name
    zone_id                = module.alb.alb_zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "assets" {
  count = var.route53_zone_id == "" ? 0 : 1

  zone_id = var.route53_zone_id
  name    = var.assets_domain_name
  type    = "A"

  alias {
    name                   = module.cdn.distribution_domain_name
    zone_id                = "Z2FDTNDATAQYW2" # CloudFront's hosted zone
    evaluate_target_health = false
  }
}
