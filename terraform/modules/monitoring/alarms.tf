# Alarms. Every alarm is named "<name>-<key>"; the keys below are the contract used by the FIS
# experiments (chaos-experiments/*.json stopConditions[].alarm), the deployment rollbacks and
# the dashboards. Each alarm's severity, threshold, comparison, missing-data treatment and runbook
# section come from the one definition, alarms.yaml (local.alarm_definitions); this file says only
# what each alarm measures.

locals {
  alarm_definitions = yamldecode(file("${path.module}/alarms.yaml")).alarms
  alarm_actions     = [aws_sns_topic.alerts.arn]
  tg_suffixes       = var.target_group_arn_suffixes
}

# --- ALB: 5xx error rate > 5 % (critical) ----------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "alb_5xx_rate" {
  alarm_name          = "${var.name}-alb-5xx-rate"
  alarm_description   = "[${upper(local.alarm_definitions["alb-5xx-rate"].severity)}] More than ${local.alarm_definitions["alb-5xx-rate"].threshold}% of requests answered 5xx (ALB + targets). Runbook: ${local.alarm_definitions["alb-5xx-rate"].runbook}"
  comparison_operator = local.alarm_definitions["alb-5xx-rate"].comparison
  threshold           = local.alarm_definitions["alb-5xx-rate"].threshold
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = local.alarm_definitions["alb-5xx-rate"].missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "errorrate"
    label       = "5xx rate (%)"
    expression  = "IF(FILL(requests, 0) > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests, 0)"
    return_data = true
  }

  metric_query {
    id = "target5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }

  metric_query {
    id = "elb5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }

  tags = merge(var.tags, { Severity = local.alarm_definitions["alb-5xx-rate"].severity })
}

# --- ALB: p95 target response time > 3 s (critical) ------------------------------------------

resource "aws_cloudwatch_metric_alarm" "alb_p95_latency" {
  alarm_name          = "${var.name}-alb-p95-latency"
  alarm_description   = "[${upper(local.alarm_definitions["alb-p95-latency"].severity)}] p95 target response time above ${local.alarm_definitions["alb-p95-latency"].threshold} s (NFR: chat p95 < 3 s). Runbook: ${local.alarm_definitions["alb-p95-latency"].runbook}"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  dimensions          = { LoadBalancer = var.alb_arn_suffix }
  extended_statistic  = "p95"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  comparison_operator = local.alarm_definitions["alb-p95-latency"].comparison
  threshold           = local.alarm_definitions["alb-p95-latency"].threshold
  treat_missing_data  = local.alarm_definitions["alb-p95-latency"].missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = merge(var.tags, { Severity = local.alarm_definitions["alb-p95-latency"].severity })
}

# --- ALB: unhealthy hosts > 0 in either target group (critical) ------------------------------

resource "aws_cloudwatch_metric_alarm" "alb_unhealthy_hosts" {
  alarm_name          = "${var.name}-alb-unhealthy-hosts"
  alarm_description   = "[${upper(local.alarm_definitions["alb-unhealthy-hosts"].severity)}] At least one target of the blue or green target group is unhealthy. Runbook: ${local.alarm_definitions["alb-unhealthy-hosts"].runbook}"
  comparison_operator = local.alarm_definitions["alb-unhealthy-hosts"].comparison
  threshold           = local.alarm_definitions["alb-unhealthy-hosts"].threshold
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = local.alarm_definitions["alb-unhealthy-hosts"].missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "unhealthy"
    label       = "Unhealthy hosts (max of target groups)"
    expression  = "MAX([FILL(blue, 0), FILL(green, 0)])"
    return_data = true
  }

  metric_query {
    id = "blue"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "UnHealthyHostCount"
      dimensions  = { LoadBalancer = var.alb_arn_suffix, TargetGroup = local.tg_suffixes["blue"] }
      period      = 60
      stat        = "Maximum"
    }
  }

  metric_query {
    id = "green"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "UnHealthyHostCount"
      dimensions  = { LoadBalancer = var.alb_arn_suffix, TargetGroup = local.tg_suffixes["green"] }
      period      = 60
      stat        = "Maximum"
    }
  }

  tags = merge(var.tags, { Severity = local.alarm_definitions["alb-unhealthy-hosts"].severity })
}

# --- ALB: no healthy host at all (critical, the "system down" alarm) -------------------------

