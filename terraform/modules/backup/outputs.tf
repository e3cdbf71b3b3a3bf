output "primary_vault_arn" {
  description = "ARN of the primary-region vault."
  value       = aws_backup_vault.primary.arn
}

output "primary_vault_name" {
  description = "Name of the primary-region vault."
  value       = aws_backup_vault.primary.name
}

output "dr_vault_arn" {
  description = "ARN of the DR-region vault (copy destination)."
  value       = aws_backup_vault.dr.arn
}

output "plan_id" {
  description = "ID of the backup plan."
  value       = aws_backup_plan.this.id
}

output "backup_role_arn" {
  description = "Role AWS Backup uses for backups and restores."
  value       = aws_iam_role.backup.arn
}
