# The JWT signing key lives only in Secrets Manager, encrypted with the environment CMK and
# rotated by a rotation Lambda. Its value never appears in Terraform state: the rotation
# Lambda creates the first version (rotate immediately) and every later one. The service reads it
# by its id and re-reads it every 30 seconds (current and previous versions), so a rotation, or the
# retirement of a leaked version, reaches every task without a restart.
#
# The pseudonym key (one-way pseudonyms of the audit trail and analytics, paging cursors) is a secret
# of its own: it must never change with the signing key, or stored pseudonyms would stop matching.
# It is not rotated automatically; its one value is put in place once, before the first deployment
# (terraform/README.md, "What the service container receives"), and never appears in Terraform state.

resource "aws_secretsmanager_secret" "jwt_signing_key" {
  name                    = "${var.name}/jwt-signing-key"
  description             = "JWT signing key of the chatbot service (rotated automatically)"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_days
  tags                    = var.tags
}

data "aws_iam_policy_document" "jwt_signing_key" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_secretsmanager_secret_policy" "jwt_signing_key" {
  secret_arn          = aws_secretsmanager_secret.jwt_signing_key.arn
  policy              = data.aws_iam_policy_document.jwt_signing_key.json
  block_public_policy = true
}

resource "aws_secretsmanager_secret" "pseudonym_key" {
  #checkov:skip=CKV2_AWS_57:Rotating the pseudonym key would break every stored pseudonym; it is changed only by a planned re-keying.
  name                    = "${var.name}/pseudonym-key"
  description             = "Pseudonym key of the chatbot service (never rotated automatically: stored pseudonyms depend on it)"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_days
  tags                    = merge(var.tags, { Rotation = "manual" })
}

resource "aws_secretsmanager_secret_policy" "pseudonym_key" {
  secret_arn          = aws_secretsmanager_secret.pseudonym_key.arn
  policy              = data.aws_iam_policy_document.jwt_signing_key.json
  block_public_policy = true
}

resource "aws_lambda_permission" "rotation" {
  statement_id  = "AllowSecretsManagerRotation-${replace(var.name, "/[^A-Za-z0-9_-]/", "-")}"
  action        = "lambda:InvokeFunction"
  function_name = var.rotation_lambda_arn
  principal     = "secretsmanager.amazonaws.com"
  source_arn    = aws_secretsmanager_secret.jwt_signing_key.arn
}

resource "aws_secretsmanager_secret_rotation" "jwt_signing_key" {
  secret_id           = aws_secretsmanager_secret.jwt_signing_key.id
  rotation_lambda_arn = var.rotation_lambda_arn
  rotate_immediately  = true

  rotation_rules {
    automatically_after_days = var.rotation_days
  }

  depends_on = [aws_lambda_permission.rotation]
}
