# Production: same code as staging; no chaos experiments, locked backup vaults, more headroom.
# Replace the domain names and the rotation Lambda name with the organisation's own before the first apply.
environment = "production"
aws_region  = "eu-central-1"
dr_region   = "eu-west-1"

vpc_cidr           = "10.50.0.0/16"
api_domain_name    = "api.chatbot.example.org"
assets_domain_name = "chatbot.example.org"

deployment_strategy = "blue-green"
task_cpu            = 1024
task_memory         = 2048
desired_count       = 3
min_capacity        = 3
max_capacity        = 20

bedrock_model_id         = "anthropic.claude-3-haiku-20240307-v1:0"
jwt_rotation_lambda_name = "chatbot-production-jwt-key-rotation"

# production runs only the read-only smoke: no pipeline role reads its tables
pipeline_reads_tables = false

chaos_enabled                 = false
enable_backup_vault_lock      = true
manage_backup_region_settings = true
