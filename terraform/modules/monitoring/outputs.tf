output "alert_topic_arn" {
  description = "ARN of the SNS alert topic."
  value       = aws_sns_topic.alerts.arn
}

output "alarm_arns" {
  description = "Alarm key => alarm ARN (keys: alb-5xx-rate, alb-p95-latency, alb-unhealthy-hosts, alb-no-healthy-hosts, ecs-cpu-high, ecs-memory-high, deployment-failed, auth-failures-spike, dynamodb-throttles-<table>, dynamodb-system-errors-<table>)."
  value       = { for k, a in local.alarms : k => a.arn }
}

output "alarm_names" {
  description = "Alarm key => alarm name."
  value       = { for k, a in local.alarms : k => a.alarm_name }
}

output "availability_alarm_arns" {
  description = "Alarm key => ARN of the availability SLO alarms (us-east-1, apart from alarm_arns: FIS stop conditions must be in the experiment's region)."
  value       = { for k, a in local.slo_alarms : k => a.arn }
}

output "availability_health_check_id" {
  description = "Route 53 health check of the public API's health endpoint (metric AWS/Route53 HealthCheckStatus, us-east-1)."
  value       = aws_route53_health_check.api.id
}

output "incident_alarm_name" {
  description = "Composite alarm in ALARM during an incident; its entries into ALARM are counted as metric Incidents of custom_metric_namespace."
  value       = aws_cloudwatch_composite_alarm.incident.alarm_name
}

output "incident_log_group_name" {
  description = "Log group of every incident's start (ALARM) and end (OK)."
  value       = aws_cloudwatch_log_group.incidents.name
}

output "rollback_alarm_names" {
  description = "Alarms that roll a deployment back."
  value       = [for k in ["alb-5xx-rate", "alb-unhealthy-hosts"] : local.alarms[k].alarm_name]
}

output "dashboard_names" {
  description = "The four dashboards."
  value = {
    executive   = aws_cloudwatch_dashboard.executive.dashboard_name
    operations  = aws_cloudwatch_dashboard.operations.dashboard_name
    security    = aws_cloudwatch_dashboard.security.dashboard_name
    performance = aws_cloudwatch_dashboard.performance.dashboard_name
  }
}

output "dashboard_arns" {
  description = "ARNs of the four dashboards."
  value = {
    executive   = aws_cloudwatch_dashboard.executive.dashboard_arn
    operations  = aws_cloudwatch_dashboard.operations.dashboard_arn
    security    = aws_cloudwatch_dashboard.security.dashboard_arn
    performance = aws_cloudwatch_dashboard.performance.dashboard_arn
  }
}

output "reports_bucket_name" {
  description = "Bucket that archives launch-readiness and game-day reports."
  value       = aws_s3_bucket.reports.id
}

output "reports_bucket_arn" {
  description = "ARN of the report archive bucket."
  value       = aws_s3_bucket.reports.arn
}

output "custom_metric_namespace" {
  description = "Namespace of the custom metrics (deployment failures, authentication failures, incidents, business KPIs)."
  value       = local.custom_namespace
}
