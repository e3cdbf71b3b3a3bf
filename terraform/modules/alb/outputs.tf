output "alb_arn" {
  description = "ARN of the load balancer."
  value       = aws_lb.this.arn
}

output "alb_arn_suffix" {
  description = "ARN suffix of the load balancer (CloudWatch dimension LoadBalancer)."
  value       = aws_lb.this.arn_suffix
}

output "alb_dns_name" {
  description = "DNS name of the load balancer."
  value       = aws_lb.this.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone of the load balancer (for alias records)."
  value       = aws_lb.this.zone_id
}

output "https_listener_arn" {
  description = "ARN of the HTTPS listener (CodeDeploy production traffic route)."
  value       = aws_lb_listener.https.arn
}

output "target_group_arns" {
  description = "ARNs of the blue and green target groups."
  value       = { for k, tg in aws_lb_target_group.this : k => tg.arn }
}

output "target_group_arn_suffixes" {
  description = "ARN suffixes of the blue and green target groups (CloudWatch dimension TargetGroup)."
  value       = { for k, tg in aws_lb_target_group.this : k => tg.arn_suffix }
}

output "target_group_names" {
  description = "Names of the blue and green target groups."
  value       = { for k, tg in aws_lb_target_group.this : k => tg.name }
}

output "access_logs_bucket" {
  description = "Bucket of the ALB access logs."
  value       = aws_s3_bucket.access_logs.id
}

output "health_check_path" {
  description = "Path the target groups' health check requests."
  value       = var.health_check_path
}
