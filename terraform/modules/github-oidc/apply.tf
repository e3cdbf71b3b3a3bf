# terraform-apply: refreshes with ReadOnlyAccess and writes with an explicit list of actions
# (no "*" or "<service>:*"), scoped to this environment's name prefix where AWS supports
# resource-level permissions. Usable only from the GitHub environment (required reviewers on
# production), never from a pull request.

resource "aws_iam_role" "terraform_apply" {
  name                 = "${var.name}-gh-terraform-apply"
  description          = "GitHub Actions: terraform apply for ${var.github_repository} (${var.github_environment})"
  assume_role_policy   = data.aws_iam_policy_document.trust["terraform-apply"].json
  max_session_duration = 3600
  tags                 = var.tags
}

resource "aws_iam_role_policy_attachment" "terraform_apply_read_only" {
  role       = aws_iam_role.terraform_apply.name
  policy_arn = local.read_only_policy_arn
}

locals {
  # Managed policies the configuration attaches to the roles it creates: nothing else may be attached.
  attachable_policy_arns = [
    "arn:${local.partition}:iam::aws:policy/AWSCodeDeployRoleForECS",
    "arn:${local.partition}:iam::aws:policy/ReadOnlyAccess",
    "arn:${local.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
    "arn:${local.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
  ]
}

data "aws_iam_policy_document" "terraform_apply_state" {
  source_policy_documents = [data.aws_iam_policy_document.deny_data_plane_reads.json]

  statement {
    sid       = "StateAndLockFile"
    actions   = ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]
    resources = local.state_object_arns
  }

  statement {
    sid       = "StateBackupBeforeApply"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = [local.state_backup_arn]
  }

  statement {
    sid       = "ListStateBucket"
    actions   = ["s3:ListBucket"]
    resources = ["${local.arn_prefix.s3}${var.state_bucket_name}"]
  }

  dynamic "statement" {
    for_each = var.state_kms_key_arn == "" ? [] : [1]
    content {
      sid       = "StateEncryption"
      actions   = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
      resources = [var.state_kms_key_arn]
    }
  }
}

resource "aws_iam_role_policy" "terraform_apply_state" {
  name   = "terraform-state"
  role   = aws_iam_role.terraform_apply.id
  policy = data.aws_iam_policy_document.terraform_apply_state.json
}

data "aws_iam_policy_document" "terraform_apply_identity" {
  #checkov:skip=CKV_AWS_109:IAM writes are limited to roles and the OIDC provider of this environment's name prefix.
  #checkov:skip=CKV_AWS_111:See above; every write action is listed explicitly.
  statement {
    sid = "ManageEnvironmentRoles"
    actions = [
      "iam:CreateRole",
      "iam:DeleteRole",
      "iam:DeleteRolePolicy",
      "iam:PutRolePolicy",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:UpdateAssumeRolePolicy",
      "iam:UpdateRole",
      "iam:UpdateRoleDescription",
    ]
    resources = ["${local.arn_prefix.iam}:role/${var.name}-*"]
  }

  statement {
    sid       = "AttachOnlyKnownManagedPolicies"
    actions   = ["iam:AttachRolePolicy", "iam:DetachRolePolicy"]
    resources = ["${local.arn_prefix.iam}:role/${var.name}-*"]
    condition {
      test     = "ArnEquals"
      variable = "iam:PolicyARN"
      values   = local.attachable_policy_arns
    }
  }

  statement {
    sid       = "PassEnvironmentRolesToItsServices"
    actions   = ["iam:PassRole"]
    resources = ["${local.arn_prefix.iam}:role/${var.name}-*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values = [
        "backup.amazonaws.com",
        "codedeploy.amazonaws.com",
        "ecs-tasks.amazonaws.com",
        "fis.amazonaws.com",
        "vpc-flow-logs.amazonaws.com",
      ]
    }
  }

  statement {
    sid       = "ServiceLinkedRoles"
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["${local.arn_prefix.iam}:role/aws-service-role/*"]
    condition {
      test     = "StringEquals"
      variable = "iam:AWSServiceName"
      values = [
        "backup.amazonaws.com",
        "ecs.amazonaws.com",
        "ecs.application-autoscaling.amazonaws.com",
        "elasticloadbalancing.amazonaws.com",
        "fis.amazonaws.com",
      ]
    }
  }

  statement {
    sid = "GitHubOidcProvider"
    actions = [
      "iam:AddClientIDToOpenIDConnectProvider",
      "iam:CreateOpenIDConnectProvider",
      "iam:DeleteOpenIDConnectProvider",
      "iam:RemoveClientIDFromOpenIDConnectProvider",
      "iam:TagOpenIDConnectProvider",
      "iam:UntagOpenIDConnectProvider",
      "iam:UpdateOpenIDConnectProviderThumbprint",
    ]
    resources = ["${local.arn_prefix.iam}:oidc-provider/${local.oidc_host}"]
  }

  statement {
    sid       = "CreateEnvironmentKeys"
    actions   = ["kms:CreateKey", "kms:TagResource"]
    resources = ["*"] # key ARNs are unknown before CreateKey
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/Environment"
      values   = [var.environment_tag_value]
    }
  }

  statement {
    sid = "ManageEnvironmentKeys"
    actions = [
      "kms:CreateAlias",
      "kms:DeleteAlias",
      "kms:EnableKeyRotation",
      "kms:PutKeyPolicy",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateAlias",
      "kms:UpdateKeyDescription",
    ]
    resources = ["arn:${local.partition}:kms:*:${local.account_id}:key/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/Environment"
      values   = [var.environment_tag_value]
    }
  }

  statement {
    sid       = "EnvironmentKeyAliases"
    actions   = ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"]
    resources = ["arn:${local.partition}:kms:*:${local.account_id}:alias/${var.name}*"]
  }

  statement {
    sid       = "KeyGrantsForAwsResources"
    actions   = ["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = ["*"]
    condition {
      test     = "StringLike"
      variable = "kms:ViaService"
      values = [
        "backup.*.amazonaws.com",
        "dynamodb.*.amazonaws.com",
        "ecr.*.amazonaws.com",
        "logs.*.amazonaws.com",
        "s3.*.amazonaws.com",
        "secretsmanager.*.amazonaws.com",
        "sns.*.amazonaws.com",
      ]
    }
  }
}

