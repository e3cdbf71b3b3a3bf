# AWS FIS experiment templates built from the experiments-as-data files chaos-experiments/*.json.
# Each file carries (besides the hypothesis and its local equivalent, used by the harness):
#   id, description, criteria[],
#   fis.actions         { name => { actionId, parameters{}, targets{}, startAfter[]? } }
#   fis.targets         { name => { resourceType, resourceTags{}, selectionMode, parameters{}?, filters[]? } }
#   fis.stopConditions  [ { source = "aws:cloudwatch:alarm", alarm = "<monitoring alarm key>" } ]
#   fis.durationMinutes
# Guard rails added here, whatever a file says:
#   - every target also requires the tag ChaosAllowed=true (only staging resources carry it);
#   - every template has at least one CloudWatch alarm stop condition (default: the 5xx alarm);
#   - a stop condition naming an unknown alarm key fails the plan;
#   - the FIS role may only act on resources tagged ChaosAllowed=true.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  experiments_dir  = coalesce(var.experiments_dir, "${path.module}/../../../chaos-experiments")
  experiment_files = fileset(local.experiments_dir, "*.json")
  decoded_files    = { for f in local.experiment_files : f => jsondecode(file("${local.experiments_dir}/${f}")) }
  # Only experiment files (with an "fis" section) become templates; anything else (a schema...) is ignored.
  experiments = {
    for f, e in local.decoded_files : try(e.id, trimsuffix(f, ".json")) => e if can(e.fis)
  }

  stop_condition_alarm_keys = {
    for id, e in local.experiments : id => (
      length(try(e.fis.stopConditions, [])) > 0
      ? [for sc in e.fis.stopConditions : sc.alarm]
      : [var.default_stop_alarm_key]
    )
  }

  action_ids = distinct(flatten([
    for id, e in local.experiments : [for a in values(try(e.fis.actions, {})) : a.actionId]
  ]))

  uses_ecs_stop_task = contains(local.action_ids, "aws:ecs:stop-task")
  uses_ecs_task_ssm  = length([for a in local.action_ids : a if startswith(a, "aws:ecs:task-")]) > 0
  uses_network_acl   = contains(local.action_ids, "aws:network:disrupt-connectivity")
  uses_api_faults    = length([for a in local.action_ids : a if startswith(a, "aws:fis:inject-api-")]) > 0

  chaos_condition = {
    test     = "StringEquals"
    variable = "aws:ResourceTag/${var.chaos_tag_key}"
    values   = [var.chaos_tag_value]
  }
}

