# GitHub Actions -> AWS through OpenID Connect: no long-lived credentials anywhere.
# Each role trusts only tokens issued for this repository (sub claim) and for AWS STS (aud),
# and only from the context it is meant for:
#   terraform-plan    pull requests and main (PR plans, drift detection)  read-only
#   terraform-apply   the GitHub environment of this AWS environment      deploys the infrastructure
#   app-deploy        the GitHub environment of this AWS environment      ECR push + ECS/CodeDeploy deploy,
#                                                                         the smoke/validation harness
#   game-day          main (scheduled/dispatched game days)               FIS on ChaosAllowed templates,
#                                                                         the game day's harness
#   report-publisher  main                                                writes reports to the report bucket
# No policy grants "*" or "<service>:*" actions; resources are scoped wherever AWS supports it.
# The roles that run the launch-verification harness (app-deploy: smoke and post-deployment validation; game-day)
# may read the one secret value the harness needs, the JWT signing key, and app-deploy in staging the service's
# tables (the privacy sweep); the calls each job's harness makes are listed in
# verification/src/main/resources/policy/harness-aws-calls.yaml and checked against these policies.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region
  oidc_host  = "token.actions.githubusercontent.com"

  oidc_provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : var.existing_oidc_provider_arn

  repo_sub        = "repo:${var.github_repository}"
  sub_environment = "${local.repo_sub}:environment:${var.github_environment}"
  sub_main        = "${local.repo_sub}:ref:refs/heads/${var.default_branch}"
  sub_pr          = "${local.repo_sub}:pull_request"

  arn_prefix = {
    iam        = "arn:${local.partition}:iam::${local.account_id}"
    dynamodb   = "arn:${local.partition}:dynamodb:${local.region}:${local.account_id}"
    s3         = "arn:${local.partition}:s3:::"
    sns        = "arn:${local.partition}:sns:${local.region}:${local.account_id}"
    secrets    = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}"
    ecr        = "arn:${local.partition}:ecr:${local.region}:${local.account_id}"
    ecs        = "arn:${local.partition}:ecs:${local.region}:${local.account_id}"
    events     = "arn:${local.partition}:events:${local.region}:${local.account_id}"
    cloudwatch = "arn:${local.partition}:cloudwatch:${local.region}:${local.account_id}"
    fis        = "arn:${local.partition}:fis:${local.region}:${local.account_id}"
    codedeploy = "arn:${local.partition}:codedeploy:${local.region}:${local.account_id}"
    backup     = "arn:${local.partition}:backup:${local.region}:${local.account_id}"
  }

  state_object_arns = [
    "${local.arn_prefix.s3}${var.state_bucket_name}/${var.state_key}",
    "${local.arn_prefix.s3}${var.state_bucket_name}/${var.state_key}.tflock",
  ]
  state_backup_arn = "${local.arn_prefix.s3}${var.state_bucket_name}/${var.state_backup_prefix}/*"

  read_only_policy_arn = "arn:${local.partition}:iam::aws:policy/ReadOnlyAccess"

  # the tables the harness may read, with their global secondary indexes (a Scan of an index is authorised on it)
  harness_table_resources = concat(var.harness_table_arns, [for arn in var.harness_table_arns : "${arn}/index/*"])
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url            = "https://${local.oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
  tags           = var.tags
}

# ---------------------------------------------------------------------------------------------
# Trust policies
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "trust" {
  for_each = {
    terraform-plan   = [local.sub_pr, local.sub_main]
    terraform-apply  = [local.sub_environment]
    app-deploy       = [local.sub_environment]
    game-day         = [local.sub_main]
    report-publisher = [local.sub_main]
    operation-reader = [local.sub_main]
  }

  statement {
    sid     = "GitHubActionsOidc"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = each.value
    }
  }
}

# ---------------------------------------------------------------------------------------------
# Shared statements: no reading of user data or secret values by any pipeline role
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "deny_data_plane_reads" {
  statement {
    sid    = "NoUserDataOrSecretValues"
    effect = "Deny"
    actions = [
      "dynamodb:BatchGetItem",
      "dynamodb:GetItem",
      "dynamodb:GetRecords",
      "dynamodb:PartiQLSelect",
      "dynamodb:Query",
      "dynamodb:Scan",
      "secretsmanager:GetSecretValue",
      "ssm:GetParameter",
      "ssm:GetParameters",
      "ssm:GetParametersByPath",
    ]
    resources = ["*"]
  }

  statement {
    sid           = "NoObjectReadsOutsideTheState"
    effect        = "Deny"
    actions       = ["s3:GetObject", "s3:GetObjectVersion"]
    not_resources = ["${local.arn_prefix.s3}${var.state_bucket_name}/*"]
  }
}

