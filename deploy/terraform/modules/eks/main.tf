# The Kubernetes cluster: managed node group sized by the environment, IRSA for the External
# Secrets operator (read gospelib/<environment>/* in Secrets Manager) and nothing else.
variable "name" { type = string }
variable "kubernetes_version" { type = string }
variable "vpc_id" { type = string }
variable "subnet_ids" { type = list(string) }
variable "instance_types" { type = list(string) }
variable "min_size" { type = number }
variable "max_size" { type = number }
variable "desired_size" { type = number }
variable "secrets_arn_prefix" { type = string }
variable "tags" { type = map(string) }

module "cluster" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.24"

  cluster_name                   = var.name
  cluster_version                = var.kubernetes_version
  vpc_id                         = var.vpc_id
  subnet_ids                     = var.subnet_ids
  cluster_endpoint_public_access = true
  enable_irsa                    = true
  # EKS Pod Identity: how GospeLib's pods get the files bucket's role (modules/s3), without an
  # annotation naming an account in the manifests
  cluster_addons = {
    eks-pod-identity-agent = {}
  }

  eks_managed_node_groups = {
    general = {
      instance_types = var.instance_types
      min_size       = var.min_size
      max_size       = var.max_size
      desired_size   = var.desired_size
    }
  }
  tags = var.tags
}

data "aws_iam_policy_document" "read_secrets" {
  statement {
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = ["${var.secrets_arn_prefix}*"]
  }
}

module "external_secrets_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "~> 5.44"

  role_name = "${var.name}-external-secrets"
  oidc_providers = {
    main = {
      provider_arn               = module.cluster.oidc_provider_arn
      namespace_service_accounts = ["gospelib:external-secrets", "gospelib-staging:external-secrets"]
    }
  }
  role_policy_arns = { read = aws_iam_policy.read_secrets.arn }
  tags             = var.tags
}

resource "aws_iam_policy" "read_secrets" {
  name   = "${var.name}-read-secrets"
  policy = data.aws_iam_policy_document.read_secrets.json
}

output "cluster_name" { value = module.cluster.cluster_name }
output "cluster_endpoint" { value = module.cluster.cluster_endpoint }
output "node_security_group_id" { value = module.cluster.node_security_group_id }
output "external_secrets_role_arn" { value = module.external_secrets_role.iam_role_arn }
