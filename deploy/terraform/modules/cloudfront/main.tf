# The CDN in front of the reader's host: chapter pages and static files are cacheable (GospeLib
# sends Cache-Control and ETags); everything else passes through to the load balancer.
variable "name" { type = string }
variable "aliases" { type = list(string) }
variable "origin_domain_name" { type = string }
variable "certificate_arn" { type = string }
variable "tags" { type = map(string) }

data "aws_cloudfront_cache_policy" "origin_headers" {
  name = "UseOriginCacheControlHeaders-QueryStrings"
}

data "aws_cloudfront_origin_request_policy" "all_viewer" {
  name = "Managed-AllViewer"
}

resource "aws_cloudfront_distribution" "this" {
  enabled         = true
  aliases         = var.aliases
  is_ipv6_enabled = true
  comment         = var.name
  origin {
    domain_name = var.origin_domain_name
    origin_id   = "gateway"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id         = "gateway"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods           = ["GET", "HEAD"]
    compress                 = true
    cache_policy_id          = data.aws_cloudfront_cache_policy.origin_headers.id
    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all_viewer.id
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
  tags = var.tags
}

output "domain_name" { value = aws_cloudfront_distribution.this.domain_name }
output "hosted_zone_id" { value = aws_cloudfront_distribution.this.hosted_zone_id }
