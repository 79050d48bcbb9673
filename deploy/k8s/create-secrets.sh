#!/usr/bin/env bash
# Creates the Secrets that deploy/k8s/provided-secrets.yaml marks "providedBy: you", with random
# passwords and a fresh RS256 key pair, in NAMESPACE (default: logishift-support). Existing Secrets
# are left alone, so running it again never rotates anything. Needs kubectl (pointing at the
# cluster) and openssl.
#
#   deploy/k8s/create-secrets.sh [NAMESPACE]
#   TLS_CERT=fullchain.pem TLS_KEY=key.pem deploy/k8s/create-secrets.sh logishift-support
#   deploy/k8s/create-secrets.sh --list      (only print the names of the Secrets it creates)
#   SMTP_HOST=smtp.example.com SMTP_USERNAME=… SMTP_PASSWORD=… deploy/k8s/create-secrets.sh   (SMTP_PORT default 587, STARTTLS)
#   IMAP_HOST=imap.example.com MAILBOX_USER=support@… MAILBOX_PASSWORD=… deploy/k8s/create-secrets.sh   (IMAP_PORT default 993, TLS)
#
# Without TLS_CERT/TLS_KEY the Ingress certificate (gateway-tls) is not created: use cert-manager
# or create it later with `kubectl create secret tls gateway-tls --cert=… --key=…`.
set -euo pipefail
db_services=(agent-service ticket-service faq-service notification-service)
if [ "${1:-}" = "--list" ]; then
  for svc in "${db_services[@]}"; do echo "$svc-db"; done
  printf '%s\n' agent-service-jwt agent-service-admin notification-service-mail notification-service-webhooks ticket-service-mail gateway-tls
  exit 0
fi
ns="${1:-logishift-support}"
command -v kubectl >/dev/null || { echo "kubectl not found" >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl not found" >&2; exit 1; }

exists() { kubectl -n "$ns" get secret "$1" >/dev/null 2>&1; }
random() { openssl rand -base64 32 | tr -d '/+=\n' | cut -c1-32; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"

# PostgreSQL roles: the service reads username/password; CloudNativePG sets the role's password
# from the same Secret (the cnpg.io/reload label makes it pick up later changes)
for svc in "${db_services[@]}"; do
  name="$svc-db"; role="${svc//-/_}"
  if exists "$name"; then echo "kept    $name"; continue; fi
  kubectl -n "$ns" create secret generic "$name" --type=kubernetes.io/basic-auth \
    --from-literal=username="$role" --from-literal=password="$(random)"
  kubectl -n "$ns" label secret "$name" cnpg.io/reload=true >/dev/null
done

# the token signing key pair: agent-service only
if exists agent-service-jwt; then echo "kept    agent-service-jwt"; else
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
  openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
  kubectl -n "$ns" create secret generic agent-service-jwt \
    --from-file=private.pem="$work/private.pem" --from-file=public.pem="$work/public.pem"
fi

# the bootstrap admin's password (printed once; the e-mail is SUPPORT_ADMIN_EMAIL in the ConfigMap)
if exists agent-service-admin; then echo "kept    agent-service-admin"; else
  pw="$(random)"
  kubectl -n "$ns" create secret generic agent-service-admin --from-literal=password="$pw"
  echo "admin password: $pw"
fi

# e-mail out: the SMTP relay (from SMTP_*) and a random key that signs unsubscribe links
if exists notification-service-mail; then echo "kept    notification-service-mail"; else
  kubectl -n "$ns" create secret generic notification-service-mail \
    --from-literal=smtp-host="${SMTP_HOST:-smtp.invalid}" --from-literal=smtp-port="${SMTP_PORT:-587}" \
    --from-literal=smtp-username="${SMTP_USERNAME:-}" --from-literal=smtp-password="${SMTP_PASSWORD:-}" \
    --from-literal=unsubscribe-secret="$(random)"
  [ -n "${SMTP_HOST:-}" ] || echo "note: notification-service-mail has no SMTP relay yet (set SMTP_HOST and create it again)"
fi

# webhooks: the key (base64 of 32 random bytes) that encrypts the endpoints' secrets at rest
if exists notification-service-webhooks; then echo "kept    notification-service-webhooks"; else
  kubectl -n "$ns" create secret generic notification-service-webhooks \
    --from-literal=secret-key="$(openssl rand -base64 32)"
fi

# e-mail in: the support mailbox ticket-service reads (from IMAP_* and MAILBOX_*)
if exists ticket-service-mail; then echo "kept    ticket-service-mail"; else
  kubectl -n "$ns" create secret generic ticket-service-mail \
    --from-literal=imap-host="${IMAP_HOST:-imap.invalid}" --from-literal=imap-port="${IMAP_PORT:-993}" \
    --from-literal=mailbox-user="${MAILBOX_USER:-}" --from-literal=mailbox-password="${MAILBOX_PASSWORD:-}"
  [ -n "${IMAP_HOST:-}" ] || echo "note: ticket-service-mail has no mailbox yet (set IMAP_HOST, MAILBOX_USER, MAILBOX_PASSWORD and create it again)"
fi

if [ -n "${TLS_CERT:-}" ] && [ -n "${TLS_KEY:-}" ]; then
  if exists gateway-tls; then echo "kept    gateway-tls"; else
    kubectl -n "$ns" create secret tls gateway-tls --cert="$TLS_CERT" --key="$TLS_KEY"
  fi
elif ! exists gateway-tls; then
  echo "note: gateway-tls not created (set TLS_CERT and TLS_KEY, or use cert-manager)"
fi
