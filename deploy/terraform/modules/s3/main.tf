# Object storage for generated files (exports, share images) and database backups: private,
# encrypted, versioned; temporary files expire by lifecycle rule. Files are handed out only
# through short-lived presigned URLs or the CDN.
variable "name" { type = string }
variable "tags" { type = map(string) }
# The cluster whose GospeLib pods (service account gospelib in these namespaces) read and write the bucket
variable "cluster_name" { type = string }
variable "namespaces" {
  type    = list(string)
  default = ["gospelib", "gospelib-staging"]
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    id     = "temporary-files"
    status = "Enabled"
    filter {
      prefix = "tmp/"
    }
    expiration {
      days = 1
    }
  }
  # study exports stay downloadable for 7 days (gospelib.files.exports-kept-for); a day more here
  # so the application removes each with its row first
  rule {
    id     = "exports"
    status = "Enabled"
    filter {
      prefix = "exports/"
    }
    expiration {
      days = 8
    }
  }
  rule {
    id     = "old-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
  }
}

# The pods' role (EKS Pod Identity): objects of this bucket only, no bucket administration
data "aws_iam_policy_document" "pods_trust" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "objects" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.this.arn}/*"]
  }
  statement {
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this.arn]
  }
}

resource "aws_iam_role" "pods" {
  name               = "${var.name}-pods"
  assume_role_policy = data.aws_iam_policy_document.pods_trust.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "objects" {
  name   = "objects"
  role   = aws_iam_role.pods.id
  policy = data.aws_iam_policy_document.objects.json
}

resource "aws_eks_pod_identity_association" "gospelib" {
  for_each        = toset(var.namespaces)
  cluster_name    = var.cluster_name
  namespace       = each.value
  service_account = "gospelib"
  role_arn        = aws_iam_role.pods.arn
}

output "bucket" { value = aws_s3_bucket.this.bucket }
output "role_arn" { value = aws_iam_role.pods.arn }
output "arn" { value = aws_s3_bucket.this.arn }
output "regional_domain_name" { value = aws_s3_bucket.this.bucket_regional_domain_name }
