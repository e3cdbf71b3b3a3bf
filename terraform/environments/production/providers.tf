locals {
  default_tags = {
    Project     = "faith-motivator-chatbot"
    Environment = var.environment
    ManagedBy   = "terraform"
    Repository  = var.github_repository
  }
}

provider "aws" {
  region              = var.aws_region
  allowed_account_ids = length(var.allowed_account_ids) > 0 ? var.allowed_account_ids : null

  default_tags {
    tags = local.default_tags
  }
}

# Disaster-recovery region: cross-region copies of the AWS Backup recovery points.
provider "aws" {
  alias               = "dr"
  region              = var.dr_region
  allowed_account_ids = length(var.allowed_account_ids) > 0 ? var.allowed_account_ids : null

  default_tags {
    tags = local.default_tags
  }
}

# CloudFront-scoped resources (WAF web ACL, its logs, the viewer certificate) live in us-east-1.
provider "aws" {
  alias               = "us_east_1"
  region              = "us-east-1"
  allowed_account_ids = length(var.allowed_account_ids) > 0 ? var.allowed_account_ids : null

  default_tags {
    tags = local.default_tags
  }
}
