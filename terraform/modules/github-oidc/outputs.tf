output "oidc_provider_arn" {
  description = "ARN of the GitHub OIDC provider."
  value       = local.oidc_provider_arn
}

output "role_arns" {
  description = "Purpose => role ARN (set them as GitHub variables)."
  value = {
    terraform_plan   = aws_iam_role.terraform_plan.arn
    terraform_apply  = aws_iam_role.terraform_apply.arn
    app_deploy       = aws_iam_role.app_deploy.arn
    game_day         = var.create_game_day_role ? aws_iam_role.game_day[0].arn : ""
    report_publisher = aws_iam_role.report_publisher.arn
    operation_reader = aws_iam_role.operation_reader.arn
  }
}
