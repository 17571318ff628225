# PostgreSQL 16 (RDS): study data lives here and nowhere else, so backups are on, encrypted,
# deletion-protected in production, reachable only from the cluster's nodes.
variable "name" { type = string }
variable "vpc_id" { type = string }
variable "subnet_ids" { type = list(string) }
variable "allowed_security_group_ids" { type = list(string) }
variable "instance_class" { type = string }
variable "allocated_storage" { type = number }
variable "multi_az" { type = bool }
variable "backup_retention_days" { type = number }
variable "deletion_protection" { type = bool }
variable "tags" { type = map(string) }

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_security_group" "this" {
  name   = "${var.name}-postgres"
  vpc_id = var.vpc_id
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = var.allowed_security_group_ids
  }
  tags = var.tags
}

resource "aws_db_instance" "this" {
  identifier                  = var.name
  engine                      = "postgres"
  engine_version              = "16"
  instance_class              = var.instance_class
  allocated_storage           = var.allocated_storage
  max_allocated_storage       = var.allocated_storage * 4
  storage_encrypted           = true
  db_name                     = "gospelib"
  username                    = "gospelib"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.this.name
  vpc_security_group_ids      = [aws_security_group.this.id]
  multi_az                    = var.multi_az
  # automated backups archive the WAL continuously: point-in-time recovery to any second within
  # the retention (docs/operations.md); the nightly logical backup (the backup CronJob) is apart
  backup_retention_period      = var.backup_retention_days
  backup_window                = "01:30-02:30"
  copy_tags_to_snapshot        = true
  delete_automated_backups     = false
  deletion_protection          = var.deletion_protection
  skip_final_snapshot          = !var.deletion_protection
  final_snapshot_identifier    = var.deletion_protection ? "${var.name}-final" : null
  performance_insights_enabled = true
  tags                         = var.tags
}

output "address" { value = aws_db_instance.this.address }
output "port" { value = aws_db_instance.this.port }
output "master_user_secret_arn" { value = aws_db_instance.this.master_user_secret[0].secret_arn }
