# Availability and failures over time, as production will measure them (NFR-AVAIL-1, NFR-AVAIL-3).
#
# Availability: a Route 53 health check calls the public API domain's health endpoint (the path the load
# balancer's target groups check) over HTTPS from Route 53's checkers around the world, every 30 s. Its
# HealthCheckStatus is the availability seen from outside (DNS, TLS, WAF, load balancer and service together);
# the burn-rate alarms of alarms.tf hold it against the 99.9 % SLO. Route 53 publishes the metric in us-east-1
# only, so those alarms, their alert topic and the topic's key live there (provider aws.us_east_1).
#
# Failures: the composite alarm "<name>-incident" is in ALARM while any alarm the definition marks as an
# incident is (alarms.yaml: incident: true; service down, error rate > 5 %), so an outage that trips both counts
# once. EventBridge writes each of its state changes to a log group; a metric filter counts the entries into
# ALARM as Incidents in the service's namespace: MTBF = time up / Sum(Incidents) over the window, and the log
# keeps each incident's start and end (MTTR).

locals {
  slo_alarm_actions = [aws_sns_topic.alerts_us_east_1.arn]

  incident_alarm_keys = [for k, d in local.alarm_definitions : k if try(d.incident, false)]
}

# ---------------------------------------------------------------------------------------------
# Availability seen from outside
# ---------------------------------------------------------------------------------------------

resource "aws_route53_health_check" "api" {
  fqdn              = var.health_check_fqdn
  port              = 443
  type              = "HTTPS"
  resource_path     = var.health_check_path
  enable_sni        = true
  request_interval  = 30
  failure_threshold = 3
  measure_latency   = true

  tags = merge(var.tags, { Name = "${var.name}-api" })
}

# The availability alarms' topic in us-east-1 (an alarm notifies a topic of its own region), encrypted with a key
# of that region and subscribed like the alert topic: the same pager and the same e-mail addresses.
data "aws_iam_policy_document" "alerts_us_east_1_key" {
  statement {
    sid    = "KeyAdministrationByAccount"
    effect = "Allow"
    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
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
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListGrants",
      "kms:ListKeyPolicies",
      "kms:ListResourceTags",
      "kms:PutKeyPolicy",
      "kms:ReEncryptFrom",
      "kms:ReEncryptTo",
      "kms:RevokeGrant",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateAlias",
      "kms:UpdateKeyDescription",
    ]
    resources = ["*"] # in a key policy "*" means this key
  }

  statement {
    sid    = "AlarmPublishingToEncryptedTopic"
    effect = "Allow"
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_kms_key" "alerts_us_east_1" {
  provider = aws.us_east_1

  description             = "${var.name} availability alert topic (us-east-1)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.alerts_us_east_1_key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "alerts_us_east_1" {
  provider = aws.us_east_1

  name          = "alias/${var.name}-availability-alerts"
  target_key_id = aws_kms_key.alerts_us_east_1.key_id
}

resource "aws_sns_topic" "alerts_us_east_1" {
  provider = aws.us_east_1

  name              = "${var.name}-availability-alerts"
  display_name      = "${var.name} availability alerts"
  kms_master_key_id = aws_kms_key.alerts_us_east_1.arn
  tags              = var.tags
}

data "aws_iam_policy_document" "alerts_us_east_1" {
  statement {
    sid     = "AccountOwnerManages"
    actions = ["sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:Publish", "sns:SetTopicAttributes", "sns:Subscribe"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
    resources = [aws_sns_topic.alerts_us_east_1.arn]
  }

  statement {
    sid     = "CloudWatchPublishes"
    actions = ["sns:Publish"]
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
    resources = [aws_sns_topic.alerts_us_east_1.arn]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["sns:Publish"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = [aws_sns_topic.alerts_us_east_1.arn]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sns_topic_policy" "alerts_us_east_1" {
  provider = aws.us_east_1

  arn    = aws_sns_topic.alerts_us_east_1.arn
  policy = data.aws_iam_policy_document.alerts_us_east_1.json
}

resource "aws_sns_topic_subscription" "pager_us_east_1" {
  provider = aws.us_east_1
  count    = var.alert_pager_endpoint == "" ? 0 : 1

  topic_arn              = aws_sns_topic.alerts_us_east_1.arn
  protocol               = "https"
  endpoint               = var.alert_pager_endpoint
  endpoint_auto_confirms = true
}

resource "aws_sns_topic_subscription" "email_us_east_1" {
  provider = aws.us_east_1
  for_each = toset(var.alert_email_addresses)

  topic_arn = aws_sns_topic.alerts_us_east_1.arn
  protocol  = "email"
  endpoint  = each.value
}

# ---------------------------------------------------------------------------------------------
# Incidents counted (MTBF)
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_composite_alarm" "incident" {
  alarm_name        = "${var.name}-incident"
  alarm_description = "An incident (NFR-AVAIL-3): in ALARM while any of ${join(", ", local.incident_alarm_keys)} is. Pages nobody itself (each of those pages); its entries into ALARM are counted as Incidents."
  alarm_rule        = join(" OR ", [for k in local.incident_alarm_keys : "ALARM(\"${local.alarms[k].alarm_name}\")"])
  tags              = var.tags
}

resource "aws_cloudwatch_event_rule" "incidents" {
  name        = "${var.name}-incidents"
  description = "State changes of ${var.name}-incident: the start (ALARM) and the end (OK) of every incident"
  event_pattern = jsonencode({
    source        = ["aws.cloudwatch"]
    "detail-type" = ["CloudWatch Alarm State Change"]
    resources     = [aws_cloudwatch_composite_alarm.incident.arn]
    detail        = { state = { value = ["ALARM", "OK"] } }
  })
  tags = var.tags
}

resource "aws_cloudwatch_log_group" "incidents" {
  name              = "/aws/events/${var.name}/incidents"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_cloudwatch_event_target" "incidents_log" {
  rule      = aws_cloudwatch_event_rule.incidents.name
  target_id = "log"
  arn       = aws_cloudwatch_log_group.incidents.arn
}

resource "aws_cloudwatch_log_metric_filter" "incidents" {
  name           = "${var.name}-incidents"
  log_group_name = aws_cloudwatch_log_group.incidents.name
  pattern        = "{ $.detail.state.value = \"ALARM\" }"

  metric_transformation {
    name          = "Incidents"
    namespace     = local.custom_namespace
    value         = "1"
    default_value = "0"
  }
}
