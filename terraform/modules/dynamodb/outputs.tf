output "table_names" {
  description = "Logical table name => physical table name."
  value       = { for k, t in aws_dynamodb_table.this : k => t.name }
}

output "table_arns" {
  description = "Logical table name => table ARN."
  value       = { for k, t in aws_dynamodb_table.this : k => t.arn }
}

output "table_arn_list" {
  description = "ARNs of every table."
  value       = [for t in aws_dynamodb_table.this : t.arn]
}

output "personal_data_tables" {
  description = "Physical names of the tables that hold personal data (GDPR/CCPA scope)."
  value       = [for k, t in aws_dynamodb_table.this : t.name if t.tags["HoldsPersonalData"] == "true"]
}
