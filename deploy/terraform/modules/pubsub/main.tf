# The topics module events travel on between GospeLib's services (Google Cloud Pub/Sub, as in
# the seeds). Made here, not by the processes (GOSPELIB_PUBSUB_CREATE_TOPICS=false); each
# service's processes make their own subscriptions. A service account with the rights to
# publish and subscribe, whose key is kept in Secrets Manager for the cluster.
variable "project" { type = string }
variable "environment" { type = string }

locals {
  topics = toset(["gospelib.corpus", "gospelib.study", "gospelib.identity", "gospelib.billing"])
}

resource "google_pubsub_topic" "this" {
  for_each                   = local.topics
  project                    = var.project
  name                       = each.key
  message_retention_duration = "604800s"
  labels                     = { environment = var.environment }
}

resource "google_service_account" "gospelib" {
  project      = var.project
  account_id   = "gospelib-${var.environment}"
  display_name = "GospeLib ${var.environment}"
}

resource "google_project_iam_member" "pubsub" {
  for_each = toset(["roles/pubsub.publisher", "roles/pubsub.subscriber", "roles/pubsub.editor"])
  project  = var.project
  role     = each.key
  member   = "serviceAccount:${google_service_account.gospelib.email}"
}

resource "google_service_account_key" "gospelib" {
  service_account_id = google_service_account.gospelib.name
}

output "credentials_json" {
  value     = base64decode(google_service_account_key.gospelib.private_key)
  sensitive = true
}
