terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
      # Route 53 publishes health-check metrics in us-east-1 only: the availability alarms and their topic live there
      configuration_aliases = [aws.us_east_1]
    }
  }
}
