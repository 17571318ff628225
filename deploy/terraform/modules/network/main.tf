# A VPC across three availability zones: public subnets for the load balancers, private ones for
# the nodes, the database and Redis, one NAT gateway per zone in production (one in staging).
variable "name" { type = string }
variable "cidr" { type = string }
variable "azs" { type = list(string) }
variable "single_nat_gateway" { type = bool }
variable "tags" { type = map(string) }

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.13"

  name               = var.name
  cidr               = var.cidr
  azs                = var.azs
  private_subnets    = [for i, _ in var.azs : cidrsubnet(var.cidr, 4, i)]
  public_subnets     = [for i, _ in var.azs : cidrsubnet(var.cidr, 4, i + 8)]
  enable_nat_gateway = true
  single_nat_gateway = var.single_nat_gateway

  public_subnet_tags  = { "kubernetes.io/role/elb" = "1" }
  private_subnet_tags = { "kubernetes.io/role/internal-elb" = "1" }
  tags                = var.tags
}

output "vpc_id" { value = module.vpc.vpc_id }
output "private_subnet_ids" { value = module.vpc.private_subnets }
output "public_subnet_ids" { value = module.vpc.public_subnets }
output "private_cidrs" { value = module.vpc.private_subnets_cidr_blocks }
