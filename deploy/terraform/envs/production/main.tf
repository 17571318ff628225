# GospeLib's production environment (docs/deploy.md). State in S3 with locking; the values that exist
# only once the cluster runs (the ingress's load balancer) and the certificate are variables.
terraform {
  required_version = ">= 1.9"
  required_providers {
    aws    = { source = "hashicorp/aws", version = "~> 5.80" }
    google = { source = "hashicorp/google", version = "~> 6.10" }
    random = { source = "hashicorp/random", version = "~> 3.6" }
  }
  backend "s3" {
    bucket       = "gospelib-terraform-state"
    key          = "production/terraform.tfstate"
    region       = "eu-west-1"
    use_lockfile = true
    encrypt      = true
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "google" {
  project = var.gcp_project
}

variable "gcp_project" { type = string }
variable "certificate_arn" { type = string }
variable "load_balancer_domain_name" { type = string }
variable "load_balancer_zone_id" { type = string }

module "gospelib" {
  source                    = "../../modules/environment"
  environment               = "production"
  region                    = "eu-west-1"
  gcp_project               = var.gcp_project
  zone_name                 = "gospelib.example.org"
  web_host                  = "gospelib.example.org"
  api_host                  = "api.gospelib.example.org"
  certificate_arn           = var.certificate_arn
  load_balancer_domain_name = var.load_balancer_domain_name
  load_balancer_zone_id     = var.load_balancer_zone_id
  vpc_cidr                  = "10.10.0.0/16"
  node_instance_types       = ["m6i.large"]
  node_min                  = 3
  node_max                  = 10
  node_desired              = 4
  db_instance_class         = "db.m6g.large"
  db_storage_gb             = 100
  db_multi_az               = true
  db_backup_days            = 30
  redis_node_type           = "cache.t4g.small"
  redis_replicas            = 1
}

output "cluster_name" { value = module.gospelib.cluster_name }
output "registry" { value = module.gospelib.registry }
