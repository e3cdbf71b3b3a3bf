# ECS cluster and Fargate service of the chatbot, with three deployment strategies:
#   rolling    -> ECS deployment controller, circuit breaker with automatic rollback, alarm rollback
#   blue-green -> CodeDeploy (CodeDeployDefault.ECSAllAtOnce), auto rollback on failure and alarms
#   canary     -> CodeDeploy (CodeDeployDefault.ECSCanary10Percent5Minutes), same rollback
# The deployment pipeline (.github/workflows/application-cd.yml) registers new task definition
# revisions; Terraform owns the first revision and the service settings, not the running image.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_id     = data.aws_caller_identity.current.account_id
  partition      = data.aws_partition.current.partition
  region         = data.aws_region.current.region
  use_codedeploy = var.deployment_strategy != "rolling"
  service_name   = "${var.name}-service"
  cluster_name   = "${var.name}-cluster"

  codedeploy_config = {
    "blue-green" = "CodeDeployDefault.ECSAllAtOnce"
    "canary"     = "CodeDeployDefault.ECSCanary10Percent5Minutes"
  }

  bedrock_model_arns = length(var.bedrock_model_arns) > 0 ? var.bedrock_model_arns : [
    "arn:${local.partition}:bedrock:${local.region}::foundation-model/${var.bedrock_model_id}",
  ]

  container_environment = [
    for k, v in merge(var.environment_variables, {
      AWS_REGION       = local.region
      BEDROCK_MODEL_ID = var.bedrock_model_id
      SERVER_PORT      = tostring(var.container_port)
      # the service's AWS clients (DynamoDB, Secrets Manager, Bedrock) default to us-east-1 in application.yaml and do
      # not read AWS_REGION: they are pointed at the region the service runs in, the one the tables and the key are in
      CHATBOT_AWS_REGION           = local.region
      CHATBOT_DYNAMODB_REGION      = local.region
      CHATBOT_REPLY_BEDROCK_REGION = local.region
    }) : { name = k, value = v }
  ]

  container_secrets = [for k, arn in var.secret_arns : { name = k, valueFrom = arn }]

  service_tags = merge(var.tags, {
    ChaosAllowed = var.chaos_allowed ? "true" : "false"
  })

  # FIS aws:ecs:task-* actions run SSM documents inside the task: the AWS FIS user guide ("Use the AWS FIS
  # aws:ecs:task actions") requires this sidecar, which registers the task as an SSM managed instance
  # tagged ECS_TASK_ARN (the tag FIS resolves its targets by) and deregisters it when the task stops.
  # The command is the guide's script, unchanged.
  fault_injection_agent_command = join(" ", [
    "set -e; dnf upgrade -y; dnf install jq procps awscli -y;",
    "term_handler() { echo \"Deleting SSM activation $ACTIVATION_ID\"; if ! aws ssm delete-activation --activation-id $ACTIVATION_ID --region $ECS_TASK_REGION; then echo \"SSM activation $ACTIVATION_ID failed to be deleted\" 1>&2; fi; MANAGED_INSTANCE_ID=$(jq -e -r .ManagedInstanceID /var/lib/amazon/ssm/registration); echo \"Deregistering SSM Managed Instance $MANAGED_INSTANCE_ID\"; if ! aws ssm deregister-managed-instance --instance-id $MANAGED_INSTANCE_ID --region $ECS_TASK_REGION; then echo \"SSM Managed Instance $MANAGED_INSTANCE_ID failed to be deregistered\" 1>&2; fi; kill -SIGTERM $SSM_AGENT_PID; }; trap term_handler SIGTERM SIGINT;",
    "if [[ -z $MANAGED_INSTANCE_ROLE_NAME ]]; then echo \"Environment variable MANAGED_INSTANCE_ROLE_NAME not set, exiting\" 1>&2; exit 1; fi;",
    "if ! ps ax | grep amazon-ssm-agent | grep -v grep > /dev/null; then if [[ -n $ECS_CONTAINER_METADATA_URI_V4 ]] ; then echo \"Found ECS Container Metadata, running activation with metadata\"; TASK_METADATA=$(curl \"$${ECS_CONTAINER_METADATA_URI_V4}/task\"); ECS_TASK_AVAILABILITY_ZONE=$(echo $TASK_METADATA | jq -e -r '.AvailabilityZone'); ECS_TASK_ARN=$(echo $TASK_METADATA | jq -e -r '.TaskARN'); ECS_TASK_REGION=$(echo $ECS_TASK_AVAILABILITY_ZONE | sed 's/.$//');",
    "ECS_TASK_AVAILABILITY_ZONE_REGEX='^(af|ap|ca|cn|eu|me|sa|us|us-gov)-(central|north|(north(east|west))|south|south(east|west)|east|west)-[0-9]{1}[a-z]{1}$'; if ! [[ $ECS_TASK_AVAILABILITY_ZONE =~ $ECS_TASK_AVAILABILITY_ZONE_REGEX ]]; then echo \"Error extracting Availability Zone from ECS Container Metadata, exiting\" 1>&2; exit 1; fi;",
    "ECS_TASK_ARN_REGEX='^arn:(aws|aws-cn|aws-us-gov):ecs:[a-z0-9-]+:[0-9]{12}:task/[a-zA-Z0-9_-]+/[a-zA-Z0-9]+$'; if ! [[ $ECS_TASK_ARN =~ $ECS_TASK_ARN_REGEX ]]; then echo \"Error extracting Task ARN from ECS Container Metadata, exiting\" 1>&2; exit 1; fi;",
    "CREATE_ACTIVATION_OUTPUT=$(aws ssm create-activation --iam-role $MANAGED_INSTANCE_ROLE_NAME --tags Key=ECS_TASK_AVAILABILITY_ZONE,Value=$ECS_TASK_AVAILABILITY_ZONE Key=ECS_TASK_ARN,Value=$ECS_TASK_ARN Key=FAULT_INJECTION_SIDECAR,Value=true --region $ECS_TASK_REGION); ACTIVATION_CODE=$(echo $CREATE_ACTIVATION_OUTPUT | jq -e -r .ActivationCode); ACTIVATION_ID=$(echo $CREATE_ACTIVATION_OUTPUT | jq -e -r .ActivationId);",
    "if ! amazon-ssm-agent -register -code $ACTIVATION_CODE -id $ACTIVATION_ID -region $ECS_TASK_REGION; then echo \"Failed to register with AWS Systems Manager (SSM), exiting\" 1>&2; exit 1; fi; amazon-ssm-agent & SSM_AGENT_PID=$!; wait $SSM_AGENT_PID; else echo \"ECS Container Metadata not found, exiting\" 1>&2; exit 1; fi; else echo \"SSM agent is already running, exiting\" 1>&2; exit 1; fi",
  ])

  # Tags the activation (and so the managed instance) carries: the registration may add exactly these.
  fault_injection_activation_tags = ["ECS_TASK_ARN", "ECS_TASK_AVAILABILITY_ZONE", "FAULT_INJECTION_SIDECAR"]

  fault_injection_containers = var.enable_fault_injection ? [
    {
      name        = "amazon-ssm-agent"
      image       = var.fault_injection_agent_image
      essential   = false
      cpu         = var.fault_injection_agent_cpu
      memory      = var.fault_injection_agent_memory
      entryPoint  = ["/bin/bash", "-c"]
      command     = [local.fault_injection_agent_command]
      stopTimeout = 10
      environment = [
        { name = "MANAGED_INSTANCE_ROLE_NAME", value = aws_iam_role.managed_instance[0].name },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "ssm-agent"
          mode                  = "non-blocking"
          max-buffer-size       = "8m"
        }
      }
    },
  ] : []
}