# The same for the roles that run the harness: no secret value but the token signing key, no parameter values, no
# table of another environment (which tables of this one are read is up to their Allow statements: only
# local.harness_table_resources, and only in staging), no object outside the state.
data "aws_iam_policy_document" "deny_data_plane_reads_but_the_harness" {
  statement {
    sid           = "NoSecretValueButTheTokenSigningKey"
    effect        = "Deny"
    actions       = ["secretsmanager:GetSecretValue"]
    not_resources = [var.jwt_signing_key_secret_arn]
  }

  statement {
    sid       = "NoParameterValues"
    effect    = "Deny"
    actions   = ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"]
    resources = ["*"]
  }

  statement {
    sid    = "NoTableReadsOutsideThisEnvironment"
    effect = "Deny"
    actions = [
      "dynamodb:BatchGetItem",
      "dynamodb:GetItem",
      "dynamodb:GetRecords",
      "dynamodb:PartiQLSelect",
      "dynamodb:Query",
      "dynamodb:Scan",
    ]
    not_resources = ["${local.arn_prefix.dynamodb}:table/${var.name}-*"]
  }

  statement {
    sid           = "NoObjectReadsOutsideTheState"
    effect        = "Deny"
    actions       = ["s3:GetObject", "s3:GetObjectVersion"]
    not_resources = ["${local.arn_prefix.s3}${var.state_bucket_name}/*"]
  }
}

# ---------------------------------------------------------------------------------------------
# terraform-plan: read-only (+ publish drift alerts)
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "terraform_plan" {
  name                 = "${var.name}-gh-terraform-plan"
  description          = "GitHub Actions: terraform plan / drift detection (read-only) for ${var.github_repository}"
  assume_role_policy   = data.aws_iam_policy_document.trust["terraform-plan"].json
  max_session_duration = 3600
  tags                 = var.tags
}

resource "aws_iam_role_policy_attachment" "terraform_plan_read_only" {
  role       = aws_iam_role.terraform_plan.name
  policy_arn = local.read_only_policy_arn
}

