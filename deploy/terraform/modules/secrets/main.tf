# The entries the External Secrets operator copies into the cluster, under
# gospelib/<environment>/: the database, Redis, the secret every process shares, Pub/Sub's
# credentials, and the mail service's key. Values come from the other modules or are generated; none is ever committed.
variable "environment" { type = string }
variable "database_url" { type = string }
variable "database_username" { type = string }
variable "database_password" {
  type      = string
  sensitive = true
}
variable "redis_url" {
  type      = string
  sensitive = true
}
variable "pubsub_credentials" {
  type      = string
  sensitive = true
}
variable "tags" { type = map(string) }

resource "random_password" "internal" {
  length  = 64
  special = false
}

locals {
  entries = {
    database = jsonencode({ url = var.database_url, username = var.database_username, password = var.database_password })
    internal = jsonencode({ secret = random_password.internal.result })
    redis    = jsonencode({ url = var.redis_url })
    pubsub   = var.pubsub_credentials
  }
}

resource "aws_secretsmanager_secret" "this" {
  for_each                = local.entries
  name                    = "gospelib/${var.environment}/${each.key}"
  recovery_window_in_days = 7
  tags                    = var.tags
}

resource "aws_secretsmanager_secret_version" "this" {
  for_each      = local.entries
  secret_id     = aws_secretsmanager_secret.this[each.key].id
  secret_string = each.value
}

# Resend's API key and webhook signing secret come from Resend's dashboard: the entry is made
# here and its value put by an operator (docs/deploy.md), so the key is never in Terraform's state.
resource "aws_secretsmanager_secret" "mail" {
  name                    = "gospelib/${var.environment}/mail"
  recovery_window_in_days = 7
  tags                    = var.tags
}

# Stripe's secret key, webhook signing secret and the Plus prices' ids come from Stripe's
# dashboard: the entry is made here and its value put by an operator, like the mail entry.
resource "aws_secretsmanager_secret" "billing" {
  name                    = "gospelib/${var.environment}/billing"
  recovery_window_in_days = 7
  tags                    = var.tags
}

# The study assistant's provider keys (Anthropic, OpenAI): put by an operator; without them the
# assistant answers extractively.
resource "aws_secretsmanager_secret" "assistant" {
  name                    = "gospelib/${var.environment}/assistant"
  recovery_window_in_days = 7
  tags                    = var.tags
}

output "arn_prefix" {
  value = "arn:aws:secretsmanager:*:*:secret:gospelib/${var.environment}/"
}
