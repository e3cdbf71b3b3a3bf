output "jwt_signing_key_secret_arn" {
  description = "ARN of the JWT signing key secret (the service reads it by this id at runtime)."
  value       = aws_secretsmanager_secret.jwt_signing_key.arn
}

output "jwt_signing_key_secret_name" {
  description = "Name of the JWT signing key secret."
  value       = aws_secretsmanager_secret.jwt_signing_key.name
}

output "secret_arns" {
  description = "Every secret of the service."
  value       = [aws_secretsmanager_secret.jwt_signing_key.arn, aws_secretsmanager_secret.pseudonym_key.arn]
}

output "pseudonym_key_secret_arn" {
  description = "ARN of the pseudonym key secret (task definition valueFrom)."
  value       = aws_secretsmanager_secret.pseudonym_key.arn
}