resource "aws_iam_role_policy" "terraform_apply_identity" {
  name   = "terraform-identity-and-keys"
  role   = aws_iam_role.terraform_apply.id
  policy = data.aws_iam_policy_document.terraform_apply_identity.json
}

data "aws_iam_policy_document" "terraform_apply_data" {
  statement {
    sid = "Tables"
    actions = [
      "dynamodb:CreateTable",
      "dynamodb:DeleteTable",
      "dynamodb:TagResource",
      "dynamodb:UntagResource",
      "dynamodb:UpdateContinuousBackups",
      "dynamodb:UpdateTable",
      "dynamodb:UpdateTimeToLive",
    ]
    resources = ["${local.arn_prefix.dynamodb}:table/${var.name}-*"]
  }

  statement {
    sid = "Buckets"
    actions = [
      "s3:CreateBucket",
      "s3:DeleteBucket",
      "s3:DeleteBucketPolicy",
      "s3:PutBucketOwnershipControls",
      "s3:PutBucketPolicy",
      "s3:PutBucketPublicAccessBlock",
      "s3:PutBucketTagging",
      "s3:PutBucketVersioning",
      "s3:PutEncryptionConfiguration",
      "s3:PutLifecycleConfiguration",
    ]
    resources = ["${local.arn_prefix.s3}${var.name}-*"]
  }

  statement {
    sid = "Secrets"
    actions = [
      "secretsmanager:CancelRotateSecret",
      "secretsmanager:CreateSecret",
      "secretsmanager:DeleteResourcePolicy",
      "secretsmanager:DeleteSecret",
      "secretsmanager:PutResourcePolicy",
      "secretsmanager:RotateSecret",
      "secretsmanager:TagResource",
      "secretsmanager:UntagResource",
      "secretsmanager:UpdateSecret",
      "secretsmanager:ValidateResourcePolicy",
    ]
    resources = ["${local.arn_prefix.secrets}:secret:${var.name}/*"]
  }

  dynamic "statement" {
    for_each = var.route53_zone_id == "" ? [] : [1]
    content {
      sid       = "AliasRecords"
      actions   = ["route53:ChangeResourceRecordSets"]
      resources = ["arn:${local.partition}:route53:::hostedzone/${var.route53_zone_id}"]
    }
  }

  statement {
    sid       = "RotationLambdaPermission"
    actions   = ["lambda:AddPermission", "lambda:InvokeFunction", "lambda:RemovePermission"]
    resources = [var.rotation_lambda_arn]
  }

  statement {
    sid = "BackupVaultsAndPlans"
    actions = [
      "backup-storage:MountCapsule",
      "backup:CreateBackupPlan",
      "backup:CreateBackupSelection",
      "backup:CreateBackupVault",
      "backup:DeleteBackupPlan",
      "backup:DeleteBackupSelection",
      "backup:DeleteBackupVault",
      "backup:DeleteBackupVaultLockConfiguration",
      "backup:DeleteBackupVaultNotifications",
      "backup:PutBackupVaultLockConfiguration",
      "backup:PutBackupVaultNotifications",
      "backup:TagResource",
      "backup:UntagResource",
      "backup:UpdateBackupPlan",
      "backup:UpdateRegionSettings",
    ]
    resources = ["*"]
  }

  statement {
    sid = "ImageRepository"
    actions = [
      "ecr:CreateRepository",
      "ecr:DeleteLifecyclePolicy",
      "ecr:DeleteRepository",
      "ecr:DeleteRepositoryPolicy",
      "ecr:PutImageScanningConfiguration",
      "ecr:PutImageTagMutability",
      "ecr:PutLifecyclePolicy",
      "ecr:SetRepositoryPolicy",
      "ecr:TagResource",
      "ecr:UntagResource",
    ]
    resources = ["${local.arn_prefix.ecr}:repository/${var.name}/*"]
  }
}