# ---------------------------------------------------------------------------------------------
# Cluster and logs
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "service" {
  name              = "/ecs/${var.name}/service"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_cloudwatch_log_group" "exec" {
  name              = "/ecs/${var.name}/exec-audit"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_ecs_cluster" "this" {
  name = local.cluster_name

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }

  configuration {
    execute_command_configuration {
      kms_key_id = var.kms_key_arn
      logging    = "OVERRIDE"

      log_configuration {
        cloud_watch_encryption_enabled = true
        cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
      }
    }
  }

  tags = var.tags
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

# ---------------------------------------------------------------------------------------------
# IAM: execution role (pull image, write logs, read the secrets) and task role (the app)
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:ecs:${local.region}:${local.account_id}:*"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${var.name}-task-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "EcrAuthToken"
    actions   = ["ecr:GetAuthorizationToken"] # does not support resource-level permissions
    resources = ["*"]
  }

  statement {
    sid = "PullServiceImage"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    resources = [var.ecr_repository_arn]
  }

  statement {
    sid       = "WriteServiceLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.service.arn}:*"]
  }

  dynamic "statement" {
    for_each = length(var.secret_arns) > 0 ? [1] : []
    content {
      sid       = "ReadServiceSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = distinct(values(var.secret_arns))
    }
  }

  statement {
    sid       = "DecryptWithEnvironmentKey"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values = [
        "secretsmanager.${local.region}.amazonaws.com",
        "ecr.${local.region}.amazonaws.com",
      ]
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "pull-image-write-logs-read-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_iam_role" "task" {
  name               = "${var.name}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "task" {
  statement {
    sid = "ChatbotTables"
    actions = [
      "dynamodb:BatchGetItem",
      "dynamodb:BatchWriteItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:DeleteItem",
      "dynamodb:DescribeTable",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]
    resources = concat(
      var.dynamodb_table_arns,
      [for arn in var.dynamodb_table_arns : "${arn}/index/*"],
    )
  }

  statement {
    sid       = "TableEncryptionKeyViaDynamoDB"
    actions   = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["dynamodb.${local.region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "InvokeChatModel"
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = local.bedrock_model_arns
  }

  dynamic "statement" {
    for_each = length(var.runtime_secret_arns) > 0 ? [1] : []
    content {
      sid       = "ReadRuntimeSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = var.runtime_secret_arns
    }
  }

  dynamic "statement" {
    for_each = length(var.runtime_secret_arns) > 0 ? [1] : []
    content {
      sid       = "RuntimeSecretsKeyViaSecretsManager"
      actions   = ["kms:Decrypt"]
      resources = [var.kms_key_arn]
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${local.region}.amazonaws.com"]
      }
    }
  }

  # The fault-injection sidecar (local.fault_injection_containers) registers the task with SSM under the task
  # role: an activation carrying exactly its three tags, for the managed-instance role only.
  dynamic "statement" {
    for_each = var.enable_fault_injection ? [1] : []
    content {
      sid       = "RegisterTaskAsManagedInstance"
      actions   = ["ssm:AddTagsToResource", "ssm:CreateActivation"] # CreateActivation has no resource type
      resources = ["*"]
      condition {
        test     = "StringEquals"
        variable = "aws:RequestTag/FAULT_INJECTION_SIDECAR"
        values   = ["true"]
      }
      condition {
        test     = "ForAllValues:StringEquals"
        variable = "aws:TagKeys"
        values   = local.fault_injection_activation_tags
      }
    }
  }

  dynamic "statement" {
    for_each = var.enable_fault_injection ? [1] : []
    content {
      sid       = "PassManagedInstanceRoleToSsm"
      actions   = ["iam:PassRole"]
      resources = [aws_iam_role.managed_instance[0].arn]
      condition {
        test     = "StringEquals"
        variable = "iam:PassedToService"
        values   = ["ssm.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role_policy" "task" {
  name   = "chatbot-least-privilege"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}

# ---------------------------------------------------------------------------------------------
# IAM: managed-instance role of the fault-injection sidecar (only with enable_fault_injection).
# SSM gives it to the task registered as a managed instance: the agent runs FIS's SSM documents
# with it, and the sidecar's stop handler deletes the activation and deregisters the instance.
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "ssm_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ssm.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:ssm:${local.region}:${local.account_id}:*"]
    }
  }
}

resource "aws_iam_role" "managed_instance" {
  count = var.enable_fault_injection ? 1 : 0

  name               = "${var.name}-fis-managed-instance"
  assume_role_policy = data.aws_iam_policy_document.ssm_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "managed_instance_core" {
  count = var.enable_fault_injection ? 1 : 0

  role       = aws_iam_role.managed_instance[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

data "aws_iam_policy_document" "managed_instance" {
  statement {
    sid       = "DeleteOwnActivation"
    actions   = ["ssm:DeleteActivation"] # no resource type: AWS accepts only "*"
    resources = ["*"]
  }

  statement {
    sid       = "DeregisterSidecarInstances"
    actions   = ["ssm:DeregisterManagedInstance"]
    resources = ["arn:${local.partition}:ssm:${local.region}:${local.account_id}:managed-instance/*"]
  }
}

resource "aws_iam_role_policy" "managed_instance" {
  count = var.enable_fault_injection ? 1 : 0

  name   = "deregister-on-task-stop"
  role   = aws_iam_role.managed_instance[0].id
  policy = data.aws_iam_policy_document.managed_instance.json
}

# ---------------------------------------------------------------------------------------------
# Task definition
# ---------------------------------------------------------------------------------------------

resource "aws_ecs_task_definition" "this" {
  family                   = local.service_name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  enable_fault_injection   = var.enable_fault_injection
  pid_mode                 = var.enable_fault_injection ? "task" : null

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode(concat([
    {
      name                   = var.container_name
      image                  = var.container_image
      essential              = true
      readonlyRootFilesystem = true
      stopTimeout            = 30
      portMappings = [
        {
          name          = "http"
          containerPort = var.container_port
          protocol      = "tcp"
          appProtocol   = "http"
        },
      ]
      environment = local.container_environment
      secrets     = local.container_secrets
      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      healthCheck = {
        command     = var.health_check_command
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 90
      }
      linuxParameters = {
        initProcessEnabled = true
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "chatbot"
          mode                  = "non-blocking"
          max-buffer-size       = "8m"
        }
      }
    },
  ], local.fault_injection_containers))

  tags = var.tags
}

# ---------------------------------------------------------------------------------------------
# Service: one of two variants, selected by var.deployment_strategy
# ---------------------------------------------------------------------------------------------

resource "aws_ecs_service" "rolling" {
  count = local.use_codedeploy ? 0 : 1

  name                               = local.service_name
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  launch_type                        = "FARGATE"
  platform_version                   = "LATEST"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  enable_execute_command             = false
  availability_zone_rebalancing      = "ENABLED"

  deployment_controller {
    type = "ECS"
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "alarms" {
    for_each = length(var.rollback_alarm_names) > 0 ? [1] : []
    content {
      alarm_names = var.rollback_alarm_names
      enable      = true
      rollback    = true
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.target_group_arns["blue"]
    container_name   = var.container_name
    container_port   = var.container_port
  }

  tags = local.service_tags

  lifecycle {
    # The deployment pipeline registers new revisions; auto scaling owns desired_count.
    ignore_changes = [task_definition, desired_count]
  }

  depends_on = [aws_iam_role_policy.execution, aws_iam_role_policy.task, aws_iam_role_policy.managed_instance]
}

resource "aws_ecs_service" "codedeploy" {
  count = local.use_codedeploy ? 1 : 0

  name                               = local.service_name
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  launch_type                        = "FARGATE"
  platform_version                   = "LATEST"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  enable_execute_command             = false

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.target_group_arns["blue"]
    container_name   = var.container_name
    container_port   = var.container_port
  }

  tags = local.service_tags

  lifecycle {
    # CodeDeploy owns the task definition and the active target group after the first deployment.
    ignore_changes = [task_definition, desired_count, load_balancer]
  }

  depends_on = [aws_iam_role_policy.execution, aws_iam_role_policy.task, aws_iam_role_policy.managed_instance]
}

locals {
  service_arn = local.use_codedeploy ? aws_ecs_service.codedeploy[0].id : aws_ecs_service.rolling[0].id
}

# ---------------------------------------------------------------------------------------------
# CodeDeploy blue/green and canary
# ---------------------------------------------------------------------------------------------

resource "aws_codedeploy_app" "this" {
  count = local.use_codedeploy ? 1 : 0

  name             = "${var.name}-app"
  compute_platform = "ECS"
  tags             = var.tags
}

data "aws_iam_policy_document" "codedeploy_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["codedeploy.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "codedeploy" {
  count = local.use_codedeploy ? 1 : 0

  name               = "${var.name}-codedeploy"
  assume_role_policy = data.aws_iam_policy_document.codedeploy_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "codedeploy" {
  count = local.use_codedeploy ? 1 : 0

  role       = aws_iam_role.codedeploy[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AWSCodeDeployRoleForECS"
}

resource "aws_codedeploy_deployment_group" "this" {
  count = local.use_codedeploy ? 1 : 0

  app_name               = aws_codedeploy_app.this[0].name
  deployment_group_name  = "${var.name}-dg"
  deployment_config_name = local.codedeploy_config[var.deployment_strategy]
  service_role_arn       = aws_iam_role.codedeploy[0].arn

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }

  dynamic "alarm_configuration" {
    for_each = length(var.rollback_alarm_names) > 0 ? [1] : []
    content {
      alarms  = var.rollback_alarm_names
      enabled = true
    }
  }

  blue_green_deployment_config {
    deployment_ready_option {
      action_on_timeout = "CONTINUE_DEPLOYMENT"
    }

    terminate_blue_instances_on_deployment_success {
      action = "TERMINATE"
      # The old task set stays up this long after the switch: a rollback within this window
      # is a listener switch back, well inside the 5 minute rollback target.
      termination_wait_time_in_minutes = var.blue_termination_wait_minutes
    }
  }

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  ecs_service {
    cluster_name = aws_ecs_cluster.this.name
    service_name = aws_ecs_service.codedeploy[0].name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.https_listener_arn]
      }

      target_group {
        name = var.target_group_names["blue"]
      }

      target_group {
        name = var.target_group_names["green"]
      }
    }
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy_attachment.codedeploy]
}

# ---------------------------------------------------------------------------------------------
# Auto scaling: target tracking on CPU and on ALB requests per target
# ---------------------------------------------------------------------------------------------

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${local.service_name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity
  tags               = var.tags

  depends_on = [aws_ecs_service.rolling, aws_ecs_service.codedeploy]
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-cpu-target-tracking"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  name               = "${var.name}-requests-target-tracking"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${var.alb_arn_suffix}/${var.target_group_arn_suffixes["blue"]}"
    }
  }
}
