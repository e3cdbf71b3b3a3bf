terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # State in the versioned, encrypted bucket of terraform/bootstrap, with S3 native locking
  # (a .tflock object next to the state; no DynamoDB lock table). The bucket and its region
  # are passed at init: terraform init -backend-config="bucket=$TF_STATE_BUCKET" -backend-config="region=$AWS_REGION"
  backend "s3" {
    key          = "chatbot/production/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