resource "aws_cloudwatch_metric_alarm" "alb_no_healthy_hosts" {
  alarm_name          = "${var.name}-alb-no-healthy-hosts"
  alarm_description   = "[${upper(local.alarm_definitions["alb-no-healthy-hosts"].severity)}] System down: no healthy target behind the load balancer. Runbook: ${local.alarm_definitions["alb-no-healthy-hosts"].runbook}"
  comparison_operator = local.alarm_definitions["alb-no-healthy-hosts"].comparison
  threshold           = local.alarm_definitions["alb-no-healthy-hosts"].threshold
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  treat_missing_data  = local.alarm_definitions["alb-no-healthy-hosts"].missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "healthy"
    label       = "Healthy hosts (blue + green)"
    expression  = "FILL(blue, 0) + FILL(green, 0)"
    return_data = true
  }

  metric_query {
    id = "blue"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HealthyHostCount"
      dimensions  = { LoadBalancer = var.alb_arn_suffix, TargetGroup = local.tg_suffixes["blue"] }
      period      = 60
      stat        = "Minimum"
    }
  }

  metric_query {
    id = "green"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HealthyHostCount"
      dimensions  = { LoadBalancer = var.alb_arn_suffix, TargetGroup = local.tg_suffixes["green"] }
      period      = 60
      stat        = "Minimum"
    }
  }

  tags = merge(var.tags, { Severity = local.alarm_definitions["alb-no-healthy-hosts"].severity })
}

# --- ECS: CPU / memory > 80 % (warning) ------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "ecs_cpu_high" {
  alarm_name          = "${var.name}-ecs-cpu-high"
  alarm_description   = "[${upper(local.alarm_definitions["ecs-cpu-high"].severity)}] Service CPU above ${local.alarm_definitions["ecs-cpu-high"].threshold}% (auto scaling targets 60%). Runbook: ${local.alarm_definitions["ecs-cpu-high"].runbook}"
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  dimensions          = { ClusterName = var.ecs_cluster_name, ServiceName = var.ecs_service_name }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 4
  comparison_operator = local.alarm_definitions["ecs-cpu-high"].comparison
  threshold           = local.alarm_definitions["ecs-cpu-high"].threshold
  treat_missing_data  = local.alarm_definitions["ecs-cpu-high"].missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = merge(var.tags, { Severity = local.alarm_definitions["ecs-cpu-high"].severity })
}

resource "aws_cloudwatch_metric_alarm" "ecs_memory_high" {
  alarm_name          = "${var.name}-ecs-memory-high"
  alarm_description   = "[${upper(local.alarm_definitions["ecs-memory-high"].severity)}] Service memory above ${local.alarm_definitions["ecs-memory-high"].threshold}%. Runbook: ${local.alarm_definitions["ecs-memory-high"].runbook}"
  namespace           = "AWS/ECS"
  metric_name         = "MemoryUtilization"
  dimensions          = { ClusterName = var.ecs_cluster_name, ServiceName = var.ecs_service_name }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 4
  comparison_operator = local.alarm_definitions["ecs-memory-high"].comparison
  threshold           = local.alarm_definitions["ecs-memory-high"].threshold
  treat_missing_data  = local.alarm_definitions["ecs-memory-high"].missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = merge(var.tags, { Severity = local.alarm_definitions["ecs-memory-high"].severity })
}

# --- DynamoDB: throttles and system errors per table (critical) ------------------------------

resource "aws_cloudwatch_metric_alarm" "dynamodb_throttles" {
  for_each = var.dynamodb_table_names

  alarm_name          = "${var.name}-dynamodb-throttles-${each.key}"
  alarm_description   = "[${upper(local.alarm_definitions["dynamodb-throttles"].severity)}] Read or write requests to ${each.value} are throttled. Runbook: ${local.alarm_definitions["dynamodb-throttles"].runbook}"
  comparison_operator = local.alarm_definitions["dynamodb-throttles"].comparison
  threshold           = local.alarm_definitions["dynamodb-throttles"].threshold
  evaluation_periods  = 5
  datapoints_to_alarm = 2
  treat_missing_data  = local.alarm_definitions["dynamodb-throttles"].missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "throttles"
    label       = "Throttle events"
    expression  = "FILL(reads, 0) + FILL(writes, 0)"
    return_data = true
  }

  metric_query {
    id = "reads"
    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "ReadThrottleEvents"
      dimensions  = { TableName = each.value }
      period      = 60
      stat        = "Sum"
    }
  }

  metric_query {
    id = "writes"
    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "WriteThrottleEvents"
      dimensions  = { TableName = each.value }
      period      = 60
      stat        = "Sum"
    }
  }

  tags = merge(var.tags, { Severity = local.alarm_definitions["dynamodb-throttles"].severity })
}

