# Staging: same code as production, smaller, with chaos experiments enabled.
# Replace the domain names and the rotation Lambda name with the organisation's own before the first apply.
environment = "staging"
aws_region  = "eu-central-1"
dr_region   = "eu-west-1"

vpc_cidr           = "10.40.0.0/16"
api_domain_name    = "api.staging.chatbot.example.org"
assets_domain_name = "staging.chatbot.example.org"

deployment_strategy = "blue-green"
task_cpu            = 1024
task_memory         = 2048
desired_count       = 2
min_capacity        = 2
max_capacity        = 6

bedrock_model_id         = "anthropic.claude-3-haiku-20240307-v1:0"
jwt_rotation_lambda_name = "chatbot-staging-jwt-key-rotation"

# the post-deployment validation sweeps the tables for an erased test user (privacy spec)
pipeline_reads_tables = true

chaos_enabled                 = true
enable_backup_vault_lock      = false
manage_backup_region_settings = true
