# Four CloudWatch dashboards: executive, operations, security, performance.

locals {
  alb        = var.alb_arn_suffix
  tg_blue    = var.target_group_arn_suffixes["blue"]
  tg_green   = var.target_group_arn_suffixes["green"]
  cluster    = var.ecs_cluster_name
  service    = var.ecs_service_name
  cf_enabled = var.cloudfront_distribution_id != ""

  all_alarm_arns      = [for k, a in local.alarms : a.arn]
  critical_alarm_arns = [for k in local.critical_alarm_keys : local.alarms[k].arn]

  table_list   = values(var.dynamodb_table_names)
  table_filter = "(${join(" OR ", [for t in local.table_list : "TableName=\"${t}\""])})"

  availability_expression = "100 - 100 * (FILL(t5, 0) + FILL(e5, 0)) / FILL(req, 1)"
}

# ---------------------------------------------------------------------------------------------
# Executive: is the service up, fast and used?
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_dashboard" "executive" {
  dashboard_name = "${var.name}-executive"

  dashboard_body = jsonencode({
    widgets = concat([
      {
        type   = "text"
        x      = 0
        y      = 0
        width  = 24
        height = 2
        properties = {
          markdown = "# ${var.name}: executive view\nTargets: availability **99.9 %**, chat p95 **< 3 s**, error rate **< 0.1 %**, **> 100 rps** capacity. Business KPIs appear when the service publishes them to the `${local.custom_namespace}` namespace."
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 2
        width  = 6
        height = 6
        properties = {
          title                = "Availability (%), whole time range"
          view                 = "singleValue"
          region               = local.region
          setPeriodToTimeRange = true
          stat                 = "Sum"
          period               = 300
          metrics = [
            [{ expression = local.availability_expression, label = "Availability %", id = "avail" }],
            ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", local.alb, { id = "t5", visible = false }],
            ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", local.alb, { id = "e5", visible = false }],
            ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", local.alb, { id = "req", visible = false }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 6
        y      = 2
        width  = 9
        height = 6
        properties = {
          title  = "Availability (%) over time"
          view   = "timeSeries"
          region = local.region
          stat   = "Sum"
          period = 300
          yAxis  = { left = { min = 95, max = 100 } }
          annotations = {
            horizontal = [{ label = "SLO 99.9 %", value = 99.9 }]
          }
          metrics = [
            [{ expression = local.availability_expression, label = "Availability %", id = "avail" }],
            ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", local.alb, { id = "t5", visible = false }],
            ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", local.alb, { id = "e5", visible = false }],
            ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", local.alb, { id = "req", visible = false }],
          ]
        }
      },
      {
        type   = "alarm"
        x      = 15
        y      = 2
        width  = 9
        height = 6
        properties = {
          title  = "Critical alarms"
          alarms = local.critical_alarm_arns
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 8
        width  = 12
        height = 6
        properties = {
          title  = "Chat response time p95 (s)"
          view   = "timeSeries"
          region = local.region
          period = 60
          annotations = {
            horizontal = [{ label = "NFR p95 < 3 s", value = var.p95_latency_threshold_seconds }]
          }
          metrics = [
            ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", local.alb, { stat = "p95", label = "p95" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 8
        width  = 12
        height = 6
        properties = {
          title  = "Traffic (requests per 5 minutes)"
          view   = "timeSeries"
          region = local.region
          stat   = "Sum"
          period = 300
          metrics = [
            ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", local.alb, { label = "API requests" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 14
        width  = 24
        height = 6
        properties = {
          title  = "Business metrics (published by the service)"
          view   = "timeSeries"
          region = local.region
          period = 3600
          metrics = [
            [{ expression = "SEARCH('{${local.custom_namespace}} MetricName=\"ChatMessages\" OR MetricName=\"PrayerRequests\" OR MetricName=\"ActiveUsers\"', 'Sum', 3600)", id = "biz", label = "" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 26
        width  = 12
        height = 6
        properties = {
          title                = "Availability seen from outside (Route 53 health check, %), whole time range"
          view                 = "singleValue"
          region               = "us-east-1"
          setPeriodToTimeRange = true
          period               = 3600
          metrics = [
            [{ expression = "100 * status", label = "Availability % (SLO ${local.alarm_definitions["availability-fast-burn"].slo.target} %)", id = "availability" }],
            ["AWS/Route53", "HealthCheckStatus", "HealthCheckId", aws_route53_health_check.api.id, { stat = "Average", id = "status", visible = false }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 26
        width  = 12
        height = 6
        properties = {
          title                = "Incidents, whole time range (MTBF = time up / incidents)"
          view                 = "singleValue"
          region               = local.region
          setPeriodToTimeRange = true
          period               = 86400
          metrics = [
            [local.custom_namespace, "Incidents", { stat = "Sum", label = "Incidents" }],
          ]
        }
      },
      ], [for w in [
        {
          type   = "metric"
          x      = 0
          y      = 20
          width  = 24
          height = 6
          properties = {
            title  = "Front end (CloudFront): requests and cache hit rate"
            view   = "timeSeries"
            region = "us-east-1"
            period = 300
            metrics = [
              ["AWS/CloudFront", "Requests", "DistributionId", var.cloudfront_distribution_id, "Region", "Global", { stat = "Sum", label = "Requests" }],
              ["AWS/CloudFront", "CacheHitRate", "DistributionId", var.cloudfront_distribution_id, "Region", "Global", { stat = "Average", label = "Cache hit rate %", yAxis = "right" }],
            ]
          }
        },
    ] : w if local.cf_enabled])
  })
}

# ---------------------------------------------------------------------------------------------
# Operations: what is running and is it healthy?
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_dashboard" "operations" {
  dashboard_name = "${var.name}-operations"

  dashboard_body = jsonencode({
    widgets = [
      {
        type   = "alarm"
        x      = 0
        y      = 0
        width  = 24
        height = 4
        properties = {
          title  = "All alarms"
          alarms = local.all_alarm_arns
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 4
        width  = 8
        height = 6
        properties = {
          title  = "ECS CPU / memory (%)"
          view   = "timeSeries"
          region = local.region
          period = 60
          annotations = {
            horizontal = [{ label = "Warning 80 %", value = var.resource_utilisation_threshold_percent }]
          }
          metrics = [
            ["AWS/ECS", "CPUUtilization", "ClusterName", local.cluster, "ServiceName", local.service, { stat = "Average", label = "CPU avg" }],
            ["AWS/ECS", "CPUUtilization", "ClusterName", local.cluster, "ServiceName", local.service, { stat = "Maximum", label = "CPU max" }],
            ["AWS/ECS", "MemoryUtilization", "ClusterName", local.cluster, "ServiceName", local.service, { stat = "Average", label = "Memory avg" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 8
        y      = 4
        width  = 8
        height = 6
        properties = {
          title  = "Tasks: running vs desired"
          view   = "timeSeries"
          region = local.region
          period = 60
          stat   = "Average"
          metrics = [
            ["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", local.cluster, "ServiceName", local.service, { label = "Running" }],
            ["ECS/ContainerInsights", "DesiredTaskCount", "ClusterName", local.cluster, "ServiceName", local.service, { label = "Desired" }],
            ["ECS/ContainerInsights", "PendingTaskCount", "ClusterName", local.cluster, "ServiceName", local.service, { label = "Pending" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 16
        y      = 4
        width  = 8
        height = 6
        properties = {
          title  = "Target health (blue / green)"
          view   = "timeSeries"
          region = local.region
          period = 60
          metrics = [
            ["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", local.tg_blue, "LoadBalancer", local.alb, { stat = "Minimum", label = "Healthy blue" }],
            ["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", local.tg_green, "LoadBalancer", local.alb, { stat = "Minimum", label = "Healthy green" }],
            ["AWS/ApplicationELB", "UnHealthyHostCount", "TargetGroup", local.tg_blue, "LoadBalancer", local.alb, { stat = "Maximum", label = "Unhealthy blue" }],
            ["AWS/ApplicationELB", "UnHealthyHostCount", "TargetGroup", local.tg_green, "LoadBalancer", local.alb, { stat = "Maximum", label = "Unhealthy green" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 10
        width  = 12
        height = 6
        properties = {
          title  = "ALB responses by class"
          view   = "timeSeries"
          region = local.region
          stat   = "Sum"
          period = 60
          metrics = [
            ["AWS/ApplicationELB", "HTTPCode_Target_2XX_Count", "LoadBalancer", local.alb, { label = "2xx" }],
            ["AWS/ApplicationELB", "HTTPCode_Target_4XX_Count", "LoadBalancer", local.alb, { label = "4xx (target)" }],
            ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", local.alb, { label = "5xx (target)" }],
            ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", local.alb, { label = "5xx (ALB)" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 10
        width  = 12
        height = 6
        properties = {
          title  = "Deployments failed / rolled back"
          view   = "timeSeries"
          region = local.region
          stat   = "Sum"
          period = 300
          metrics = [
            [local.custom_namespace, "DeploymentFailures", { label = "Failed deployments" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 16
        width  = 12
        height = 6
        properties = {
          title  = "DynamoDB consumed capacity"
          view   = "timeSeries"
          region = local.region
          stat   = "Sum"
          period = 60
          metrics = concat(
            [for t in local.table_list : ["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", t, { label = "${t} RCU" }]],
            [for t in local.table_list : ["AWS/DynamoDB", "ConsumedWriteCapacityUnits", "TableName", t, { label = "${t} WCU" }]],
          )
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 16
        width  = 12
        height = 6
        properties = {
          title  = "DynamoDB throttles and system errors"
          view   = "timeSeries"
          region = local.region
          period = 60
          metrics = [
            [{ expression = "SEARCH('{AWS/DynamoDB,TableName} ${local.table_filter} (MetricName=\"ReadThrottleEvents\" OR MetricName=\"WriteThrottleEvents\")', 'Sum', 60)", id = "thr", label = "" }],
            [{ expression = "SEARCH('{AWS/DynamoDB,Operation,TableName} ${local.table_filter} MetricName=\"SystemErrors\"', 'Sum', 60)", id = "err", label = "" }],
          ]
        }
      },
      {
        type   = "log"
        x      = 0
        y      = 22
        width  = 24
        height = 6
        properties = {
          title  = "Recent service errors"
          region = local.region
          view   = "table"
          query  = "SOURCE '${var.app_log_group_name}' | fields @timestamp, @logStream, @message | filter @message like /ERROR|Exception/ | sort @timestamp desc | limit 50"
        }
      },
    ]
  })
}

# ---------------------------------------------------------------------------------------------
# Security: attacks, abuse and authentication
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_dashboard" "security" {
  dashboard_name = "${var.name}-security"

  dashboard_body = jsonencode({
    widgets = concat([
      {
        type   = "text"
        x      = 0
        y      = 0
        width  = 24
        height = 3
        properties = {
          markdown = "# ${var.name}: security view\nControls: WAF (AWS managed Common, KnownBadInputs, IP reputation + per-IP rate limit) on CloudFront and the ALB; TLS 1.2+ only (ALB `ELBSecurityPolicy-TLS13-1-2-2021-06`, CloudFront `TLSv1.2_2021`); KMS CMK encryption of tables, secrets, logs, topic, images and backups; JWT key rotated by Secrets Manager; tasks in private subnets behind least-privilege security groups."
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 3
        width  = 12
        height = 6
        properties = {
          title  = "WAF (ALB): blocked vs allowed requests"
          view   = "timeSeries"
          region = local.region
          period = 300
          metrics = [
            [{ expression = "SEARCH('{AWS/WAFV2,Region,Rule,WebACL} WebACL=\"${var.regional_web_acl_name}\" Rule=\"ALL\" (MetricName=\"BlockedRequests\" OR MetricName=\"AllowedRequests\")', 'Sum', 300)", id = "waf", label = "" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 3
        width  = 12
        height = 6
        properties = {
          title  = "WAF (ALB): blocks per rule"
          view   = "timeSeries"
          region = local.region
          period = 300
          metrics = [
            [{ expression = "SEARCH('{AWS/WAFV2,Region,Rule,WebACL} WebACL=\"${var.regional_web_acl_name}\" MetricName=\"BlockedRequests\"', 'Sum', 300)", id = "rules", label = "" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 9
        width  = 8
        height = 6
        properties = {
          title  = "Failed authentications (5 min)"
          view   = "timeSeries"
          region = local.region
          stat   = "Sum"
          period = 300
          annotations = {
            horizontal = [{ label = "Alarm", value = var.auth_failure_threshold }]
          }
          metrics = [
            [local.custom_namespace, "AuthenticationFailures", { label = "Authentication failures" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 8
        y      = 9
        width  = 8
        height = 6
        properties = {
          title  = "Client errors at the edge of the service"
          view   = "timeSeries"
          region = local.region
          stat   = "Sum"
          period = 300
          metrics = [
            ["AWS/ApplicationELB", "HTTPCode_ELB_4XX_Count", "LoadBalancer", local.alb, { label = "4xx (ALB)" }],
            ["AWS/ApplicationELB", "HTTPCode_Target_4XX_Count", "LoadBalancer", local.alb, { label = "4xx (service: 401/403/429...)" }],
            ["AWS/ApplicationELB", "ClientTLSNegotiationErrorCount", "LoadBalancer", local.alb, { label = "TLS negotiation errors" }],
            ["AWS/ApplicationELB", "RejectedConnectionCount", "LoadBalancer", local.alb, { label = "Rejected connections" }],
          ]
        }
      },
      {
        type   = "alarm"
        x      = 16
        y      = 9
        width  = 8
        height = 6
        properties = {
          title  = "Security alarms"
          alarms = [local.alarms["auth-failures-spike"].arn, local.alarms["alb-5xx-rate"].arn]
        }
      },
      {
        type   = "log"
        x      = 0
        y      = 15
        width  = 24
        height = 6
        properties = {
          title  = "Top blocked client IPs (ALB WAF)"
          region = local.region
          view   = "table"
          query  = "SOURCE '${var.regional_waf_log_group_name}' | filter action = \"BLOCK\" | stats count(*) as blocked by httpRequest.clientIp, terminatingRuleId | sort blocked desc | limit 20"
        }
      },
      ], [for w in [
        {
          type   = "metric"
          x      = 0
          y      = 21
          width  = 24
          height = 6
          properties = {
            title  = "WAF (CloudFront): blocked vs allowed requests"
            view   = "timeSeries"
            region = "us-east-1"
            period = 300
            metrics = [
              [{ expression = "SEARCH('{AWS/WAFV2,Rule,WebACL} WebACL=\"${var.cloudfront_web_acl_name}\" Rule=\"ALL\" (MetricName=\"BlockedRequests\" OR MetricName=\"AllowedRequests\")', 'Sum', 300)", id = "cfwaf", label = "" }],
            ]
          }
        },
    ] : w if var.cloudfront_web_acl_name != ""])
  })
}

# ---------------------------------------------------------------------------------------------
# Performance: latency, throughput, capacity, cache
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_dashboard" "performance" {
  dashboard_name = "${var.name}-performance"

  dashboard_body = jsonencode({
    widgets = concat([
      {
        type   = "metric"
        x      = 0
        y      = 0
        width  = 12
        height = 7
        properties = {
          title  = "Response time percentiles (s)"
          view   = "timeSeries"
          region = local.region
          period = 60
          annotations = {
            horizontal = [{ label = "p95 target 3 s", value = var.p95_latency_threshold_seconds }]
          }
          metrics = [
            ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", local.alb, { stat = "p50", label = "p50" }],
            ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", local.alb, { stat = "p90", label = "p90" }],
            ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", local.alb, { stat = "p95", label = "p95" }],
            ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", local.alb, { stat = "p99", label = "p99" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 0
        width  = 12
        height = 7
        properties = {
          title  = "Throughput (requests per second)"
          view   = "timeSeries"
          region = local.region
          period = 60
          stat   = "Sum"
          annotations = {
            horizontal = [{ label = "NFR > 100 rps", value = 100 }]
          }
          metrics = [
            [{ expression = "req / PERIOD(req)", label = "Requests/s", id = "rps" }],
            ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", local.alb, { id = "req", visible = false }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 7
        width  = 12
        height = 6
        properties = {
          title  = "Requests per task (auto scaling signal)"
          view   = "timeSeries"
          region = local.region
          stat   = "Sum"
          period = 60
          metrics = [
            ["AWS/ApplicationELB", "RequestCountPerTarget", "TargetGroup", local.tg_blue, { label = "blue" }],
            ["AWS/ApplicationELB", "RequestCountPerTarget", "TargetGroup", local.tg_green, { label = "green" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 7
        width  = 12
        height = 6
        properties = {
          title  = "CPU vs scaling target (%)"
          view   = "timeSeries"
          region = local.region
          period = 60
          stat   = "Average"
          annotations = {
            horizontal = [{ label = "Scaling target 60 %", value = 60 }]
          }
          metrics = [
            ["AWS/ECS", "CPUUtilization", "ClusterName", local.cluster, "ServiceName", local.service, { label = "CPU" }],
            ["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", local.cluster, "ServiceName", local.service, { label = "Tasks", yAxis = "right" }],
          ]
        }
      },
      {
        type   = "log"
        x      = 0
        y      = 13
        width  = 24
        height = 6
        properties = {
          title  = "Chat (POST /api/v1/chat) response time p95 / p99 (ms), from the service's access log"
          region = local.region
          view   = "timeSeries"
          query  = "SOURCE '${var.app_log_group_name}' | filter `log.logger` = \"org.faithbot.chatbot.access\" | parse message \"* * * *ms\" as method, route, status, ms | filter route = \"/api/v1/chat\" | stats pct(ms, 95) as p95, pct(ms, 99) as p99 by bin(1m)"
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 19
        width  = 24
        height = 6
        properties = {
          title  = "DynamoDB request latency (ms, average; NFR < 1 s)"
          view   = "timeSeries"
          region = local.region
          period = 60
          metrics = [
            [{ expression = "SEARCH('{AWS/DynamoDB,Operation,TableName} ${local.table_filter} MetricName=\"SuccessfulRequestLatency\"', 'Average', 60)", id = "lat", label = "" }],
          ]
        }
      },
      ], [for w in [
        {
          type   = "metric"
          x      = 0
          y      = 25
          width  = 24
          height = 6
          properties = {
            title  = "CDN: cache hit rate (target > 90 %), origin latency, error rate"
            view   = "timeSeries"
            region = "us-east-1"
            period = 300
            annotations = {
              horizontal = [{ label = "Cache hit target 90 %", value = 90 }]
            }
            metrics = [
              ["AWS/CloudFront", "CacheHitRate", "DistributionId", var.cloudfront_distribution_id, "Region", "Global", { stat = "Average", label = "Cache hit rate %" }],
              ["AWS/CloudFront", "TotalErrorRate", "DistributionId", var.cloudfront_distribution_id, "Region", "Global", { stat = "Average", label = "Error rate %" }],
              ["AWS/CloudFront", "OriginLatency", "DistributionId", var.cloudfront_distribution_id, "Region", "Global", { stat = "p95", label = "Origin latency p95 (ms)", yAxis = "right" }],
            ]
          }
        },
    ] : w if local.cf_enabled])
  })
}