resource "aws_cloudwatch_metric_alarm" "dynamodb_system_errors" {
  for_each = var.dynamodb_table_names

  alarm_name          = "${var.name}-dynamodb-system-errors-${each.key}"
  alarm_description   = "[${upper(local.alarm_definitions["dynamodb-system-errors"].severity)}] DynamoDB returns system errors (HTTP 500) for ${each.value}. Runbook: ${local.alarm_definitions["dynamodb-system-errors"].runbook}"
  comparison_operator = local.alarm_definitions["dynamodb-system-errors"].comparison
  threshold           = local.alarm_definitions["dynamodb-system-errors"].threshold
  evaluation_periods  = 5
  datapoints_to_alarm = 2
  treat_missing_data  = local.alarm_definitions["dynamodb-system-errors"].missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "errors"
    label       = "System errors (all operations)"
    expression  = join(" + ", [for op in var.dynamodb_operations : "FILL(${lower(op)}, 0)"])
    return_data = true
  }

  dynamic "metric_query" {
    for_each = var.dynamodb_operations
    content {
      id = lower(metric_query.value)
      metric {
        namespace   = "AWS/DynamoDB"
        metric_name = "SystemErrors"
        dimensions  = { TableName = each.value, Operation = metric_query.value }
        period      = 60
        stat        = "Sum"
      }
    }
  }

  tags = merge(var.tags, { Severity = local.alarm_definitions["dynamodb-system-errors"].severity })
}

# --- Deployments: failed or rolled back deployments (warning) --------------------------------
# ECS deployment state changes and CodeDeploy failures arrive as EventBridge events: they are
# sent to the alert topic at once, and written to a log group whose metric filter feeds an alarm
# (so dashboards and FIS stop conditions can use it like any other alarm).

locals {
  deployment_failure_patterns = {
    ecs = jsonencode({
      source        = ["aws.ecs"]
      "detail-type" = ["ECS Deployment State Change"]
      resources     = [{ suffix = "/${var.ecs_service_name}" }]
      detail        = { eventName = ["SERVICE_DEPLOYMENT_FAILED"] }
    })
    codedeploy = jsonencode({
      source        = ["aws.codedeploy"]
      "detail-type" = ["CodeDeploy Deployment State-change Notification"]
      detail = merge(
        { state = ["FAILURE", "STOP"] },
        { for k, v in { application = [var.codedeploy_application_name] } : k => v if var.codedeploy_application_name != "" },
      )
    })
  }
}

resource "aws_cloudwatch_event_rule" "deployment_failures" {
  for_each = local.deployment_failure_patterns

  name          = "${var.name}-${each.key}-deployment-failures"
  description   = "Failed, stopped or rolled back ${each.key} deployments of ${var.ecs_service_name}"
  event_pattern = each.value
  tags          = var.tags
}

