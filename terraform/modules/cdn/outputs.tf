output "distribution_id" {
  description = "ID of the CloudFront distribution."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "ARN of the CloudFront distribution."
  value       = aws_cloudfront_distribution.this.arn
}

output "distribution_domain_name" {
  description = "Domain name of the CloudFront distribution."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "assets_bucket_name" {
  description = "Bucket of the static assets."
  value       = aws_s3_bucket.assets.id
}

output "assets_bucket_arn" {
  description = "ARN of the static asset bucket."
  value       = aws_s3_bucket.assets.arn
}

output "cloudfront_web_acl_name" {
  description = "Name of the CloudFront web ACL."
  value       = aws_wafv2_web_acl.cloudfront.name
}

output "cloudfront_web_acl_arn" {
  description = "ARN of the CloudFront web ACL."
  value       = aws_wafv2_web_acl.cloudfront.arn
}

output "regional_web_acl_name" {
  description = "Name of the regional (ALB) web ACL."
  value       = aws_wafv2_web_acl.regional.name
}

output "regional_web_acl_arn" {
  description = "ARN of the regional (ALB) web ACL."
  value       = aws_wafv2_web_acl.regional.arn
}

output "regional_waf_log_group_name" {
  description = "Log group of the regional (ALB) web ACL."
  value       = aws_cloudwatch_log_group.waf_regional.name
}
