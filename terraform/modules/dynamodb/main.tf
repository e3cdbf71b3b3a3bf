# DynamoDB tables built from the single definition the service itself reads:
# service/src/main/resources/dynamodb/tables.json. Terraform adds what production needs:
# on-demand capacity, point-in-time recovery, encryption with the environment CMK, TTL on
# ttlAttribute when set, deletion protection, and tags that select the tables for AWS Backup.

locals {
  tables_file = coalesce(var.tables_file, "${path.module}/../../../service/src/main/resources/dynamodb/tables.json")
  definition  = jsondecode(file(local.tables_file))
  tables      = { for t in local.definition.tables : t.name => t }

  # Every key attribute of the table and of its (optional) global secondary indexes, once.
  key_attributes = {
    for name, t in local.tables : name => values(merge(
      { (t.partitionKey.name) = t.partitionKey },
      try({ (t.sortKey.name) = t.sortKey }, {}),
      [for g in try(t.globalSecondaryIndexes, []) : merge(
        { (g.partitionKey.name) = g.partitionKey },
        try({ (g.sortKey.name) = g.sortKey }, {}),
      )]...
    ))
  }
}

resource "aws_dynamodb_table" "this" {
  for_each = local.tables

  name                        = "${var.name_prefix}-${each.value.name}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = each.value.partitionKey.name
  range_key                   = try(each.value.sortKey.name, null)
  deletion_protection_enabled = var.deletion_protection
  table_class                 = "STANDARD"

  dynamic "attribute" {
    for_each = local.key_attributes[each.key]
    content {
      name = attribute.value.name
      type = attribute.value.type
    }
  }

  dynamic "global_secondary_index" {
    for_each = try(each.value.globalSecondaryIndexes, [])
    content {
      name               = global_secondary_index.value.name
      hash_key           = global_secondary_index.value.partitionKey.name
      range_key          = try(global_secondary_index.value.sortKey.name, null)
      projection_type    = try(global_secondary_index.value.projection, "ALL")
      non_key_attributes = try(global_secondary_index.value.nonKeyAttributes, null)
    }
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = var.pitr_recovery_period_days
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  dynamic "ttl" {
    for_each = try(each.value.ttlAttribute, null) != null ? [each.value.ttlAttribute] : []
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  tags = merge(var.tags, {
    Name                 = "${var.name_prefix}-${each.value.name}"
    LogicalTable         = each.value.name
    HoldsPersonalData    = try(each.value.holdsPersonalData, false) ? "true" : "false"
    (var.backup_tag_key) = var.backup_tag_value
  })
}
