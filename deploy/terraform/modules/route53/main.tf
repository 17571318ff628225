# The environment's names: the reader's host through the CDN, the API host straight to the
# cluster's load balancer.
variable "zone_name" { type = string }
variable "web_host" { type = string }
variable "api_host" { type = string }
variable "cdn_domain_name" { type = string }
variable "cdn_zone_id" { type = string }
variable "load_balancer_domain_name" { type = string }
variable "load_balancer_zone_id" { type = string }

data "aws_route53_zone" "this" {
  name = var.zone_name
}

resource "aws_route53_record" "web" {
  zone_id = data.aws_route53_zone.this.zone_id
  name    = var.web_host
  type    = "A"
  alias {
    name                   = var.cdn_domain_name
    zone_id                = var.cdn_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "api" {
  zone_id = data.aws_route53_zone.this.zone_id
  name    = var.api_host
  type    = "A"
  alias {
    name                   = var.load_balancer_domain_name
    zone_id                = var.load_balancer_zone_id
    evaluate_target_health = true
  }
}