resource "aws_iam_role_policy" "terraform_apply_data" {
  name   = "terraform-data-stores"
  role   = aws_iam_role.terraform_apply.id
  policy = data.aws_iam_policy_document.terraform_apply_data.json
}

data "aws_iam_policy_document" "terraform_apply_compute" {
  #checkov:skip=CKV_AWS_356:EC2/ELB/ECS/CloudFront/WAF create actions do not support resource-level permissions before the resource exists.
  #checkov:skip=CKV_AWS_111:Every write action is listed explicitly; the role is usable only from a protected GitHub environment.
  statement {
    sid = "Network"
    actions = [
      "ec2:AssociateRouteTable",
      "ec2:AttachInternetGateway",
      "ec2:AuthorizeSecurityGroupEgress",
      "ec2:AuthorizeSecurityGroupIngress",
      "ec2:CreateFlowLogs",
      "ec2:CreateInternetGateway",
      "ec2:CreateRoute",
      "ec2:CreateRouteTable",
      "ec2:CreateSecurityGroup",
      "ec2:CreateSubnet",
      "ec2:CreateTags",
      "ec2:CreateVpc",
      "ec2:CreateVpcEndpoint",
      "ec2:DeleteFlowLogs",
      "ec2:DeleteInternetGateway",
      "ec2:DeleteRoute",
      "ec2:DeleteRouteTable",
      "ec2:DeleteSecurityGroup",
      "ec2:DeleteSubnet",
      "ec2:DeleteTags",
      "ec2:DeleteVpc",
      "ec2:DeleteVpcEndpoints",
      "ec2:DetachInternetGateway",
      "ec2:DisassociateRouteTable",
      "ec2:ModifySecurityGroupRules",
      "ec2:ModifySubnetAttribute",
      "ec2:ModifyVpcAttribute",
      "ec2:ModifyVpcEndpoint",
      "ec2:ReplaceRoute",
      "ec2:RevokeSecurityGroupEgress",
      "ec2:RevokeSecurityGroupIngress",
      "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
      "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
    ]
    resources = ["*"]
  }

  statement {
    sid = "LoadBalancing"
    actions = [
      "elasticloadbalancing:AddTags",
      "elasticloadbalancing:CreateListener",
      "elasticloadbalancing:CreateLoadBalancer",
      "elasticloadbalancing:CreateTargetGroup",
      "elasticloadbalancing:DeleteListener",
      "elasticloadbalancing:DeleteLoadBalancer",
      "elasticloadbalancing:DeleteTargetGroup",
      "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:ModifyListenerAttributes",
      "elasticloadbalancing:ModifyLoadBalancerAttributes",
      "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:ModifyTargetGroupAttributes",
      "elasticloadbalancing:RemoveTags",
      "elasticloadbalancing:SetSecurityGroups",
      "elasticloadbalancing:SetSubnets",
      "elasticloadbalancing:SetWebAcl",
    ]
    resources = ["*"]
  }

  statement {
    sid = "ContainersAndDeployments"
    actions = [
      "application-autoscaling:DeleteScalingPolicy",
      "application-autoscaling:DeregisterScalableTarget",
      "application-autoscaling:PutScalingPolicy",
      "application-autoscaling:RegisterScalableTarget",
      "application-autoscaling:TagResource",
      "application-autoscaling:UntagResource",
      "codedeploy:CreateApplication",
      "codedeploy:CreateDeploymentGroup",
      "codedeploy:DeleteApplication",
      "codedeploy:DeleteDeploymentGroup",
      "codedeploy:TagResource",
      "codedeploy:UntagResource",
      "codedeploy:UpdateApplication",
      "codedeploy:UpdateDeploymentGroup",
      "ecs:CreateCluster",
      "ecs:CreateService",
      "ecs:DeleteCluster",
      "ecs:DeleteService",
      "ecs:DeleteTaskDefinitions",
      "ecs:DeregisterTaskDefinition",
      "ecs:PutClusterCapacityProviders",
      "ecs:RegisterTaskDefinition",
      "ecs:TagResource",
      "ecs:UntagResource",
      "ecs:UpdateCluster",
      "ecs:UpdateClusterSettings",
      "ecs:UpdateService",
    ]
    resources = ["*"]
  }

  statement {
    sid = "ObservabilityAndChaos"
    actions = [
      "cloudwatch:DeleteAlarms",
      "cloudwatch:DeleteDashboards",
      "cloudwatch:PutDashboard",
      "cloudwatch:PutMetricAlarm",
      "cloudwatch:TagResource",
      "cloudwatch:UntagResource",
      "events:DeleteRule",
      "events:PutRule",
      "events:PutTargets",
      "events:RemoveTargets",
      "events:TagResource",
      "events:UntagResource",
      "fis:CreateExperimentTemplate",
      "fis:DeleteExperimentTemplate",
      "fis:TagResource",
      "fis:UntagResource",
      "fis:UpdateExperimentTemplate",
      "logs:AssociateKmsKey",
      "logs:CreateLogDelivery",
      "logs:CreateLogGroup",
      "logs:DeleteLogDelivery",
      "logs:DeleteLogGroup",
      "logs:DeleteMetricFilter",
      "logs:DeleteResourcePolicy",
      "logs:DeleteRetentionPolicy",
      "logs:DisassociateKmsKey",
      "logs:PutMetricFilter",
      "logs:PutResourcePolicy",
      "logs:PutRetentionPolicy",
      "logs:TagResource",
      "logs:UntagResource",
      "logs:UpdateLogDelivery",
      "sns:CreateTopic",
      "sns:DeleteTopic",
      "sns:Publish",
      "sns:SetTopicAttributes",
      "sns:Subscribe",
      "sns:TagResource",
      "sns:Unsubscribe",
      "sns:UntagResource",
    ]
    resources = ["*"]
  }

  statement {
    sid = "EdgeAndFirewall"
    actions = [
      "cloudfront:CreateCachePolicy",
      "cloudfront:CreateDistribution",
      "cloudfront:CreateMonitoringSubscription",
      "cloudfront:CreateOriginAccessControl",
      "cloudfront:CreateResponseHeadersPolicy",
      "cloudfront:DeleteCachePolicy",
      "cloudfront:DeleteDistribution",
      "cloudfront:DeleteMonitoringSubscription",
      "cloudfront:DeleteOriginAccessControl",
      "cloudfront:DeleteResponseHeadersPolicy",
      "cloudfront:TagResource",
      "cloudfront:UntagResource",
      "cloudfront:UpdateCachePolicy",
      "cloudfront:UpdateDistribution",
      "cloudfront:UpdateOriginAccessControl",
      "cloudfront:UpdateResponseHeadersPolicy",
      "wafv2:AssociateWebACL",
      "wafv2:CreateWebACL",
      "wafv2:DeleteLoggingConfiguration",
      "wafv2:DeleteWebACL",
      "wafv2:DisassociateWebACL",
      "wafv2:PutLoggingConfiguration",
      "wafv2:TagResource",
      "wafv2:UntagResource",
      "wafv2:UpdateWebACL",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "terraform_apply_compute" {
  name   = "terraform-compute-edge-observability"
  role   = aws_iam_role.terraform_apply.id
  policy = data.aws_iam_policy_document.terraform_apply_compute.json
}