data "aws_iam_policy_document" "terraform_plan" {
  source_policy_documents = [data.aws_iam_policy_document.deny_data_plane_reads.json]

  statement {
    sid       = "ReadState"
    actions   = ["s3:GetObject"]
    resources = ["${local.arn_prefix.s3}${var.state_bucket_name}/${var.state_key}"]
  }

  statement {
    sid       = "ListStateBucket"
    actions   = ["s3:ListBucket"]
    resources = ["${local.arn_prefix.s3}${var.state_bucket_name}"]
  }

  dynamic "statement" {
    for_each = var.state_kms_key_arn == "" ? [] : [1]
    content {
      sid       = "DecryptState"
      actions   = ["kms:Decrypt", "kms:DescribeKey"]
      resources = [var.state_kms_key_arn]
    }
  }

  statement {
    sid       = "PublishDriftAlerts"
    actions   = ["sns:Publish"]
    resources = [var.alert_topic_arn]
  }

  statement {
    sid       = "EncryptAlertMessages"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["sns.${local.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "terraform_plan" {
  name   = "state-read-drift-alerts"
  role   = aws_iam_role.terraform_plan.id
  policy = data.aws_iam_policy_document.terraform_plan.json
}

# ---------------------------------------------------------------------------------------------
# app-deploy: push the one image repository, deploy the one service
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "app_deploy" {
  name                 = "${var.name}-gh-app-deploy"
  description          = "GitHub Actions: build, push and deploy the chatbot service (${var.github_environment})"
  assume_role_policy   = data.aws_iam_policy_document.trust["app-deploy"].json
  max_session_duration = 3600
  tags                 = var.tags
}

data "aws_iam_policy_document" "app_deploy" {
  #checkov:skip=CKV_AWS_356:GetAuthorizationToken, DescribeTaskDefinition, GetMetricData, DescribeTargetHealth and ListTables support no resource-level permissions.
  source_policy_documents = [data.aws_iam_policy_document.deny_data_plane_reads_but_the_harness.json]

  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushServiceImage"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImageScanFindings",
      "ecr:DescribeImages",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [var.ecr_repository_arn]
  }

  dynamic "statement" {
    for_each = length(var.promotion_source_repository_arns) > 0 ? [1] : []
    content {
      sid = "PullImageToPromote"
      actions = [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:DescribeImages",
        "ecr:GetDownloadUrlForLayer",
      ]
      resources = var.promotion_source_repository_arns
    }
  }

  statement {
    sid       = "RegisterServiceTaskDefinition"
    actions   = ["ecs:RegisterTaskDefinition", "ecs:TagResource"]
    resources = ["${local.arn_prefix.ecs}:task-definition/${var.task_definition_family}:*"]
  }

  statement {
    sid       = "ReadTaskDefinitions"
    actions   = ["ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "DeployTheService"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = [var.ecs_service_arn]
  }

  statement {
    sid       = "ObserveServiceTasks"
    actions   = ["ecs:DescribeTasks", "ecs:ListTasks"]
    resources = ["*"]
    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [var.ecs_cluster_arn]
    }
  }

  statement {
    sid       = "PassOnlyTheTaskRoles"
    actions   = ["iam:PassRole"]
    resources = var.task_role_arns
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }

  dynamic "statement" {
    for_each = var.codedeploy_deployment_group_arn == "" ? [] : [1]
    content {
      sid = "BlueGreenAndCanaryDeployments"
      actions = [
        "codedeploy:CreateDeployment",
        "codedeploy:GetDeployment",
        "codedeploy:GetDeploymentGroup",
        "codedeploy:ListDeployments",
        "codedeploy:StopDeployment",
      ]
      resources = [var.codedeploy_deployment_group_arn]
    }
  }

  dynamic "statement" {
    for_each = var.codedeploy_application_arn == "" ? [] : [1]
    content {
      sid = "RegisterAppSpecRevisions"
      actions = [
        "codedeploy:GetApplication",
        "codedeploy:GetApplicationRevision",
        "codedeploy:RegisterApplicationRevision",
      ]
      resources = [var.codedeploy_application_arn]
    }
  }

  dynamic "statement" {
    for_each = var.codedeploy_application_arn == "" ? [] : [1]
    content {
      sid       = "ReadDeploymentConfigs"
      actions   = ["codedeploy:GetDeploymentConfig"]
      resources = ["${local.arn_prefix.codedeploy}:deploymentconfig:*"]
    }
  }

  statement {
    sid       = "PostDeploymentAlarmCheck"
    actions   = ["cloudwatch:DescribeAlarms"]
    resources = ["${local.arn_prefix.cloudwatch}:alarm:${var.name}-*"]
  }

  statement {
    sid       = "PostDeploymentMetrics"
    actions   = ["cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics", "elasticloadbalancing:DescribeTargetHealth"]
    resources = ["*"]
  }

  statement {
    sid       = "DeploymentNotifications"
    actions   = ["sns:Publish"]
    resources = [var.alert_topic_arn]
  }

  # the smoke and post-deployment validation harness issues test users' tokens with the service's signing key
  statement {
    sid       = "HarnessReadsTheTokenSigningKey"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.jwt_signing_key_secret_arn]
  }

  statement {
    sid       = "HarnessDecryptsThroughSecretsManagerAndDynamoDb"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${local.region}.amazonaws.com", "dynamodb.${local.region}.amazonaws.com"]
    }
  }

  # staging only: the privacy spec of the post-deployment validation sweeps every table and index for an erased test user
  dynamic "statement" {
    for_each = length(var.harness_table_arns) > 0 ? [1] : []
    content {
      sid       = "HarnessPrivacySweepReadsTheServiceTables"
      actions   = ["dynamodb:DescribeTable", "dynamodb:Scan"]
      resources = local.harness_table_resources
    }
  }

  dynamic "statement" {
    for_each = length(var.harness_table_arns) > 0 ? [1] : []
    content {
      sid       = "HarnessPrivacySweepListsTheTables"
      actions   = ["dynamodb:ListTables"]
      resources = ["*"]
    }
  }

  statement {
    sid       = "EncryptWithEnvironmentKeyViaServices"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["sns.${local.region}.amazonaws.com", "ecr.${local.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "app_deploy" {
  name   = "push-image-deploy-service"
  role   = aws_iam_role.app_deploy.id
  policy = data.aws_iam_policy_document.app_deploy.json
}

# ---------------------------------------------------------------------------------------------
# game-day: run the ChaosAllowed FIS templates, observe, drill restores into scratch tables
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "game_day" {
  count = var.create_game_day_role ? 1 : 0

  name                 = "${var.name}-gh-game-day"
  description          = "GitHub Actions: scheduled game days (FIS) and recovery drills (${var.github_environment})"
  assume_role_policy   = data.aws_iam_policy_document.trust["game-day"].json
  max_session_duration = 7200
  tags                 = var.tags
}

data "aws_iam_policy_document" "game_day" {
  count = var.create_game_day_role ? 1 : 0

  #checkov:skip=CKV_AWS_356:FIS List*, CloudWatch GetMetricData and ELB Describe* support no resource-level permissions.
  source_policy_documents = [data.aws_iam_policy_document.deny_data_plane_reads_but_the_harness.json]

  # the game day's harness issues test users' tokens (its background load and probes) with the service's signing key
  statement {
    sid       = "HarnessReadsTheTokenSigningKey"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.jwt_signing_key_secret_arn]
  }

  statement {
    sid       = "HarnessDecryptsThroughSecretsManager"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${local.region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "StartOnlyChaosAllowedTemplates"
    actions   = ["fis:StartExperiment"]
    resources = ["${local.arn_prefix.fis}:experiment-template/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/ChaosAllowed"
      values   = ["true"]
    }
  }

  statement {
    sid       = "RunAndStopExperiments"
    actions   = ["fis:GetExperiment", "fis:StartExperiment", "fis:StopExperiment", "fis:TagResource"]
    resources = ["${local.arn_prefix.fis}:experiment/*"]
  }

  statement {
    sid       = "ReadTemplates"
    actions   = ["fis:GetExperimentTemplate"]
    resources = ["${local.arn_prefix.fis}:experiment-template/*"]
  }

  statement {
    sid = "ListFis"
    actions = [
      "fis:ListActions",
      "fis:ListExperimentTemplates",
      "fis:ListExperiments",
      "fis:ListTargetResourceTypes",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "ReadAlarms"
    actions   = ["cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmHistory"]
    resources = ["${local.arn_prefix.cloudwatch}:alarm:${var.name}-*"]
  }

  statement {
    sid       = "ReadMetrics"
    actions   = ["cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics", "elasticloadbalancing:DescribeTargetHealth"]
    resources = ["*"]
  }

  statement {
    sid       = "ObserveService"
    actions   = ["ecs:DescribeServices"]
    resources = [var.ecs_service_arn]
  }

  statement {
    sid       = "ObserveTasks"
    actions   = ["ecs:DescribeTasks", "ecs:ListTasks"]
    resources = ["*"]
    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [var.ecs_cluster_arn]
    }
  }

  statement {
    sid = "DescribeSourceTables"
    actions = [
      "dynamodb:DescribeContinuousBackups",
      "dynamodb:DescribeTable",
      "dynamodb:ListBackups",
      "dynamodb:RestoreTableToPointInTime",
    ]
    resources = var.table_arns
  }

  statement {
    sid = "RestoreDrillIntoScratchTables"
    actions = [
      "dynamodb:BatchWriteItem",
      "dynamodb:DeleteItem",
      "dynamodb:DeleteTable",
      "dynamodb:DescribeTable",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:RestoreTableFromBackup",
      "dynamodb:RestoreTableToPointInTime",
      "dynamodb:Scan",
      "dynamodb:TagResource",
      "dynamodb:UpdateItem",
    ]
    resources = ["${local.arn_prefix.dynamodb}:table/${var.name}-drill-*"]
  }

  statement {
    sid       = "TableKeyForRestores"
    actions   = ["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["dynamodb.${local.region}.amazonaws.com", "sns.${local.region}.amazonaws.com"]
    }
  }

  dynamic "statement" {
    for_each = var.backup_vault_arn == "" ? [] : [1]
    content {
      sid = "RestoreDrillFromAwsBackup"
      actions = [
        "backup:DescribeRecoveryPoint",
        "backup:DescribeRestoreJob",
        "backup:ListRecoveryPointsByBackupVault",
        "backup:StartRestoreJob",
      ]
      resources = [var.backup_vault_arn, "${local.arn_prefix.backup}:recovery-point:*"]
    }
  }

  dynamic "statement" {
    for_each = var.backup_role_arn == "" ? [] : [1]
    content {
      sid       = "PassBackupRestoreRole"
      actions   = ["iam:PassRole"]
      resources = [var.backup_role_arn]
      condition {
        test     = "StringEquals"
        variable = "iam:PassedToService"
        values   = ["backup.amazonaws.com"]
      }
    }
  }

  statement {
    sid       = "GameDayNotifications"
    actions   = ["sns:Publish"]
    resources = [var.alert_topic_arn]
  }
}

resource "aws_iam_role_policy" "game_day" {
  count = var.create_game_day_role ? 1 : 0

  name   = "fis-chaos-allowed-and-restore-drills"
  role   = aws_iam_role.game_day[0].id
  policy = data.aws_iam_policy_document.game_day[0].json
}

# ---------------------------------------------------------------------------------------------
# report-publisher: archive launch-readiness and game-day reports
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "report_publisher" {
  name                 = "${var.name}-gh-report-publisher"
  description          = "GitHub Actions: archive launch-readiness and game-day reports"
  assume_role_policy   = data.aws_iam_policy_document.trust["report-publisher"].json
  max_session_duration = 3600
  tags                 = var.tags
}

data "aws_iam_policy_document" "report_publisher" {
  statement {
    sid     = "WriteReports"
    actions = ["s3:PutObject"]
    resources = [
      "${var.reports_bucket_arn}/launch-readiness/*",
      "${var.reports_bucket_arn}/game-days/*",
    ]
  }

  statement {
    sid       = "ListReportPrefixes"
    actions   = ["s3:ListBucket"]
    resources = [var.reports_bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["launch-readiness/*", "game-days/*"]
    }
  }

  statement {
    sid       = "EncryptReports"
    actions   = ["kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "report_publisher" {
  name   = "write-reports"
  role   = aws_iam_role.report_publisher.id
  policy = data.aws_iam_policy_document.report_publisher.json
}

# ---------------------------------------------------------------------------------------------
# operation-reader: read this environment's operation over time (production-operation.yml):
# the load balancer's metrics, the deployment group's deployments, the vault's backup jobs
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "operation_reader" {
  name                 = "${var.name}-gh-operation-reader"
  description          = "GitHub Actions: read the operation over time (metrics, deployments, backup jobs) of ${var.github_environment}"
  assume_role_policy   = data.aws_iam_policy_document.trust["operation-reader"].json
  max_session_duration = 3600
  tags                 = var.tags
}

data "aws_iam_policy_document" "operation_reader" {
  #checkov:skip=CKV_AWS_356:CloudWatch ListMetrics/GetMetricData and AWS Backup ListBackupJobs support no resource-level permissions.
  source_policy_documents = [data.aws_iam_policy_document.deny_data_plane_reads_but_the_harness.json]

  # the harness's production target reads the token signing key when it starts (target.AwsTarget)
  statement {
    sid       = "HarnessReadsTheTokenSigningKey"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.jwt_signing_key_secret_arn]
  }

  statement {
    sid       = "HarnessDecryptsTheKeyThroughSecretsManager"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${local.region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "ReadTheLoadBalancersMetrics"
    actions   = ["cloudwatch:ListMetrics", "cloudwatch:GetMetricData"]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = var.codedeploy_deployment_group_arn == "" ? [] : [1]
    content {
      sid       = "ReadTheDeploymentGroupsDeployments"
      actions   = ["codedeploy:ListDeployments", "codedeploy:BatchGetDeployments"]
      resources = [var.codedeploy_deployment_group_arn]
    }
  }

  statement {
    sid       = "ReadTheBackupJobs"
    actions   = ["backup:ListBackupJobs"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "operation_reader" {
  name   = "read-operation"
  role   = aws_iam_role.operation_reader.id
  policy = data.aws_iam_policy_document.operation_reader.json
}