# ---------------------------------------------------------------------------------------------
# Experiment log group
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "fis" {
  name              = "/aws/fis/${var.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

# ---------------------------------------------------------------------------------------------
# FIS role: least privilege, derived from the actions the experiments use
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "fis_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["fis.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:fis:${local.region}:${local.account_id}:experiment/*"]
    }
  }
}

resource "aws_iam_role" "fis" {
  name               = "${var.name}-fis"
  assume_role_policy = data.aws_iam_policy_document.fis_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "fis" {
  #checkov:skip=CKV_AWS_356:Describe/List and log-delivery actions do not support resource-level permissions.
  #checkov:skip=CKV_AWS_111:Write actions are limited by the ChaosAllowed resource tag condition.
  statement {
    sid = "ExperimentLogDelivery"
    actions = [
      "logs:CreateLogDelivery",
      "logs:DescribeLogGroups",
      "logs:DescribeResourcePolicies",
      "logs:PutResourcePolicy",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "ReadStopConditionAlarms"
    actions   = ["cloudwatch:DescribeAlarms"]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = local.uses_ecs_stop_task || local.uses_ecs_task_ssm ? [1] : []
    content {
      sid       = "FindEcsTasks"
      actions   = ["ecs:DescribeTasks", "ecs:ListTasks"]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = local.uses_ecs_stop_task ? [1] : []
    content {
      sid       = "StopChaosAllowedTasks"
      actions   = ["ecs:StopTask"]
      resources = ["arn:${local.partition}:ecs:${local.region}:${local.account_id}:task/*"]
      condition {
        test     = local.chaos_condition.test
        variable = local.chaos_condition.variable
        values   = local.chaos_condition.values
      }
    }
  }

  dynamic "statement" {
    for_each = local.uses_ecs_task_ssm ? [1] : []
    content {
      sid     = "EcsTaskFaultsThroughSsm"
      actions = ["ssm:SendCommand"]
      resources = [
        "arn:${local.partition}:ssm:${local.region}::document/AWSFIS-Run-*",
        "arn:${local.partition}:ssm:${local.region}:${local.account_id}:managed-instance/*",
      ]
    }
  }

  dynamic "statement" {
    for_each = local.uses_ecs_task_ssm ? [1] : []
    content {
      sid       = "TrackSsmCommands"
      actions   = ["ssm:CancelCommand", "ssm:ListCommands"]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = local.uses_network_acl ? [1] : []
    content {
      sid = "DescribeNetwork"
      actions = [
        "ec2:DescribeManagedPrefixLists",
        "ec2:DescribeNetworkAcls",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "ec2:GetManagedPrefixListEntries",
      ]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = local.uses_network_acl ? [1] : []
    content {
      sid = "DisruptConnectivityOfChaosAllowedSubnets"
      actions = [
        "ec2:CreateNetworkAcl",
        "ec2:CreateNetworkAclEntry",
        "ec2:CreateTags",
        "ec2:DeleteNetworkAcl",
        "ec2:DeleteNetworkAclEntry",
        "ec2:ReplaceNetworkAclAssociation",
      ]
      resources = [
        "arn:${local.partition}:ec2:${local.region}:${local.account_id}:network-acl/*",
        "arn:${local.partition}:ec2:${local.region}:${local.account_id}:subnet/*",
        "arn:${local.partition}:ec2:${local.region}:${local.account_id}:vpc/*",
      ]
    }
  }

  dynamic "statement" {
    for_each = local.uses_api_faults ? [1] : []
    content {
      sid = "InjectApiFaults"
      actions = [
        "fis:InjectApiInternalError",
        "fis:InjectApiThrottleError",
        "fis:InjectApiUnavailableError",
      ]
      resources = ["arn:${local.partition}:fis:${local.region}:${local.account_id}:experiment/*"]
    }
  }
}

resource "aws_iam_role_policy" "fis" {
  name   = "chaos-allowed-targets-only"
  role   = aws_iam_role.fis.id
  policy = data.aws_iam_policy_document.fis.json
}

# ---------------------------------------------------------------------------------------------
# Experiment templates
# ---------------------------------------------------------------------------------------------

resource "aws_fis_experiment_template" "this" {
  for_each = local.experiments

  description = substr(try(each.value.description, each.key), 0, 512)
  role_arn    = aws_iam_role.fis.arn

  dynamic "action" {
    for_each = each.value.fis.actions
    content {
      name        = action.key
      action_id   = action.value.actionId
      description = try(action.value.description, null)
      start_after = try(action.value.startAfter, null)

      dynamic "parameter" {
        for_each = try(action.value.parameters, {})
        content {
          key   = parameter.key
          value = tostring(parameter.value)
        }
      }

      dynamic "target" {
        for_each = try(action.value.targets, {})
        iterator = action_target
        content {
          key   = action_target.key
          value = action_target.value
        }
      }
    }
  }

  dynamic "target" {
    for_each = try(each.value.fis.targets, {})
    content {
      name           = target.key
      resource_type  = target.value.resourceType
      selection_mode = target.value.selectionMode
      parameters     = try(target.value.parameters, null)

      dynamic "resource_tag" {
        for_each = merge(try(target.value.resourceTags, {}), { (var.chaos_tag_key) = var.chaos_tag_value })
        content {
          key   = resource_tag.key
          value = resource_tag.value
        }
      }

      dynamic "filter" {
        for_each = try(target.value.filters, [])
        content {
          path   = filter.value.path
          values = filter.value.values
        }
      }
    }
  }

  dynamic "stop_condition" {
    for_each = local.stop_condition_alarm_keys[each.key]
    content {
      source = "aws:cloudwatch:alarm"
      value  = lookup(var.alarm_arns, stop_condition.value, "")
    }
  }

  experiment_options {
    account_targeting            = "single-account"
    empty_target_resolution_mode = "fail"
  }

  log_configuration {
    log_schema_version = 2

    cloudwatch_logs_configuration {
      log_group_arn = "${aws_cloudwatch_log_group.fis.arn}:*"
    }
  }

  tags = merge(var.tags, {
    Name                = "${var.name}-${each.key}"
    ExperimentId        = each.key
    (var.chaos_tag_key) = var.chaos_tag_value
    DurationMinutes     = tostring(try(each.value.fis.durationMinutes, 0))
    Criteria            = substr(join(" ", try(each.value.criteria, [])), 0, 256)
  })

  lifecycle {
    precondition {
      condition     = alltrue([for k in local.stop_condition_alarm_keys[each.key] : contains(keys(var.alarm_arns), k)])
      error_message = "Experiment ${each.key}: every stopConditions[].alarm must be a monitoring alarm key (${join(", ", keys(var.alarm_arns))})."
    }

    precondition {
      condition     = alltrue([for sc in try(each.value.fis.stopConditions, []) : try(sc.source, "aws:cloudwatch:alarm") == "aws:cloudwatch:alarm"])
      error_message = "Experiment ${each.key}: stop conditions must be CloudWatch alarms (source aws:cloudwatch:alarm)."
    }

    precondition {
      condition     = length(try(each.value.fis.actions, {})) > 0 && length(try(each.value.fis.targets, {})) > 0
      error_message = "Experiment ${each.key}: fis.actions and fis.targets must not be empty."
    }
  }
}
