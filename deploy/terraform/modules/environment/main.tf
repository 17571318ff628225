# One GospeLib environment: network, cluster, PostgreSQL, Redis, storage, registry, CDN, names,
# secrets and Pub/Sub topics. The staging and production roots differ only in sizes and counts
# (seed 000: staging = production, smaller).
variable "environment" { type = string }
variable "region" { type = string }
variable "gcp_project" { type = string }
variable "zone_name" { type = string }
variable "web_host" { type = string }
variable "api_host" { type = string }
variable "certificate_arn" {
  type        = string
  description = "ACM certificate in us-east-1 for the CDN"
}
variable "load_balancer_domain_name" {
  type        = string
  description = "the ingress controller's load balancer (known once the cluster runs it)"
}
variable "load_balancer_zone_id" { type = string }
variable "vpc_cidr" { type = string }
variable "node_instance_types" { type = list(string) }
variable "node_min" { type = number }
variable "node_max" { type = number }
variable "node_desired" { type = number }
variable "db_instance_class" { type = string }
variable "db_storage_gb" { type = number }
variable "db_multi_az" { type = bool }
variable "db_backup_days" { type = number }
variable "redis_node_type" { type = string }
variable "redis_replicas" { type = number }

locals {
  name = "gospelib-${var.environment}"
  tags = { project = "gospelib", environment = var.environment }
}

data "aws_availability_zones" "available" {
  state = "available"
}

module "network" {
  source             = "../network"
  name               = local.name
  cidr               = var.vpc_cidr
  azs                = slice(data.aws_availability_zones.available.names, 0, 3)
  single_nat_gateway = var.environment != "production"
  tags               = local.tags
}

module "eks" {
  source             = "../eks"
  name               = local.name
  kubernetes_version = "1.32"
  vpc_id             = module.network.vpc_id
  subnet_ids         = module.network.private_subnet_ids
  instance_types     = var.node_instance_types
  min_size           = var.node_min
  max_size           = var.node_max
  desired_size       = var.node_desired
  secrets_arn_prefix = module.secrets.arn_prefix
  tags               = local.tags
}

module "rds" {
  source                     = "../rds"
  name                       = local.name
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.private_subnet_ids
  allowed_security_group_ids = [module.eks.node_security_group_id]
  instance_class             = var.db_instance_class
  allocated_storage          = var.db_storage_gb
  multi_az                   = var.db_multi_az
  backup_retention_days      = var.db_backup_days
  deletion_protection        = var.environment == "production"
  tags                       = local.tags
}

data "aws_secretsmanager_secret_version" "db_master" {
  secret_id = module.rds.master_user_secret_arn
}

module "elasticache" {
  source                     = "../elasticache"
  name                       = local.name
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.private_subnet_ids
  allowed_security_group_ids = [module.eks.node_security_group_id]
  node_type                  = var.redis_node_type
  replicas                   = var.redis_replicas
  tags                       = local.tags
}

module "s3" {
  source       = "../s3"
  name         = "${local.name}-files"
  cluster_name = module.eks.cluster_name
  namespaces   = [var.environment == "production" ? "gospelib" : "gospelib-${var.environment}"]
  tags         = local.tags
}

module "ecr" {
  source = "../ecr"
  name   = "gospelib"
  tags   = local.tags
}

module "cloudfront" {
  source             = "../cloudfront"
  name               = local.name
  aliases            = [var.web_host]
  origin_domain_name = var.load_balancer_domain_name
  certificate_arn    = var.certificate_arn
  tags               = local.tags
}

module "route53" {
  source                    = "../route53"
  zone_name                 = var.zone_name
  web_host                  = var.web_host
  api_host                  = var.api_host
  cdn_domain_name           = module.cloudfront.domain_name
  cdn_zone_id               = module.cloudfront.hosted_zone_id
  load_balancer_domain_name = var.load_balancer_domain_name
  load_balancer_zone_id     = var.load_balancer_zone_id
}

module "pubsub" {
  source      = "../pubsub"
  project     = var.gcp_project
  environment = var.environment
}

module "secrets" {
  source             = "../secrets"
  environment        = var.environment
  database_url       = "jdbc:postgresql://${module.rds.address}:${module.rds.port}/gospelib?sslmode=require"
  database_username  = "gospelib"
  database_password  = jsondecode(data.aws_secretsmanager_secret_version.db_master.secret_string)["password"]
  redis_url          = module.elasticache.url
  pubsub_credentials = module.pubsub.credentials_json
  tags               = local.tags
}

output "cluster_name" { value = module.eks.cluster_name }
output "registry" { value = module.ecr.repository_url }
output "files_bucket" { value = module.s3.bucket }
output "external_secrets_role_arn" { value = module.eks.external_secrets_role_arn }
