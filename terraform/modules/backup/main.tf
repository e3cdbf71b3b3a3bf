# AWS Backup for the DynamoDB tables: a KMS-encrypted vault in the primary region, a daily and
# an hourly rule with lifecycles, and a copy of every recovery point to a vault in the DR region
# (provider alias aws.dr) so that a regional failure does not take the backups with it.
# Point-in-time recovery (dynamodb module) gives second-level RPO inside the region; these
# backups give the cross-region and long-retention copies.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  root_arn   = "arn:${local.partition}:iam::${local.account_id}:root"
}

resource "aws_backup_vault" "primary" {
  name          = "${var.name}-vault"
  kms_key_arn   = var.kms_key_arn
  force_destroy = false
  tags          = var.tags
}

# ---------------------------------------------------------------------------------------------
# DR region: its own CMK and vault
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "dr_key" {
  statement {
    sid    = "KeyAdministrationByAccount"
    effect = "Allow"
    principals {
      type        = "AWS"
      identifiers = [local.root_arn]
    }
    actions = [
      "kms:CancelKeyDeletion",
      "kms:CreateAlias",
      "kms:CreateGrant",
      "kms:Decrypt",
      "kms:DeleteAlias",
      "kms:DescribeKey",
      "kms:DisableKey",
      "kms:EnableKey",
      "kms:EnableKeyRotation",
      "kms:Encrypt",
      "kms:GenerateDataKey",
      "kms:GenerateDataKeyWithoutPlaintext",
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListAliases",
      "kms:ListGrants",
      "kms:ListKeyPolicies",
      "kms:ListResourceTags",
      "kms:PutKeyPolicy",
      "kms:ReEncryptFrom",
      "kms:ReEncryptTo",
      "kms:RetireGrant",
      "kms:RevokeGrant",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateAlias",
      "kms:UpdateKeyDescription",
    ]
    resources = ["*"]
  }
}

resource "aws_kms_key" "dr" {
  provider = aws.dr

  description             = "${var.name} backup vault key (DR region)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.dr_key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "dr" {
  provider = aws.dr

  name          = "alias/${var.name}-backup-dr"
  target_key_id = aws_kms_key.dr.key_id
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr

  name          = "${var.name}-vault-dr"
  kms_key_arn   = aws_kms_key.dr.arn
  force_destroy = false
  tags          = var.tags
}

resource "aws_backup_vault_lock_configuration" "primary" {
  count = var.enable_vault_lock ? 1 : 0

  backup_vault_name  = aws_backup_vault.primary.name
  min_retention_days = var.hourly_retention_days
  max_retention_days = var.monthly_retention_days
}

resource "aws_backup_vault_lock_configuration" "dr" {
  count    = var.enable_vault_lock ? 1 : 0
  provider = aws.dr

  backup_vault_name  = aws_backup_vault.dr.name
  min_retention_days = var.hourly_retention_days
  max_retention_days = var.monthly_retention_days
}

# ---------------------------------------------------------------------------------------------
# Plan: hourly + daily, both copied to the DR region
# ---------------------------------------------------------------------------------------------

resource "aws_backup_plan" "this" {
  name = "${var.name}-dynamodb"

  rule {
    rule_name                    = "hourly"
    target_vault_name            = aws_backup_vault.primary.name
    schedule                     = "cron(0 * * * ? *)"
    schedule_expression_timezone = "Etc/UTC"
    start_window                 = 60
    completion_window            = 120
    recovery_point_tags          = merge(var.tags, { BackupRule = "hourly" })

    lifecycle {
      delete_after = var.hourly_retention_days
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn

      lifecycle {
        delete_after = var.hourly_retention_days
      }
    }
  }

  rule {
    rule_name                    = "daily"
    target_vault_name            = aws_backup_vault.primary.name
    schedule                     = "cron(0 3 * * ? *)"
    schedule_expression_timezone = "Etc/UTC"
    start_window                 = 60
    completion_window            = 360
    recovery_point_tags          = merge(var.tags, { BackupRule = "daily" })

    lifecycle {
      delete_after = var.daily_retention_days
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn

      lifecycle {
        delete_after = var.daily_retention_days
      }
    }
  }

  rule {
    rule_name                    = "monthly"
    target_vault_name            = aws_backup_vault.primary.name
    schedule                     = "cron(0 4 1 * ? *)"
    schedule_expression_timezone = "Etc/UTC"
    start_window                 = 60
    completion_window            = 720
    recovery_point_tags          = merge(var.tags, { BackupRule = "monthly" })

    lifecycle {
      delete_after = var.monthly_retention_days
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn

      lifecycle {
        delete_after = var.monthly_retention_days
      }
    }
  }

  tags = var.tags
}

data "aws_iam_policy_document" "backup_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["backup.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "backup" {
  name               = "${var.name}-backup"
  assume_role_policy = data.aws_iam_policy_document.backup_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "backup" {
  for_each = toset([
    "arn:${local.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
    "arn:${local.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
  ])

  role       = aws_iam_role.backup.name
  policy_arn = each.value
}

# Selection: the tables explicitly, and anything else carrying the backup tag.
resource "aws_backup_selection" "tables" {
  name         = "${var.name}-dynamodb"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = var.table_arns

  selection_tag {
    type  = "STRINGEQUALS"
    key   = var.selection_tag_key
    value = var.selection_tag_value
  }
}

# DynamoDB cross-region copy needs AWS Backup's advanced DynamoDB features (account+region setting).
resource "aws_backup_region_settings" "this" {
  count = var.manage_region_settings ? 1 : 0

  resource_type_opt_in_preference = var.region_opt_in_preference

  # DynamoDB = true turns on AWS Backup's advanced DynamoDB features (cross-region copies);
  # EFS = true is the AWS default, stated so that the read-back map does not show drift.
  resource_type_management_preference = {
    "DynamoDB" = true
    "EFS"      = true
  }

  lifecycle {
    # AWS returns every resource type it knows (the list grows); only DynamoDB matters here.
    ignore_changes = [resource_type_opt_in_preference]
  }
}

resource "aws_backup_vault_notifications" "primary" {
  count = var.sns_topic_arn == "" ? 0 : 1

  backup_vault_name = aws_backup_vault.primary.name
  sns_topic_arn     = var.sns_topic_arn
  backup_vault_events = [
    "BACKUP_JOB_FAILED",
    "COPY_JOB_FAILED",
    "RESTORE_JOB_COMPLETED",
    "RESTORE_JOB_FAILED",
  ]
}