resource "aws_cloudwatch_log_group" "deployment_events" {
  name              = "/aws/events/${var.name}/deployments"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

data "aws_iam_policy_document" "deployment_events_logs" {
  statement {
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    principals {
      type        = "Service"
      identifiers = ["delivery.logs.amazonaws.com", "events.amazonaws.com"]
    }
    resources = ["${aws_cloudwatch_log_group.deployment_events.arn}:*", "${aws_cloudwatch_log_group.incidents.arn}:*"]
  }
}

# one resource policy for the event log groups of the module (the deployment events and the incidents of slo.tf):
# a region allows ten per account
resource "aws_cloudwatch_log_resource_policy" "deployment_events" {
  policy_name     = "${var.name}-deployment-events"
  policy_document = data.aws_iam_policy_document.deployment_events_logs.json
}

resource "aws_cloudwatch_event_target" "deployment_failures_log" {
  for_each = aws_cloudwatch_event_rule.deployment_failures

  rule      = each.value.name
  target_id = "log"
  arn       = aws_cloudwatch_log_group.deployment_events.arn
}

resource "aws_cloudwatch_event_target" "deployment_failures_sns" {
  for_each = aws_cloudwatch_event_rule.deployment_failures

  rule      = each.value.name
  target_id = "alerts"
  arn       = aws_sns_topic.alerts.arn
}

resource "aws_cloudwatch_log_metric_filter" "deployment_failures" {
  name           = "${var.name}-deployment-failures"
  log_group_name = aws_cloudwatch_log_group.deployment_events.name
  pattern        = "{ $.source = \"aws.ecs\" || $.source = \"aws.codedeploy\" }"

  metric_transformation {
    name          = "DeploymentFailures"
    namespace     = local.custom_namespace
    value         = "1"
    default_value = "0"
  }
}

resource "aws_cloudwatch_metric_alarm" "deployment_failed" {
  alarm_name          = "${var.name}-deployment-failed"
  alarm_description   = "[${upper(local.alarm_definitions["deployment-failed"].severity)}] A deployment failed, was stopped or was rolled back. Runbook: ${local.alarm_definitions["deployment-failed"].runbook}"
  namespace           = local.custom_namespace
  metric_name         = "DeploymentFailures"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = local.alarm_definitions["deployment-failed"].comparison
  threshold           = local.alarm_definitions["deployment-failed"].threshold
  treat_missing_data  = local.alarm_definitions["deployment-failed"].missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = merge(var.tags, { Severity = local.alarm_definitions["deployment-failed"].severity })

  depends_on = [aws_cloudwatch_log_metric_filter.deployment_failures]
}

# --- Security: authentication failures from the service log (warning) ------------------------

resource "aws_cloudwatch_log_metric_filter" "auth_failures" {
  name           = "${var.name}-authentication-failures"
  log_group_name = var.app_log_group_name
  pattern        = var.auth_failure_log_pattern

  metric_transformation {
    name          = "AuthenticationFailures"
    namespace     = local.custom_namespace
    value         = "1"
    default_value = "0"
  }
}

resource "aws_cloudwatch_metric_alarm" "auth_failures" {
  alarm_name          = "${var.name}-auth-failures-spike"
  alarm_description   = "[${upper(local.alarm_definitions["auth-failures-spike"].severity)}] More than ${local.alarm_definitions["auth-failures-spike"].threshold} failed authentications in 5 minutes (possible credential stuffing). Runbook: ${local.alarm_definitions["auth-failures-spike"].runbook}"
  namespace           = local.custom_namespace
  metric_name         = "AuthenticationFailures"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = local.alarm_definitions["auth-failures-spike"].comparison
  threshold           = local.alarm_definitions["auth-failures-spike"].threshold
  treat_missing_data  = local.alarm_definitions["auth-failures-spike"].missing_data
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = merge(var.tags, { Severity = local.alarm_definitions["auth-failures-spike"].severity })

  depends_on = [aws_cloudwatch_log_metric_filter.auth_failures]
}

# --- Availability SLO (NFR-AVAIL-1): the error budget burning too fast --------------------------
# 99.9 % over 30 days is 43 minutes of budget; no CloudWatch alarm looks back 30 days (at most 7), so the SLO
# is watched by its burn rate: the Route 53 health check's status (slo.tf) averaged over a window, against
# 100 - burn_rate * (100 - target). Fast: 2 % of the month's budget in an hour pages; slow: 5 % in six hours
# warns. Route 53 publishes its metrics in us-east-1 only, so these alarms and their topic live there.

resource "aws_cloudwatch_metric_alarm" "availability_fast_burn" {
  provider = aws.us_east_1

  alarm_name          = "${var.name}-availability-fast-burn"
  alarm_description   = "[${upper(local.alarm_definitions["availability-fast-burn"].severity)}] Availability seen by the Route 53 health check below ${local.alarm_definitions["availability-fast-burn"].threshold}% over ${local.alarm_definitions["availability-fast-burn"].slo.window_minutes} min: the ${local.alarm_definitions["availability-fast-burn"].slo.target}% SLO's error budget burns ${local.alarm_definitions["availability-fast-burn"].slo.burn_rate}x too fast. Runbook: ${local.alarm_definitions["availability-fast-burn"].runbook}"
  comparison_operator = local.alarm_definitions["availability-fast-burn"].comparison
  threshold           = local.alarm_definitions["availability-fast-burn"].threshold
  evaluation_periods  = 1
  treat_missing_data  = local.alarm_definitions["availability-fast-burn"].missing_data
  alarm_actions       = local.slo_alarm_actions
  ok_actions          = local.slo_alarm_actions

  metric_query {
    id          = "availability"
    label       = "Availability (%) seen by Route 53"
    expression  = "100 * status"
    return_data = true
  }

  metric_query {
    id = "status"
    metric {
      namespace   = "AWS/Route53"
      metric_name = "HealthCheckStatus"
      dimensions  = { HealthCheckId = aws_route53_health_check.api.id }
      period      = local.alarm_definitions["availability-fast-burn"].slo.window_minutes * 60
      stat        = "Average"
    }
  }

  tags = merge(var.tags, { Severity = local.alarm_definitions["availability-fast-burn"].severity })
}

resource "aws_cloudwatch_metric_alarm" "availability_slow_burn" {
  provider = aws.us_east_1

  alarm_name          = "${var.name}-availability-slow-burn"
  alarm_description   = "[${upper(local.alarm_definitions["availability-slow-burn"].severity)}] Availability seen by the Route 53 health check below ${local.alarm_definitions["availability-slow-burn"].threshold}% over ${local.alarm_definitions["availability-slow-burn"].slo.window_minutes} min: the ${local.alarm_definitions["availability-slow-burn"].slo.target}% SLO's error budget burns ${local.alarm_definitions["availability-slow-burn"].slo.burn_rate}x too fast. Runbook: ${local.alarm_definitions["availability-slow-burn"].runbook}"
  comparison_operator = local.alarm_definitions["availability-slow-burn"].comparison
  threshold           = local.alarm_definitions["availability-slow-burn"].threshold
  evaluation_periods  = 1
  treat_missing_data  = local.alarm_definitions["availability-slow-burn"].missing_data
  alarm_actions       = local.slo_alarm_actions
  ok_actions          = local.slo_alarm_actions

  metric_query {
    id          = "availability"
    label       = "Availability (%) seen by Route 53"
    expression  = "100 * status"
    return_data = true
  }

  metric_query {
    id = "status"
    metric {
      namespace   = "AWS/Route53"
      metric_name = "HealthCheckStatus"
      dimensions  = { HealthCheckId = aws_route53_health_check.api.id }
      period      = local.alarm_definitions["availability-slow-burn"].slo.window_minutes * 60
      stat        = "Average"
    }
  }

  tags = merge(var.tags, { Severity = local.alarm_definitions["availability-slow-burn"].severity })
}

locals {
  alarms = merge(
    {
      "alb-5xx-rate"         = aws_cloudwatch_metric_alarm.alb_5xx_rate
      "alb-p95-latency"      = aws_cloudwatch_metric_alarm.alb_p95_latency
      "alb-unhealthy-hosts"  = aws_cloudwatch_metric_alarm.alb_unhealthy_hosts
      "alb-no-healthy-hosts" = aws_cloudwatch_metric_alarm.alb_no_healthy_hosts
      "ecs-cpu-high"         = aws_cloudwatch_metric_alarm.ecs_cpu_high
      "ecs-memory-high"      = aws_cloudwatch_metric_alarm.ecs_memory_high
      "deployment-failed"    = aws_cloudwatch_metric_alarm.deployment_failed
      "auth-failures-spike"  = aws_cloudwatch_metric_alarm.auth_failures
    },
    { for k, a in aws_cloudwatch_metric_alarm.dynamodb_throttles : "dynamodb-throttles-${k}" => a },
    { for k, a in aws_cloudwatch_metric_alarm.dynamodb_system_errors : "dynamodb-system-errors-${k}" => a },
  )

  # the alarms of the primary region (FIS stop conditions and composite alarms must be in the alarm's region):
  # the availability alarms of us-east-1 are apart, in local.slo_alarms
  slo_alarms = {
    "availability-fast-burn" = aws_cloudwatch_metric_alarm.availability_fast_burn
    "availability-slow-burn" = aws_cloudwatch_metric_alarm.availability_slow_burn
  }

  # the critical alarms of the definition that exist once (the dashboards' alarm status widget)
  critical_alarm_keys = [for k, d in local.alarm_definitions : k if d.severity == "critical" && !try(d.per_table, false) && contains(keys(local.alarms), k)]
}
