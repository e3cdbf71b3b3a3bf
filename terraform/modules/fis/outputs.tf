output "experiment_template_ids" {
  description = "Experiment id => FIS experiment template id."
  value       = { for k, t in aws_fis_experiment_template.this : k => t.id }
}

output "fis_role_arn" {
  description = "Role FIS assumes to run the experiments."
  value       = aws_iam_role.fis.arn
}

output "log_group_name" {
  description = "Log group of the experiments."
  value       = aws_cloudwatch_log_group.fis.name
}
