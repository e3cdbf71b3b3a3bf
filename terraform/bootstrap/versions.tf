terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # Bootstrap runs once per account with local state (it creates the bucket the other
  # configurations keep their state in). Afterwards its state may be migrated into the bucket
  # it created: add backend "s3" { key = "bootstrap/terraform.tfstate", encrypt = true,
  # use_lockfile = true } and run terraform init -migrate-state.
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project   = "faith-motivator-chatbot"
      ManagedBy = "terraform"
      Purpose   = "terraform-state"
    }
  }
}
